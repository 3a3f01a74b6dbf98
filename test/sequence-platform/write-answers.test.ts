import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import type { APIPromise } from '../../src/core/api-promise.js';
import { ResponseValidationError } from '../../src/core/errors/response-validation-error.js';
import type { SequencePlatformClient } from '../../src/sequence-platform/client.js';
import { recordingLogger } from '../helpers/recording-logger.js';
import { rejectionOf } from '../helpers/rejection.js';
import { CALLS, TRANSFER } from './calls.js';
import { platformV1, testPlatformClient, usePlatformMock } from './platform-mock.js';

// A write that succeeded resolves whatever shape its JSON answer takes (a caller who retried an "error" would move
// money twice); reads stay strict.

const { answer, seen, server } = usePlatformMock();

type Envelope = { requestId: string; data: Record<string, unknown> };
const created = platformV1.response('createTransfer', '201') as Envelope;
const triggered = platformV1.response('triggerRule', '202') as Envelope;

/** The answers of another shape each write is tried with, and the data each must resolve with. */
const odd = (documented: Envelope) => ({
  'without requestId': [{ data: documented.data }, documented.data],
  'with the data nested once more': [
    { ...documented, data: { result: documented.data } },
    { result: documented.data },
  ],
  'without the envelope': [documented.data, documented.data],
});
const transferCases = {
  ...odd(created),
  'with a status the document does not list': [
    { ...created, data: { ...created.data, status: 'ON_HOLD' } },
    { ...created.data, status: 'ON_HOLD' },
  ],
  'with createdAt written +00:00': [
    { ...created, data: { ...created.data, createdAt: '2024-04-25T10:00:00+00:00' } },
    { ...created.data, createdAt: '2024-04-25T10:00:00+00:00' },
  ],
};
const cases: Array<[string, string, unknown, unknown]> = [
  ...Object.entries(transferCases).map(
    ([name, [body, data]]) => ['createTransfer', name, body, data] as [string, string, unknown, unknown],
  ),
  ...Object.entries(odd(triggered)).map(
    ([name, [body, data]]) => ['triggerRule', name, body, data] as [string, string, unknown, unknown],
  ),
];
const call = (operationId: string, client: SequencePlatformClient) =>
  (CALLS[operationId] as (c: SequencePlatformClient) => APIPromise<unknown>)(client);

describe('writes answered 2xx in another shape than documented', () => {
  it.each(cases)('%s resolves an answer %s, warning once', async (operationId, _, body, data) => {
    const log = recordingLogger();
    const client = testPlatformClient({ logger: log.logger });
    answer(operationId, { body });
    await expect(call(operationId, client)).resolves.toEqual(data);
    await expect(call(operationId, client)).resolves.toEqual(data);
    expect(seen).toHaveLength(2);
    expect(log.warnings()).toHaveLength(1);
    expect(log.warnings()[0]![1]).toContain('the write succeeded, but its answer (');
  });

  it('still refuses the same mismatch in a read', async () => {
    const documented = platformV1.response('getTransfer', '200') as Envelope;
    answer('getTransfer', { body: { ...documented, data: { ...documented.data, status: 'ON_HOLD' } } });
    expect(await rejectionOf(testPlatformClient().transfers.get(TRANSFER))).toBeInstanceOf(
      ResponseValidationError,
    );
  });

  it('still refuses a 2xx that is not JSON (a proxy page) to a write', async () => {
    server.use(
      http.post(`${platformV1.serverUrl}/transfers`, () =>
        HttpResponse.html('<html>Sign in</html>', { status: 201 }),
      ),
    );
    const error = await rejectionOf(call('createTransfer', testPlatformClient()));
    expect(error).toBeInstanceOf(ResponseValidationError);
  });
});
