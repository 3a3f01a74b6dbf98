import { describe, expect, it } from 'vitest';
import { RequestValidationError } from '../../src/core/errors/request-validation-error.js';
import { SequenceClient } from '../../src/sequence/client.js';
import { recordingFetch } from '../helpers/recording-fetch.js';
import { rejectionOf } from '../helpers/rejection.js';
import { CANARY_KEY } from '../helpers/test-transport.js';

// Inputs are exact: a key Sequence's docs do not define is refused before anything is sent (money moves on these
// calls, so a misspelt field must never be dropped silently), naming the defined key it most likely meant.

describe('Sequence refuses undocumented keys before sending', () => {
  it.each<[string, (seq: SequenceClient) => PromiseLike<unknown>, string]>([
    [
      'a transfer field',
      (seq) =>
        seq.transfers.create({
          source_account_id: 'acc_a',
          destination_account_id: 'acc_b',
          amount_in_cents: 100,
          amount: 100,
        } as never),
      'transfers.create: amount: unknown option; did you mean amount_in_cents?',
    ],
    [
      'a camelCase transfer field',
      (seq) =>
        seq.transfers.create({
          sourceAccountId: 'acc_a',
          destination_account_id: 'acc_b',
          amount_in_cents: 100,
        } as never),
      'transfers.create: source_account_id is required; sourceAccountId: unknown option; did you mean source_account_id?',
    ],
    [
      'a trigger parameter',
      (seq) => seq.rules.trigger('rule_1', { manual_execute_amnt: 5 } as never),
      'rules.trigger: manual_execute_amnt: unknown option; did you mean manual_execute_amount?',
    ],
    [
      'a list filter',
      (seq) => seq.transfers.list({ account_id: 'acc_a', account_roles: 'source' } as never),
      'transfers.list: account_roles: unknown option; did you mean account_role?',
    ],
    [
      'a waitUntilSettled option',
      (seq) => seq.transfers.waitUntilSettled('txr_1', { timeout: 5 } as never),
      'transfers.waitUntilSettled: wait.timeout: unknown option; did you mean timeoutMs?',
    ],
    [
      'an income source field',
      (seq) => seq.accounts.createIncomeSource({ nickname: 'Pay', icn: 'x' } as never),
      'accounts.createIncomeSource: icn: unknown option; did you mean icon?',
    ],
  ])('%s', async (_, call, message) => {
    const { fetch, sent } = recordingFetch({ request_id: 'r', data: {} });
    const seq = new SequenceClient({ apiKey: CANARY_KEY, rateLimit: false, maxRetries: 0, fetch });
    const error = await rejectionOf(call(seq));
    expect(error).toBeInstanceOf(RequestValidationError);
    expect((error as Error).message).toBe(message);
    expect(sent).toHaveLength(0);
  });
});
