import { HttpResponse, http, passthrough } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { APIPromise } from '../../src/core/api-promise.js';
import type { ClientOptions } from '../../src/core/client-options.js';
import {
  ConfigurationError,
  InternalServerError,
  NotFoundError,
  ResponseValidationError,
  type RuleseqError,
} from '../../src/core/errors/index.js';
import type { RequestOptions } from '../../src/core/request-options.js';
import { headerAuth } from '../../src/internal/auth.js';
import { BaseClient } from '../../src/internal/base-client.js';
import { createTransport, type VendorProfile } from '../../src/internal/create-transport.js';
import { bytesToBase64, decodeBase64, encodeBase64, isBrowser } from '../../src/internal/runtime.js';
import { startServer, type TestServer } from '../helpers/http-server.js';
import { CANARY_KEY, captureLogger, readSimpleErrorBody } from '../helpers/test-transport.js';

const ORIGIN = 'https://safety.example.test';
const ENV_NAME = 'RULESEQ_SAFETY_TEST_API_KEY';

const profile: VendorProfile = {
  name: 'Safety',
  apiKeyEnv: ENV_NAME,
  baseUrlEnv: 'RULESEQ_SAFETY_TEST_BASE_URL',
  defaultBaseUrl: `${ORIGIN}/v1`,
  auth: headerAuth('Bearer'),
  rateLimit: { maxRequests: 1_000, intervalMs: 1_000, maxConcurrent: 5 },
  readErrorBody: readSimpleErrorBody,
};

const server = setupServer();
const servers: TestServer[] = [];

beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterEach(async () => {
  server.resetHandlers();
  vi.unstubAllEnvs();
  await Promise.all(servers.splice(0).map((s) => s.close()));
});
afterAll(() => server.close());

function make(options: ClientOptions = {}) {
  return createTransport(
    { apiKey: CANARY_KEY, rateLimit: false, logger: captureLogger(), ...options },
    profile,
  );
}

interface Seen {
  method: string;
  url: URL;
  headers: Headers;
  body: string;
}

function record(respond: (attempt: number) => Response = () => HttpResponse.json({ ok: true })): Seen[] {
  const seen: Seen[] = [];
  server.use(
    http.all(`${ORIGIN}/*`, async ({ request }) => {
      seen.push({
        method: request.method,
        url: new URL(request.url),
        headers: new Headers(request.headers),
        body: await request.text(),
      });
      return respond(seen.length);
    }),
  );
  return seen;
}

/** Sets globals for the duration of `fn` and restores the exact previous property descriptors afterwards. */
async function withGlobals(values: Record<string, unknown>, fn: () => unknown): Promise<void> {
  const saved = new Map<string, PropertyDescriptor | undefined>();
  for (const [name, value] of Object.entries(values)) {
    saved.set(name, Object.getOwnPropertyDescriptor(globalThis, name));
    Object.defineProperty(globalThis, name, { value, configurable: true, writable: true, enumerable: true });
  }
  try {
    await fn();
  } finally {
    for (const [name, descriptor] of saved) {
      if (descriptor) Object.defineProperty(globalThis, name, descriptor);
      else delete (globalThis as Record<string, unknown>)[name];
    }
  }
}

describe('base URL safety', () => {
  it.each([
    'http://api.example.com/v1',
    'http://10.0.0.5:8080',
    'http://localhost.evil.test',
    'http://127.0.0.1.nip.io',
    'http://[::2]',
  ])('refuses %s (plain http off loopback)', (baseUrl) => {
    expect(() => make({ baseUrl })).toThrow(ConfigurationError);
  });

  it('names the problem and the way out in the message', () => {
    expect(() => make({ baseUrl: 'http://api.example.com' })).toThrow(/allowInsecureHttp/);
  });

  it('permits plain http off loopback with allowInsecureHttp', () => {
    const transport = make({ baseUrl: 'http://api.example.com/v1', allowInsecureHttp: true });
    expect(transport.config.baseUrl.href).toBe('http://api.example.com/v1');
  });

  it.each([
    'http://127.0.0.1:8080/v1',
    'http://127.10.20.30',
    'http://localhost:3000',
    'http://LOCALHOST',
    'http://[::1]:9000',
  ])('allows loopback %s without any flag', (baseUrl) => {
    expect(make({ baseUrl }).config.baseUrl.protocol).toBe('http:');
  });

  it.each(['ftp://127.0.0.1', 'file:///etc/passwd', 'not a url'])(
    'refuses %s even with allowInsecureHttp',
    (baseUrl) => {
      expect(() => make({ baseUrl, allowInsecureHttp: true })).toThrow(ConfigurationError);
    },
  );

  it('refuses credentials in the base URL', () => {
    expect(() => make({ baseUrl: 'https://user:secret@api.example.com' })).toThrow(ConfigurationError);
  });

  it('really talks plain http to a loopback server', async () => {
    server.use(http.all('http://127.0.0.1:*/*', () => passthrough()));
    const local = await startServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ local: true }));
    });
    servers.push(local);
    const transport = make({ baseUrl: `${local.url}/v1` });

    const result = await transport.request({ method: 'GET', path: 'ping' });

    expect(result.data).toEqual({ local: true });
    expect(local.requests).toHaveLength(1);
    expect(local.requests[0]!.url).toBe('/v1/ping');
    expect(local.requests[0]!.headers.authorization).toBe(`Bearer ${CANARY_KEY}`);
  });
});

