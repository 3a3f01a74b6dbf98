import { inspect } from 'node:util';
import { HttpResponse, http, passthrough } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  AbortError,
  ApiError,
  AuthenticationError,
  ConnectionError,
  InternalServerError,
  ResponseValidationError,
  RuleseqError,
  TimeoutError,
} from '../../src/core/errors/index.js';
import { queryAuth } from '../../src/internal/auth.js';
import { redactUrl } from '../../src/internal/redact.js';
import type { Transport } from '../../src/internal/transport.js';
import { closedPort } from '../helpers/http-server.js';
import { rejectionOf } from '../helpers/rejection.js';
import {
  CANARY_KEY,
  captureLogger,
  type TestTransportOptions,
  testTransport,
} from '../helpers/test-transport.js';

const ORIGIN = 'https://redact.example.test';
const BASE = `${ORIGIN}/api/v2`;
const KEYED_URL = `${BASE}/subscribers?apikey=${CANARY_KEY}`;

const server = setupServer();
/** Every log line of every transport in this file, checked once more at the end. */
const allLogLines: string[][] = [];
/** URLs the mock server received: proves the key really travelled in the query (the checks are not vacuous). */
const receivedUrls: string[] = [];

beforeAll(() =>
  server.listen({
    onUnhandledFrame: 'error',
  }),
);
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

afterAll(() => {
  const lines = allLogLines.flat();
  expect(lines.length).toBeGreaterThan(0);
  for (const line of lines) expect(line).not.toContain(CANARY_KEY);
  expect(receivedUrls.some((u) => new URL(u).searchParams.get('apikey') === CANARY_KEY)).toBe(true);
});

/** Every transport in this file uses query auth, so the key is in every URL the SDK builds. */
function make(options: Partial<TestTransportOptions> = {}): { transport: Transport; lines: string[] } {
  const logger = captureLogger();
  allLogLines.push(logger.lines);
  const transport = testTransport({
    baseUrl: BASE,
    auth: queryAuth('apikey'),
    logger,
    logLevel: 'debug',
    ...options,
  });
  return { transport, lines: logger.lines };
}

/** Serves `respond` on the test origin, recording the URLs it receives. */
function serve(respond: (request: Request, attempt: number) => Response | Promise<Response>): {
  count: () => number;
} {
  let attempts = 0;
  server.use(
    http.all(`${ORIGIN}/*`, ({ request }) => {
      receivedUrls.push(request.url);
      attempts += 1;
      return respond(request, attempts);
    }),
  );
  return { count: () => attempts };
}

function safeStringify(value: unknown): string {
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    return '';
  }
}

/** The key is absent from every public view of the error and of each link of its `cause` chain. */
function expectKeyAbsent(error: unknown): void {
  expect(error).toBeInstanceOf(RuleseqError);
  const views = (e: unknown): Record<string, string> => {
    const err = e as Error;
    return {
      message: String(err.message),
      string: String(err),
      stack: String(err.stack),
      json: safeStringify(err),
    };
  };
  // What console.error(error) prints, bodies included.
  expect(inspect(error, { depth: 10 }), 'util.inspect(error)').not.toContain(CANARY_KEY);
  for (const [view, text] of Object.entries(views(error))) {
    expect(text, `error ${view}`).not.toContain(CANARY_KEY);
  }
  if (error instanceof ApiError) {
    expect(error.url, 'ApiError url').not.toContain(CANARY_KEY);
    expect(safeStringify(error.body), 'ApiError body').not.toContain(CANARY_KEY);
  }
  let depth = 0;
  for (
    let cause = (error as Error).cause;
    cause !== undefined && cause !== null;
    cause = (cause as Error).cause
  ) {
    depth += 1;
    expect(depth, 'cause chain is finite').toBeLessThan(20);
    for (const [view, text] of Object.entries(views(cause))) {
      expect(text, `cause #${depth} ${view}`).not.toContain(CANARY_KEY);
    }
  }
}

/** Schema authors commonly quote the offending value; here the value happens to be an echoed key. */
const quotingSchema = z.object({
  id: z.number({ error: (issue) => `expected a numeric id, got ${String(issue.input)}` }),
});

function expectLinesClean(lines: string[]): void {
  expect(lines.length).toBeGreaterThan(0);
  for (const line of lines) expect(line).not.toContain(CANARY_KEY);
}

