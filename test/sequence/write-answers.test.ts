import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { ResponseValidationError } from '../../src/core/errors/response-validation-error.js';
import type { CreateTransferParams } from '../../src/sequence/index.js';
import { recordingLogger } from '../helpers/recording-logger.js';
import { rejectionOf } from '../helpers/rejection.js';
import { CANARY_KEY } from '../helpers/test-transport.js';
import { BASE, ruleInput } from './sequence-contract.js';
import { sequenceV1, testSequenceClient, useSequenceMock } from './sequence-mock.js';

// A write that succeeded resolves whatever shape its JSON answer takes (a caller who retried an "error" would move
// money twice); reads stay strict, and so does the promise that created rules come back disabled.

const { answer, seen, server } = useSequenceMock();
const params = sequenceV1.request('createTransfer', 'minimal') as CreateTransferParams;
const documented = sequenceV1.response('createTransfer', '201') as { request_id: string; data: object };
const transfer = documented.data;

function loggedClient() {
  const log = recordingLogger();
  return { log, seq: testSequenceClient({ logger: log.logger }) };
}

describe('transfers.create answered 201 in another shape than documented', () => {
  it.each([
    ['without request_id', { data: transfer }, transfer],
    // v1's enums and timestamps are open strings (a new `status` already parses): a wrong type is what differs here.
    ['with the amount as a string', { ...documented, data: { ...transfer, amount_in_cents: '50000' } }, null],
    ['with the transfer nested once more', { ...documented, data: { transfer } }, { transfer }],
  ])('resolves %s with the envelope unwrapped, warning once', async (_, body, data) => {
    const { log, seq } = loggedClient();
    answer('createTransfer', { body });
    await expect(seq.transfers.create(params)).resolves.toEqual(data ?? body.data);
    await expect(seq.transfers.create(params)).resolves.toEqual(data ?? body.data);
    expect(seen).toHaveLength(2);
    expect(log.warnings()).toHaveLength(1);
    expect(log.warnings()[0]![1]).toContain('POST transfers: the write succeeded, but its answer (');
  });

  it('resolves an answer without the envelope with the body as sent', async () => {
    const { log, seq } = loggedClient();
    const body = { result: documented, echoed: CANARY_KEY };
    answer('createTransfer', { body });
    const result = await seq.transfers.create(params).withResponse();
    // As sent, but for the echoed key: no successful answer hands it over.
    expect(result.data).toEqual({ ...body, echoed: '***' });
    expect(result.requestId).toBeUndefined();
    expect(log.warnings()).toHaveLength(1);
    expect(log.warnings()[0]![1]).not.toContain(CANARY_KEY);
  });

  it('still refuses the same answer to a read', async () => {
    answer('getTransfer', { body: { data: transfer } });
    const error = await rejectionOf(testSequenceClient().transfers.get('txr_01HABC5555'));
    expect(error).toBeInstanceOf(ResponseValidationError);
  });

  it('still refuses a 2xx that is not JSON (a proxy page) and a null body', async () => {
    const seq = testSequenceClient();
    server.use(
      http.post(`${BASE}/transfers`, () => HttpResponse.html('<html>Sign in</html>'), { once: true }),
    );
    expect(await rejectionOf(seq.transfers.create(params))).toBeInstanceOf(ResponseValidationError);
    answer('createTransfer', { body: null });
    const error = await rejectionOf(seq.transfers.create(params));
    expect(error).toBeInstanceOf(ResponseValidationError);
    // Nothing says the transfer was not made: the error carries the key to retry with.
    expect(error).toHaveProperty('idempotencyKey', seen.at(-1)!.headers.get('idempotency-key'));
  });
});

describe('rules.create and rules.update: a rule that comes back enabled is still an error', () => {
  const enabled = (body: { data: object }) => ({ ...body.data, status: 'enabled' });
  const created = sequenceV1.response('createRule', '201') as { request_id: string; data: object };

  it.each([
    ['in an envelope without request_id', { data: enabled(created) }],
    ['in place of the envelope', enabled(created)],
  ])('rejects an enabled rule %s', async (_, body) => {
    answer('createRule', { body });
    answer('updateRule', { body });
    const seq = testSequenceClient({ logLevel: 'off' });
    expect(await rejectionOf(seq.rules.create(ruleInput('createRule')))).toBeInstanceOf(
      ResponseValidationError,
    );
    expect(await rejectionOf(seq.rules.update('rule_01HXYZ1234', ruleInput('updateRule')))).toBeInstanceOf(
      ResponseValidationError,
    );
  });

  it('resolves a disabled rule without request_id, and an acknowledgement that shows no rule', async () => {
    const seq = testSequenceClient({ logLevel: 'off' });
    answer('createRule', { body: { data: created.data } });
    await expect(seq.rules.create(ruleInput('createRule'))).resolves.toEqual(created.data);
    answer('createRule', { body: { success: true } });
    await expect(seq.rules.create(ruleInput('createRule'))).resolves.toEqual({ success: true });
  });
});
