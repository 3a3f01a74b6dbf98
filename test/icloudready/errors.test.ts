import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../src/core/errors/api-error.js';
import {
  AuthenticationError,
  BadRequestError,
  InternalServerError,
  NotFoundError,
  RateLimitError,
} from '../../src/core/errors/status-errors.js';
import { useSpecMock } from '../helpers/spec-mock.js';
import { CANARY_KEY } from '../helpers/test-transport.js';
import { BASE, icloudreadyV2, testICloudReadyClient } from './icloudready-mock.js';

const { server, answer } = useSpecMock(icloudreadyV2);
const icr = testICloudReadyClient();

const HTML_502 =
  '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1><hr>nginx</body></html>';

/** The error a retrieve fails with, after checking that it never carries the key. */
async function retrieveError(): Promise<ApiError> {
  const result = await icr.sequences.retrieve('s1').safe();
  if (result.ok) throw new Error('expected a failure');
  const { error } = result;
  expect(error).toBeInstanceOf(ApiError);
  for (const text of [error.message, String(error), JSON.stringify(error)])
    expect(text).not.toContain(CANARY_KEY);
  return error as ApiError;
}

describe('error mapping: no error format is documented, so the common ones are read', () => {
  it('401 with a JSON message: AuthenticationError, code http_401', async () => {
    answer('getSequence', { status: 401, body: { message: 'Invalid token' } });
    const error = await retrieveError();
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ status: 401, code: 'http_401', method: 'GET' });
    expect(error.message).toBe('401 http_401: Invalid token');
    expect(error.url).toBe(`${BASE}/sequences/s1`);
  });

  it('404 with the modelled error example: NotFoundError, narrowed through .safe()', async () => {
    answer('getSequence', { status: 404, body: icloudreadyV2.response('getSequence', 'default') });
    const result = await icr.sequences.retrieve('missing').safe();
    expect(!result.ok && result.error).toBeInstanceOf(NotFoundError);
    expect(!result.ok && result.error.code === 'http_404' && result.error.message).toBe(
      '404 http_404: Sequence not found',
    );
  });

  it('404 with a nested {error: {code, message}} keeps the server code', async () => {
    answer('deleteSequence', {
      status: 404,
      body: { error: { code: 'not_found', message: 'No such sequence' } },
    });
    const error = await icr.sequences.delete('s1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ code: 'not_found', message: '404 not_found: No such sequence' });
  });

  it('400 with a list of messages (NestJS style) joins them', async () => {
    answer('createSequence', {
      status: 400,
      body: {
        statusCode: 400,
        message: ['name must be a string', 'code should not be empty'],
        error: 'Bad Request',
      },
    });
    const error = await icr.sequences.create({ name: 'x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as Error).message).toBe('400 http_400: name must be a string; code should not be empty');
  });

  it('500 with a plain-text body: InternalServerError with the text', async () => {
    answer('getSequence', {
      status: 500,
      text: 'Internal Server Error',
      headers: { 'content-type': 'text/plain' },
    });
    const error = await retrieveError();
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error.message).toBe('500 http_500: Internal Server Error');
    expect(error.body).toBe('Internal Server Error');
  });

  it("a proxy's HTML page: the message is its title, the body the page", async () => {
    answer('getSequence', { status: 502, text: HTML_502, headers: { 'content-type': 'text/html' } });
    const error = await retrieveError();
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error.message).toBe('502 http_502: 502 Bad Gateway');
    expect(error.body).toBe(HTML_502);
  });

  it('HTML without a title, and an empty body, still map cleanly', async () => {
    answer('getSequence', { status: 503, text: '<html><body>down</body></html>' });
    expect((await retrieveError()).message).toBe('503 http_503');
    answer('getSequence', { status: 401, text: '' });
    expect((await retrieveError()).message).toBe('401 http_401');
  });

  it('429: RateLimitError with the server wait', async () => {
    answer('getSequence', { status: 429, text: 'Too Many Requests', headers: { 'retry-after': '120' } });
    const error = await retrieveError();
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfter).toBe(120_000);
  });
});

describe('retries follow the transport rules (no idempotency key is documented)', () => {
  /** Answers `method path` with 503 `failures` times, then with `ok`; counts the attempts. */
  function flaky(method: 'get' | 'post', path: string, failures: number, ok: object): { attempts: number } {
    const state = { attempts: 0 };
    server.use(
      http[method](`${BASE}${path}`, ({ request }) => {
        expect(request.headers.get('idempotency-key')).toBeNull();
        state.attempts++;
        return state.attempts <= failures
          ? HttpResponse.text('Service Unavailable', { status: 503 })
          : HttpResponse.json(ok);
      }),
    );
    return state;
  }

  it('retries a GET after a 503', async () => {
    const state = flaky('get', '/sequences/s1', 1, { id: 's1' });
    const retrying = testICloudReadyClient({ maxRetries: 1 });
    expect(await retrying.sequences.retrieve('s1')).toEqual({ id: 's1' });
    expect(state.attempts).toBe(2);
  });

  it('does not repeat a create whose 503 may have followed processing', async () => {
    const state = flaky('post', '/sequences', 1, { id: 's1' });
    const retrying = testICloudReadyClient({ maxRetries: 2 });
    await expect(retrying.sequences.create({ name: 'x' })).rejects.toBeInstanceOf(InternalServerError);
    expect(state.attempts).toBe(1);
  });
});