describe('the key stays out of errors and logs', () => {
  it('401 whose JSON body echoes the key', async () => {
    serve(() =>
      HttpResponse.json(
        {
          error: 'unauthorized',
          message: `Invalid API key ${CANARY_KEY}`,
          apikey: CANARY_KEY,
          request: `GET ${KEYED_URL}`,
        },
        { status: 401 },
      ),
    );
    const { transport, lines } = make();

    const error = await rejectionOf(
      transport.request({ method: 'GET', path: 'subscribers', query: { limit: 1 } }),
    );

    expect(error).toBeInstanceOf(AuthenticationError);
    const apiError = error as AuthenticationError;
    expect(apiError.status).toBe(401);
    expect(apiError.code).toBe('unauthorized');
    expect(apiError.message).toContain('Invalid API key ***');
    expect(apiError.url).toBe(`${BASE}/subscribers?limit=1&apikey=***`);
    expect(apiError.body).toMatchObject({ error: 'unauthorized', apikey: '***' });
    expectKeyAbsent(error);
    expectLinesClean(lines);
  });

  it('401 whose plain-text body echoes the key (percent-encoded too)', async () => {
    serve(
      () =>
        new HttpResponse(`Unauthorized: ${CANARY_KEY} / ${encodeURIComponent(CANARY_KEY)}`, { status: 401 }),
    );
    const { transport, lines } = make();

    const error = await rejectionOf(transport.request({ method: 'GET', path: 'subscribers' }));

    expect(error).toBeInstanceOf(AuthenticationError);
    expect(typeof (error as ApiError).body).toBe('string');
    expectKeyAbsent(error);
    expectLinesClean(lines);
  });

  it('500 with the key in its message, after every retry', async () => {
    const calls = serve(() =>
      HttpResponse.json(
        { error: 'server_error', message: `upstream rejected ${KEYED_URL} (key ${CANARY_KEY})` },
        { status: 500 },
      ),
    );
    const { transport, lines } = make({ maxRetries: 2 });

    const error = await rejectionOf(transport.request({ method: 'GET', path: 'subscribers' }));

    expect(error).toBeInstanceOf(InternalServerError);
    expect(calls.count()).toBe(3);
    expect((error as ApiError).message).toContain('upstream rejected');
    expectKeyAbsent(error);
    expectLinesClean(lines);
    expect(lines).toHaveLength(3);
  });

  it('a real connection failure (refused port) with the key in the URL', async () => {
    server.use(http.all('http://127.0.0.1:*/*', () => passthrough()));
    const port = await closedPort();
    const { transport, lines } = make({ baseUrl: `http://127.0.0.1:${port}/api/v2`, maxRetries: 1 });

    const error = await rejectionOf(transport.request({ method: 'GET', path: 'subscribers' }));

    expect(error).toBeInstanceOf(ConnectionError);
    expectKeyAbsent(error);
    expectLinesClean(lines);
    expect(lines.some((l) => l.includes('apikey=***') && l.includes('no response'))).toBe(true);
  });

  it('a connection failure whose runtime error text embeds the full URL (as Deno and Bun do)', async () => {
    let sent = 0;
    // Runtimes put the request URL into fetch errors, and some attach the Request itself.
    const failingFetch: typeof fetch = async (input, init) => {
      sent += 1;
      const request = new Request(input, init);
      const inner = Object.assign(new Error(`connect ECONNRESET ${request.url}`), {
        code: 'ECONNRESET',
        url: request.url,
      });
      throw Object.assign(new TypeError(`error sending request for url (${request.url})`, { cause: inner }), {
        request,
      });
    };
    const { transport, lines } = make({ fetch: failingFetch, maxRetries: 1 });

    const error = await rejectionOf(transport.request({ method: 'GET', path: 'subscribers' }));

    expect(sent).toBe(2);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toContain('error sending request for url');
    expect((error as Error).message).toContain('apikey=***');
    expect((error as Error).cause).toBeInstanceOf(Error);
    expectKeyAbsent(error);
    expectLinesClean(lines);
  });

  it('an attempt timeout', async () => {
    serve(
      (request) =>
        new Promise<Response>((resolve) => {
          const timer = setTimeout(() => resolve(HttpResponse.json({ late: true })), 5_000);
          request.signal.addEventListener('abort', () => {
            clearTimeout(timer);
            resolve(HttpResponse.json({ aborted: true }));
          });
        }),
    );
    const { transport, lines } = make({ timeout: 50, maxRetries: 0 });

    const error = await rejectionOf(transport.request({ method: 'GET', path: 'subscribers' }));

    expect(error).toBeInstanceOf(TimeoutError);
    expectKeyAbsent(error);
    expectLinesClean(lines);
  });

  it('a caller abort whose reason embeds the keyed URL', async () => {
    serve(
      (request) =>
        new Promise<Response>((resolve) => {
          const timer = setTimeout(() => resolve(HttpResponse.json({ late: true })), 5_000);
          request.signal.addEventListener('abort', () => {
            clearTimeout(timer);
            resolve(HttpResponse.json({ aborted: true }));
          });
        }),
    );
    const { transport } = make();
    const controller = new AbortController();
    const call = transport.request({ method: 'GET', path: 'subscribers' }, { signal: controller.signal });
    setTimeout(() => controller.abort(new Error(`user gave up on ${KEYED_URL}`)), 20);

    const error = await rejectionOf(call);

    expect(error).toBeInstanceOf(AbortError);
    expectKeyAbsent(error);
  });

  it('a ResponseValidationError on a body that echoes the key', async () => {
    serve(() =>
      HttpResponse.json(
        { items: 'not-an-array', echo: CANARY_KEY, next: KEYED_URL },
        { headers: { 'x-request-id': 'r-9' } },
      ),
    );
    const { transport, lines } = make();
    const schema = z.object({ items: z.array(z.string()) });

    const error = await rejectionOf(transport.request({ method: 'GET', path: 'subscribers', schema }));

    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as ResponseValidationError).issues[0]?.path).toEqual(['items']);
    expect((error as ResponseValidationError).requestId).toBe('r-9');
    expectKeyAbsent(error);
    expectLinesClean(lines);
  });

  // Issue messages come from the schema and may quote the response body.
  it('a ResponseValidationError whose schema message quotes the received value', async () => {
    serve(() => HttpResponse.json({ id: CANARY_KEY }));
    const { transport } = make();

    const error = await rejectionOf(
      transport.request({ method: 'GET', path: 'subscribers/1', schema: quotingSchema }),
    );

    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as Error).message).toContain('expected a numeric id');
    expectKeyAbsent(error);
  });

  // With validateResponses: false the same message goes to the warn log, redacted too.
  it('the validateResponses: false warning about such a body', async () => {
    serve(() => HttpResponse.json({ id: CANARY_KEY }));
    const logger = captureLogger();
    const transport = testTransport({
      baseUrl: BASE,
      auth: queryAuth('apikey'),
      logger,
      logLevel: 'debug',
      validateResponses: false,
    });

    const result = await transport.request({ method: 'GET', path: 'subscribers/1', schema: quotingSchema });

    // Handed over as sent, apart from the key, which no successful answer carries either.
    expect(result.data).toEqual({ id: '***' });
    expect(logger.lines.some((l) => l.includes('expected a numeric id'))).toBe(true);
    expectLinesClean(logger.lines);
  });

  it('a non-JSON 200 body that echoes the key', async () => {
    serve(
      () =>
        new HttpResponse(`<html>welcome ${CANARY_KEY}</html>`, { headers: { 'content-type': 'text/html' } }),
    );
    const { transport, lines } = make();

    const error = await rejectionOf(transport.request({ method: 'GET', path: 'subscribers' }));

    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(String((error as ResponseValidationError).body)).not.toContain(CANARY_KEY);
    expectKeyAbsent(error);
    expectLinesClean(lines);
  });

  it('a redirect whose Location carries the key is not followed, and its message is masked', async () => {
    const calls = serve(
      () => new HttpResponse(null, { status: 302, headers: { location: `${KEYED_URL}&page=2` } }),
    );
    const { transport, lines } = make();

    const error = await rejectionOf(transport.request({ method: 'GET', path: 'subscribers' }));

    expect(calls.count()).toBe(1);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(302);
    expect((error as ApiError).message).toContain('does not follow redirects');
    expect((error as ApiError).message).toContain('apikey=***');
    expect(JSON.stringify(error)).not.toContain(CANARY_KEY);
    expect((error as ApiError).url).not.toContain(CANARY_KEY);
    expectLinesClean(lines);
  });

  // A Location (or any header) echoing a query-auth URL must not expose the key, e.g. through console.error(error).
  it('a redirect whose Location carries the key does not expose it through ApiError.headers', async () => {
    serve(() => new HttpResponse(null, { status: 301, headers: { location: `${KEYED_URL}&page=2` } }));
    const { transport } = make();

    const error = await rejectionOf(transport.request({ method: 'GET', path: 'subscribers' }));

    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).headers.location).toContain('page=2');
    expect(safeStringify((error as ApiError).headers), 'ApiError headers').not.toContain(CANARY_KEY);
    expectKeyAbsent(error);
  });
});