describe('browser detection', () => {
  it('refuses to start in a browser page without dangerouslyAllowBrowser, and works with it', async () => {
    expect(isBrowser()).toBe(false);
    await withGlobals({ window: { document: {} } }, async () => {
      expect(isBrowser()).toBe(true);
      expect(() => make()).toThrow(ConfigurationError);
      expect(() => make()).toThrow(/dangerouslyAllowBrowser/);

      const seen = record();
      const transport = make({ dangerouslyAllowBrowser: true });
      const result = await transport.request({ method: 'GET', path: 'ping' });
      expect(result.data).toEqual({ ok: true });
      expect(seen).toHaveLength(1);
    });
    expect('window' in globalThis).toBe(false);
    expect(isBrowser()).toBe(false);
    expect(() => make()).not.toThrow();
  });

  it('treats a browser worker as a browser, but not a Cloudflare worker', async () => {
    const scope = function WorkerGlobalScope() {};
    await withGlobals({ WorkerGlobalScope: scope }, async () => {
      expect(() => make()).toThrow(ConfigurationError);
      await withGlobals({ navigator: { userAgent: 'Cloudflare-Workers' } }, () => {
        expect(() => make()).not.toThrow();
      });
    });
    expect('WorkerGlobalScope' in globalThis).toBe(false);
    expect(() => make()).not.toThrow();
  });
});

describe('API key', () => {
  it('falls back to the environment variable named in the profile', async () => {
    vi.stubEnv(ENV_NAME, 'env-key-12345');
    const seen = record();

    const transport = createTransport({ rateLimit: false }, profile);
    await transport.request({ method: 'GET', path: 'ping' });

    expect(seen[0]!.headers.get('authorization')).toBe('Bearer env-key-12345');
  });

  it('trims the environment value, and an explicit apiKey wins over it', () => {
    vi.stubEnv(ENV_NAME, '  env-key-12345\n');
    expect(createTransport({ rateLimit: false }, profile).config.apiKey).toBe('env-key-12345');
    expect(createTransport({ rateLimit: false, apiKey: 'explicit-key' }, profile).config.apiKey).toBe(
      'explicit-key',
    );
    expect(createTransport({ rateLimit: false, apiKey: undefined }, profile).config.apiKey).toBe(
      'env-key-12345',
    );
  });

  it('throws ConfigurationError naming the variable when neither is set', () => {
    vi.stubEnv(ENV_NAME, undefined);
    expect(() => createTransport({ rateLimit: false }, profile)).toThrow(ConfigurationError);
    expect(() => createTransport({ rateLimit: false }, profile)).toThrow(ENV_NAME);
  });

  it('refuses a key that cannot travel in a header, without quoting it', () => {
    // A mark no checkout path or stack frame holds (a worktree may well be named `…-secret`).
    const mark = 'zq7hush';
    for (const apiKey of [
      `ключ-${mark}-1`,
      `${mark}-2\r\nX-Injected: 1`,
      `${mark} 3`,
      42 as unknown as string,
    ]) {
      const error = (() => {
        try {
          createTransport({ rateLimit: false, apiKey }, profile);
        } catch (caught) {
          return caught as Error;
        }
        throw new Error(`accepted ${String(apiKey)}`);
      })();
      expect(error).toBeInstanceOf(ConfigurationError);
      expect(`${error.message} ${error.stack}`).not.toContain(mark);
    }
  });

  it('treats an empty environment variable as unset', () => {
    vi.stubEnv(ENV_NAME, '');
    expect(() => createTransport({ rateLimit: false }, profile)).toThrow(ConfigurationError);
  });
});

