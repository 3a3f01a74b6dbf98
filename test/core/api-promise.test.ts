import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { APIPromise } from '../../src/core/api-promise.js';
import {
  type ConnectionError,
  isApiError,
  NotFoundError,
  RequestValidationError,
  RuleseqError,
  type TimeoutError,
} from '../../src/core/errors/index.js';
import { mapResponse } from '../../src/internal/api-response.js';
import { testTransport } from '../helpers/test-transport.js';

const ORIGIN = 'https://promise.example.test';
const BASE = `${ORIGIN}/api`;

const server = setupServer();
let hits = 0;

beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterEach(() => {
  server.resetHandlers();
  hits = 0;
});
afterAll(() => server.close());

interface Subscriber {
  id: number;
  email: string;
}

/** The error union a typed `get` method would declare. */
type GetError = NotFoundError<'NotFound'> | ConnectionError | TimeoutError;

function serve(status: number, body: unknown, headers: Record<string, string> = {}): void {
  server.use(
    http.all(`${ORIGIN}/*`, () => {
      hits += 1;
      return HttpResponse.json(body as Record<string, unknown>, { status, headers });
    }),
  );
}

function getSubscriber(): APIPromise<Subscriber, GetError> {
  const transport = testTransport({ baseUrl: BASE, maxRetries: 0 });
  return new APIPromise(transport.request<Subscriber>({ method: 'GET', path: 'subscribers/1' }));
}

describe('.safe()', () => {
  it('returns { ok: true, data } on success', async () => {
    serve(200, { id: 1, email: 'ada@example.com' });

    const result = await getSubscriber().safe();

    expect(result).toEqual({ ok: true, data: { id: 1, email: 'ada@example.com' } });
  });

  it('returns { ok: false, error } for an API error, narrowed by code', async () => {
    serve(404, { error: 'NotFound', message: 'Subscriber not found' }, { 'x-request-id': 'req-404' });

    const result = await getSubscriber().safe();

    expect(result.ok).toBe(false);
    if (result.ok) throw new Error('unreachable');
    // Every member of the union has `status` (undefined when no answer came), so no narrowing is needed to read it.
    expectTypeOf(result.error.status).toEqualTypeOf<number | undefined>();
    if (!isApiError(result.error, 'NotFound')) throw new Error(`unexpected code ${result.error.code}`);
    // DESIGN §1: the typed code guard narrows the union to the API error with that code (compile-time check).
    expect(result.error.status).toBe(404);
    expect(result.error).toBeInstanceOf(NotFoundError);
    if (!(result.error instanceof NotFoundError)) throw new Error('unreachable');
    expectTypeOf(result.error).toExtend<NotFoundError<'NotFound'>>();
    expectTypeOf(result.error.code).toEqualTypeOf<'NotFound'>();
    expect(result.error.code).toBe('NotFound');
    expect(result.error.status).toBe(404);
    expect(result.error.message).toContain('Subscriber not found');
    expect(result.error.requestId).toBe('req-404');
  });

  it('returns { ok: false } for a network failure too', async () => {
    server.use(http.all(`${ORIGIN}/*`, () => HttpResponse.error()));

    const result = await getSubscriber().safe();

    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('connection_error');
  });

  it('rethrows errors that are not RuleseqErrors (bugs)', async () => {
    const bug = new TypeError('cannot read properties of undefined');
    const promise = new APIPromise<Subscriber>(Promise.reject(bug));

    await expect(promise.safe()).rejects.toBe(bug);
  });

  it('rethrows a bug raised inside envelope unwrapping', async () => {
    serve(200, { id: 1, email: 'ada@example.com' });
    const transport = testTransport({ baseUrl: BASE });
    const promise = new APIPromise(
      mapResponse(
        transport.request<{ subscriber?: Subscriber }>({ method: 'GET', path: 'subscribers/1' }),
        (body) => {
          // A mapper bug: the envelope is missing.
          return body.subscriber!.email.toUpperCase();
        },
      ),
    );

    const outcome = await promise.safe().then(
      () => 'resolved',
      (error: unknown) => error,
    );

    expect(outcome).toBeInstanceOf(TypeError);
    expect(outcome).not.toBeInstanceOf(RuleseqError);
  });

  // A non-RuleseqError thrown while handling a response (schema transform, readRequestId, readErrorBody) is a bug:
  // it must not be reported as a ConnectionError, retried, or swallowed by .safe().
  it('rethrows a bug raised by a response schema instead of reporting a connection error', async () => {
    serve(200, { id: 1, email: 'ada@example.com' });
    const transport = testTransport({ baseUrl: BASE, maxRetries: 2 });
    const schema = z.object({ id: z.number() }).transform((): Subscriber => {
      throw new TypeError('bug in a transform');
    });
    const promise = new APIPromise(transport.request({ method: 'GET', path: 'subscribers/1', schema }));

    const outcome = await promise.safe().then(
      (result) => result,
      (error: unknown) => error,
    );

    expect(outcome).toBeInstanceOf(TypeError);
    expect(hits).toBe(1);
  });
});

