import { describe, expect, it } from 'vitest';
import { AbortError } from '../../src/core/errors/abort-error.js';
import { NotFoundError, PermissionDeniedError } from '../../src/core/errors/status-errors.js';
import { SequencePlatformClient } from '../../src/sequence-platform/client.js';
import { WaitTimeoutError } from '../../src/sequence-platform/wait-timeout-error.js';
import { fakeFetch } from '../../src/testing/fake-api.js';
import { createSequencePlatformFake } from '../../src/testing/sequence-platform-fake/index.js';
import { rejectionOf } from '../helpers/rejection.js';
import { AUTO_SAVE, EMERGENCY, MANUAL_RULE, SAVINGS } from './platform-mock.js';

// The fake's clock moves 40 ms per request, so "just created" and "settled" happen at known polls: a new record is
// found after 50 ms and settles after 100 ms, i.e. the first poll meets the document's eventual-consistency 404,
// the second sees it in progress, the third final.

function stepping(options: Parameters<typeof createSequencePlatformFake>[0] = {}) {
  let clock = Date.parse('2026-04-20T10:00:00Z');
  const fake = createSequencePlatformFake({
    now: () => clock,
    visibleAfterMs: 50,
    settleAfterMs: 100,
    rateLimit: false,
    ...options,
  });
  const statuses: number[] = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const response = await fakeFetch(fake)(input, init);
    clock += 40;
    statuses.push(response.status);
    return response;
  };
  const client = new SequencePlatformClient({ apiKey: fake.apiKey, fetch, rateLimit: false });
  return { fake, client, statuses };
}

const fast = { intervalMs: 1, maxIntervalMs: 2 };
const body = { sourceAccountId: EMERGENCY, destinationAccountId: SAVINGS, amountInCents: 2_500 };

describe('transfers.waitForTransfer', () => {
  it('treats the 404 on a just-created transfer as transient and returns it COMPLETE', async () => {
    const { client, statuses } = stepping();
    const created = await client.transfers.create(body);
    expect(created.status).toBe('PROCESSING');
    const settled = await client.transfers.waitForTransfer(created.id, fast);
    expect(settled.status).toBe('COMPLETE');
    expect(settled.completedAt).not.toBeNull();
    expect(statuses).toEqual([201, 404, 200, 200]);
  });

  it('keeps polling a PENDING transfer: only COMPLETE, INCOMPLETE, ERROR and CANCELLED are final', async () => {
    const { client, fake } = stepping();
    const pending = fake.state.transfers.find((t) => t.status === 'PENDING')!;
    const error = await rejectionOf(client.transfers.waitForTransfer(pending.id, { ...fast, timeoutMs: 30 }));
    expect(error).toBeInstanceOf(WaitTimeoutError);
    expect((error as WaitTimeoutError).last).toMatchObject({ id: pending.id, status: 'PENDING' });
    expect((error as Error).message).toContain('last status PENDING');
  });

  it('reports a transfer that fails for want of funds as final, with its documented errorCode', async () => {
    const { client } = stepping();
    const created = await client.transfers.create({ ...body, amountInCents: 50_000_000 });
    const settled = await client.transfers.waitForTransfer(created.id, fast);
    expect(settled).toMatchObject({ status: 'INCOMPLETE', errorCode: 'INSUFFICIENT_FUNDS' });
  });

  it('takes a 404 as final after notFoundGraceMs: an id that never existed fails fast', async () => {
    const { client } = stepping();
    const error = await rejectionOf(
      client.transfers.waitForTransfer('3f1e2d4c-5b6a-4798-8a9b-0c1d2e3f4a5b', {
        ...fast,
        notFoundGraceMs: 0,
      }),
    );
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).code).toBe('TRANSFER_NOT_FOUND');
  });

  it('stops when the signal aborts', async () => {
    const { client, fake } = stepping();
    const pending = fake.state.transfers.find((t) => t.status === 'PENDING')!;
    const controller = new AbortController();
    const waiting = client.transfers.waitForTransfer(pending.id, {
      intervalMs: 5,
      signal: controller.signal,
    });
    controller.abort();
    expect(await rejectionOf(waiting)).toBeInstanceOf(AbortError);
  });
});

describe('rules.executions.waitForExecution', () => {
  it('follows a triggered execution from 404 to EXECUTED, its transfers completed', async () => {
    const { client, statuses } = stepping();
    const { executionId } = await client.rules.trigger(MANUAL_RULE);
    const execution = await client.rules.executions.waitForExecution(MANUAL_RULE, executionId, fast);
    expect(execution).toMatchObject({ status: 'EXECUTED', executionMode: 'LIVE', transfersCompleted: 1 });
    expect(statuses.slice(0, 2)).toEqual([202, 404]);
  });

  it.each([
    // The document's rule: step 0 needs BALANCE > 50,000 (executeAmount stands in for it) and saves 20 % of the
    // incoming amount; step 1 is a catch-all moving a fixed $50.00.
    [100_000, 0, 20_000],
    [10_000, 1, 5_000],
  ])(
    'runs the first step whose conditions pass (executeAmount %i: step %i, %i cents)',
    async (amount, step, cents) => {
      const { client, fake } = stepping();
      const { executionId } = await client.rules.trigger(AUTO_SAVE, {
        executeAmount: amount,
        simulation: true,
      });
      const execution = await client.rules.executions.waitForExecution(AUTO_SAVE, executionId, fast);
      expect(execution).toMatchObject({
        status: 'EXECUTED',
        stepIndexMatched: step,
        executionMode: 'SIMULATION',
      });
      const [transfer] = fake.state.transfers.filter((t) => t.ruleExecutionId === executionId);
      expect(transfer).toMatchObject({
        amountInCents: cents,
        executionMode: 'SIMULATION',
        status: 'COMPLETE',
      });
    },
  );

  it('names a 403 for what it is instead of waiting', async () => {
    const fake = createSequencePlatformFake({
      keys: [{ key: 'no-rules', permissions: [] }],
      rateLimit: false,
    });
    const client = new SequencePlatformClient({
      apiKey: 'no-rules',
      fetch: fakeFetch(fake),
      rateLimit: false,
    });
    const error = await rejectionOf(
      client.rules.executions.waitForExecution(MANUAL_RULE, '3f1e2d4c-5b6a-4798-8a9b-0c1d2e3f4a5b', fast),
    );
    expect(error).toBeInstanceOf(PermissionDeniedError);
    expect((error as PermissionDeniedError).message).toContain('READ_RULES');
  });
});