describe('numeric options', () => {
  it.each([
    ['timeout', 0],
    ['timeout', -1],
    ['timeout', Number.NaN],
    ['timeout', Number.POSITIVE_INFINITY],
    ['totalTimeout', 0],
    ['maxRetries', -1],
    ['maxRetries', 1.5],
    ['maxRetries', Number.NaN],
    ['maxRetries', Number.POSITIVE_INFINITY],
    ['maxRetryAfter', -1],
  ])('rejects %s = %s', (name, value) => {
    expect(() => make({ [name]: value })).toThrow(ConfigurationError);
    expect(() => make({ [name]: value })).toThrow(name);
  });

  it.each([
    ['maxRequests', 0],
    ['maxRequests', 2.5],
    ['maxRequests', 2_000_000],
    ['maxRequests', '100'],
    ['intervalMs', 0],
    ['intervalMs', Number.NaN],
    ['maxConcurrent', 0],
    ['maxConcurrent', Number.POSITIVE_INFINITY],
  ])('rejects rateLimit.%s = %s', (name, value) => {
    expect(() => make({ rateLimit: { [name]: value } })).toThrow(ConfigurationError);
    expect(() => make({ rateLimit: { [name]: value } })).toThrow(`rateLimit.${name}`);
  });

  it('rejects a timeout given as a string', () => {
    expect(() => make({ timeout: '1000' as unknown as number })).toThrow(ConfigurationError);
  });

  it('accepts the boundaries, and maxRetries: 0 really means one attempt', async () => {
    const transport = make({ timeout: 1_000, maxRetries: 0, totalTimeout: 1 * 60_000 });
    expect(transport.config.maxRetries).toBe(0);
    const seen = record(() => HttpResponse.json({ error: 'busy' }, { status: 503 }));

    await expect(transport.request({ method: 'GET', path: 'ping' })).rejects.toBeInstanceOf(
      InternalServerError,
    );
    expect(seen).toHaveLength(1);
  });
});

describe('base64 without Buffer', () => {
  const big = (unit: string) => unit.repeat(Math.ceil((100 * 1024) / unit.length));

  it.each([
    ['Swedish text', 'Hej å ä ö'],
    ['emoji (surrogate pairs, ZWJ sequences, flags)', '👋🏽 Hej 👨‍👩‍👧‍👦 🇸🇪 €'],
    ['empty string', ''],
    ['100 KB of ASCII', big('abcdefghij0123456789')],
    ['100 KB of multi-byte text', big('Hej å ä ö 😀 € ')],
  ])('%s: matches Buffer and round-trips', (_label, text) => {
    const encoded = encodeBase64(text);
    expect(encoded).toBe(Buffer.from(text, 'utf8').toString('base64'));
    expect(decodeBase64(encoded)).toBe(text);
    expect(decodeBase64(Buffer.from(text, 'utf8').toString('base64'))).toBe(text);
  });

  it('pins the documented example', () => {
    expect(encodeBase64('Hej å ä ö')).toBe('SGVqIMOlIMOkIMO2');
  });

  it('encodes arbitrary bytes (every value, beyond one 32 KiB chunk) like Buffer', () => {
    const bytes = new Uint8Array(100 * 1024 + 3);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919) % 256;
    expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
  });
});

interface Thing {
  id: number;
  name: string;
}

const thingSchema = z.object({ id: z.union([z.number(), z.string()]).transform(Number), name: z.string() });

/** The smallest possible vendor client: the escape hatch plus one typed method. */
class TestClient extends BaseClient<RuleseqError> {
  constructor(options: ClientOptions = {}) {
    super(make(options));
  }

  getThing(id: number, options?: RequestOptions): APIPromise<Thing> {
    return new APIPromise(
      this.transport.request({ method: 'GET', path: `things/${id}`, schema: thingSchema }, options),
    );
  }
}