describe('.withResponse()', () => {
  it('gives data, the raw body, the Response and the request id', async () => {
    serve(200, { subscriber: { id: 7, email: 'ada@example.com' } }, { 'x-request-id': 'req-123' });
    const transport = testTransport({ baseUrl: BASE });
    const promise = new APIPromise(
      mapResponse(
        transport.request<{ subscriber: Subscriber }>({ method: 'GET', path: 'subscribers/7' }),
        (body) => body.subscriber,
      ),
    );

    const { data, body, response, requestId } = await promise.withResponse();

    expect(data).toEqual({ id: 7, email: 'ada@example.com' });
    expect(body).toEqual({ subscriber: { id: 7, email: 'ada@example.com' } });
    expect(response).toBeInstanceOf(Response);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBe('req-123');
    expect(requestId).toBe('req-123');
    expectTypeOf(data).toEqualTypeOf<Subscriber>();
  });

  it('takes the request id from the body when the vendor reader finds one there', async () => {
    serve(200, { request_id: 'body-req-9', data: { ok: true } });
    const transport = testTransport({
      baseUrl: BASE,
      readRequestId: (_response, body) => (body as { request_id?: string }).request_id,
    });

    const { requestId, data } = await new APIPromise(
      transport.request({ method: 'GET', path: 'x' }),
    ).withResponse();

    expect(requestId).toBe('body-req-9');
    expect(data).toEqual({ request_id: 'body-req-9', data: { ok: true } });
  });

  it('rejects with the typed error on failure', async () => {
    serve(404, { error: 'NotFound' });
    await expect(getSubscriber().withResponse()).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('awaiting', () => {
  it('resolves to the data and sends a single request however often it is awaited', async () => {
    serve(200, { id: 1, email: 'ada@example.com' });
    const promise = getSubscriber();

    const [a, b] = await Promise.all([promise, promise]);
    const c = await promise;
    const { data } = await promise.withResponse();

    expect(a).toEqual({ id: 1, email: 'ada@example.com' });
    expect(b).toBe(a);
    expect(c).toBe(a);
    expect(data).toBe(a);
    expect(hits).toBe(1);
  });

  it('supports catch and finally, and tags itself as APIPromise', async () => {
    serve(404, { error: 'NotFound' });
    let finallyRan = false;
    const promise = getSubscriber();

    expect(Object.prototype.toString.call(promise)).toBe('[object APIPromise]');
    const caught = await promise
      .finally(() => {
        finallyRan = true;
      })
      .catch((error: unknown) => error);

    expect(caught).toBeInstanceOf(NotFoundError);
    expect(finallyRan).toBe(true);
  });
});

describe('APIPromise.reject', () => {
  it('with a RequestValidationError sends nothing and surfaces the error everywhere', async () => {
    server.use(
      http.all('*', () => {
        hits += 1;
        return HttpResponse.json({});
      }),
    );
    const error = new RequestValidationError(
      [{ message: 'Invalid email', path: ['subscriber', 'email'] }],
      'create',
    );
    const promise = APIPromise.reject<Subscriber, RequestValidationError>(error);

    const result = await promise.safe();
    expect(result).toEqual({ ok: false, error });
    if (!result.ok) expect(result.error.code).toBe('request_validation');
    await expect(promise).rejects.toBe(error);
    await expect(promise.withResponse()).rejects.toBe(error);
    expect(error.message).toBe('create: subscriber.email: Invalid email');
    expect(hits).toBe(0);
  });
});