describe('redactUrl', () => {
  it('masks apikey values and keeps everything else', () => {
    expect(redactUrl(`https://app.rule.io/api/v2/subscribers?limit=100&apikey=${CANARY_KEY}&page=2`)).toBe(
      'https://app.rule.io/api/v2/subscribers?limit=100&apikey=***&page=2',
    );
  });

  it('accepts a URL object and leaves URLs without secrets untouched', () => {
    const url = new URL('https://app.rule.io/api/v2/tags?limit=5#frag');
    expect(redactUrl(url)).toBe(url.href);
    expect(redactUrl(new URL(KEYED_URL))).toBe(`${BASE}/subscribers?apikey=***`);
  });

  it('masks regardless of case, repetition and other credential parameter names', () => {
    const out = redactUrl(
      `https://h.test/p?ApiKey=${CANARY_KEY}&apikey=${CANARY_KEY}&api_key=a1b2c3&access_token=t0k&token=x&key=y`,
    );
    expect(out).not.toContain(CANARY_KEY);
    for (const secret of ['a1b2c3', 't0k', '=x', '=y']) expect(out).not.toContain(secret);
    expect(out).toContain('api_key=***');
  });

  it('masks a percent-encoded key and userinfo passwords', () => {
    const out = redactUrl(
      `https://user:${CANARY_KEY}@h.test/p?apikey=${encodeURIComponent(`${CANARY_KEY}/+=`)}`,
    );
    expect(out).not.toContain(CANARY_KEY);
    expect(out).toBe('https://user:***@h.test/p?apikey=***');
  });

  it('masks apikey values in strings that are not absolute URLs', () => {
    expect(redactUrl(`/api/v2/subscribers?apikey=${CANARY_KEY}&limit=2`)).toBe(
      '/api/v2/subscribers?apikey=***&limit=2',
    );
    expect(redactUrl(`subscribers?x=1&APIKEY=${CANARY_KEY}#top`)).toBe('subscribers?x=1&APIKEY=***#top');
  });
});