describe('client.request() escape hatch', () => {
  it('sends method, path, query and body with the client’s auth and base path', async () => {
    const seen = record(() => HttpResponse.json({ created: true }, { status: 201 }));
    const client = new TestClient({ defaultHeaders: { 'x-app': 'tests' } });

    const data = await client.request({
      method: 'POST',
      path: '/things',
      query: { a: 1, tags: ['x', 'y'], skip: undefined, none: null, flag: false },
      body: { name: 'widget' },
    });

    expect(data).toEqual({ created: true });
    expect(seen).toHaveLength(1);
    const request = seen[0]!;
    expect(request.method).toBe('POST');
    expect(request.url.pathname).toBe('/v1/things');
    expect([...request.url.searchParams]).toEqual([
      ['a', '1'],
      ['tags', 'x'],
      ['tags', 'y'],
      ['flag', 'false'],
    ]);
    expect(JSON.parse(request.body)).toEqual({ name: 'widget' });
    expect(request.headers.get('content-type')).toMatch(/^application\/json/);
    expect(request.headers.get('authorization')).toBe(`Bearer ${CANARY_KEY}`);
    expect(request.headers.get('x-app')).toBe('tests');
  });

  it('retries and maps errors like every other call', async () => {
    const seen = record((attempt) =>
      attempt === 1
        ? HttpResponse.json({ error: 'busy' }, { status: 503 })
        : HttpResponse.json({ fine: true }),
    );
    const client = new TestClient({ maxRetries: 1 });
    expect(await client.request({ method: 'GET', path: 'status' })).toEqual({ fine: true });
    expect(seen).toHaveLength(2);

    server.resetHandlers();
    record(() => HttpResponse.json({ error: 'NotFound', message: 'no such thing' }, { status: 404 }));
    const result = await client.request({ method: 'GET', path: 'things/9' }).safe();
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toBeInstanceOf(NotFoundError);
      expect(result.error.code).toBe('NotFound');
    }
  });

  it('returns the body unvalidated, with withResponse() access', async () => {
    record(() => HttpResponse.json({ anything: ['goes'] }, { headers: { 'x-request-id': 'raw-1' } }));
    const { data, requestId, response } = await new TestClient()
      .request<{ anything: string[] }>({ method: 'GET', path: 'odd' })
      .withResponse();
    expect(data.anything).toEqual(['goes']);
    expect(requestId).toBe('raw-1');
    expect(response.status).toBe(200);
  });
});

describe('response validation (zod via Standard Schema)', () => {
  it('returns the parsed value when the body matches (quirks like string ids included)', async () => {
    record(() => HttpResponse.json({ id: '42', name: 'widget', extra: 'ignored' }));
    const thing = await new TestClient().getThing(42);
    expect(thing).toEqual({ id: 42, name: 'widget' });
  });

  it('throws ResponseValidationError with the issues and the raw body on a mismatch', async () => {
    const body = { id: { nested: true }, name: 7 };
    record(() => HttpResponse.json(body, { headers: { 'x-request-id': 'rv-1' } }));

    const error = await new TestClient().getThing(1).then(
      () => undefined,
      (e: unknown) => e,
    );

    expect(error).toBeInstanceOf(ResponseValidationError);
    const rve = error as ResponseValidationError;
    expect(rve.code).toBe('response_validation');
    expect(rve.body).toEqual(body);
    expect(rve.status).toBe(200);
    expect(rve.requestId).toBe('rv-1');
    expect(rve.issues.map((i) => i.path)).toEqual(expect.arrayContaining([['id'], ['name']]));
    expect(rve.message).toContain('GET things/1');
    expect(rve.message).toContain('name:');
  });

  it('is reported by .safe() as { ok: false } rather than thrown', async () => {
    record(() => HttpResponse.json({ id: 1 }));
    const result = await new TestClient().getThing(1).safe();
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toBeInstanceOf(ResponseValidationError);
  });

  it('with validateResponses: false returns the raw body and logs a warning', async () => {
    const body = { id: { nested: true }, name: 7 };
    record(() => HttpResponse.json(body));
    const logger = captureLogger();
    const client = new TestClient({ validateResponses: false, logger, logLevel: 'warn' });

    const thing = await client.getThing(1);

    expect(thing).toEqual(body);
    expect(logger.lines).toHaveLength(1);
    expect(logger.lines[0]).toContain('Unexpected response from GET things/1');
  });

  it('a non-JSON 2xx body: ResponseValidationError by default, the text with validateResponses: false', async () => {
    record(() => new HttpResponse('<html>maintenance</html>', { headers: { 'content-type': 'text/html' } }));
    await expect(new TestClient().request({ method: 'GET', path: 'x' })).rejects.toBeInstanceOf(
      ResponseValidationError,
    );
    expect(await new TestClient({ validateResponses: false }).request({ method: 'GET', path: 'x' })).toBe(
      '<html>maintenance</html>',
    );
  });
});