describe('one log line per attempt', () => {
  it('has the method, redacted URL, status, duration, attempt number and request id', async () => {
    serve((_request, attempt) =>
      attempt < 3
        ? HttpResponse.json({ error: 'busy' }, { status: 503, headers: { 'x-request-id': `req-${attempt}` } })
        : HttpResponse.json({ ok: true }, { headers: { 'x-request-id': `req-${attempt}` } }),
    );
    const { transport, lines } = make({ maxRetries: 2 });

    await transport.request({ method: 'GET', path: 'subscribers', query: { limit: 2 } });

    expect(lines).toHaveLength(3);
    const url = `${BASE}/subscribers?limit=2&apikey=***`.replace(/[.?*]/g, '\\$&');
    const statuses = [503, 503, 200];
    lines.forEach((line, i) => {
      const pattern = new RegExp(
        `^\\[ruleseq\\] GET ${url} -> ${statuses[i]} in \\d+ ms \\(attempt ${i + 1}, request id req-${i + 1}\\)$`,
      );
      expect(line).toMatch(pattern);
    });
  });

  it('logs an attempt without a response as such, with its attempt number', async () => {
    serve(() => HttpResponse.error());
    const { transport, lines } = make({ maxRetries: 1 });

    await rejectionOf(
      transport.request({ method: 'POST', path: 'subscribers', body: { a: 1 } }, { maxRetries: 1 }),
    );

    expect(lines.length).toBeGreaterThanOrEqual(1);
    expect(lines[0]).toMatch(
      /^\[ruleseq\] POST \S+\/subscribers\?apikey=\*\*\* -> no response in \d+ ms \(attempt 1\)$/,
    );
    expectLinesClean(lines);
  });

  it('writes nothing below the configured level', async () => {
    serve(() => HttpResponse.json({ ok: true }));
    const { transport, lines } = make({ logLevel: 'warn' });
    await transport.request({ method: 'GET', path: 'subscribers' });
    expect(lines).toEqual([]);
  });
});
