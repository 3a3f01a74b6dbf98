import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  type ApiError,
  AuthenticationError,
  ConfigurationError,
  ResponseValidationError,
} from '../../src/core/errors/index.js';
import { type AuthStrategy, headerAuth, queryAuth } from '../../src/internal/auth.js';
import { createRedactor, redactValue } from '../../src/internal/redact.js';
import { redisRateLimit } from '../../src/redis/index.js';
import { RuleClient } from '../../src/rule/client.js';
import { SequenceClient } from '../../src/sequence/client.js';
import { secretLeaks } from '../faults/secret-scan.js';
import { rejectionOf } from '../helpers/rejection.js';
import { captureLogger, testTransport } from '../helpers/test-transport.js';

// One redaction for every body and value an error carries, whatever form the key travels or comes back in.

const BASE = 'https://forms.example.test/api/v2';

/** Keys as printable ASCII allows them: JSON escapes `"` and `\`, a query string form-encodes `!~()'`, PHP `/`. */
const KEYS = {
  quote: 'key"with\\quote-7f3a9c',
  form: "key!~()'*-7f3a9c",
  slash: 'key/with/slash-7f3a9c',
};

/** The same text with its percent-escapes in lower case, as some servers re-encode a URL. */
const lowerHex = (text: string) => text.replace(/%[0-9A-F]{2}/g, (percent) => percent.toLowerCase());

/** Every way the key can be written in a text: what no view of an error may contain. */
function writtenForms(key: string): string[] {
  const json = JSON.stringify(key).slice(1, -1);
  const form = new URLSearchParams([['', key]]).toString().slice(1);
  const forms = [key, encodeURIComponent(key), form, json, json.replaceAll('/', '\\/')];
  return [...new Set([...forms, ...forms.map(lowerHex)])];
}

function expectNoForm(value: unknown, key: string): void {
  for (const form of writtenForms(key)) expect(secretLeaks(value, form), form).toEqual([]);
}

/** A server that answers `status` with a body made from what it received (a careless echo). */
function echoing(status: number, body: (request: Request, text: string) => BodyInit) {
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const request = new Request(input, init);
    return new Response(body(request, await request.text()), {
      status,
      headers: { 'content-type': 'application/json' },
    });
  };
  return fetch;
}

/** The key written as `\u` escapes only: text redaction cannot see it, value redaction must. */
const unicodeEscaped = (key: string) =>
  [...key].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');

function transport(key: string, auth: AuthStrategy, fetch: typeof globalThis.fetch) {
  const logger = captureLogger();
  return {
    lines: logger.lines,
    transport: testTransport({ baseUrl: BASE, apiKey: key, auth, fetch, logger, maxRetries: 0 }),
  };
}

const wrongShape = z.object({ items: z.array(z.string()) });

describe.each(Object.entries(KEYS))('a key with %s characters', (_, key) => {
  describe.each([
    ['in the query', queryAuth('apikey')],
    ['in a header', headerAuth('Bearer')],
  ])('sent %s', (_, auth) => {
    it('is masked in a ResponseValidationError whose 2xx body echoes the request', async () => {
      const { transport: t, lines } = transport(
        key,
        auth,
        echoing(200, (request) =>
          JSON.stringify({
            items: 'not a list',
            url: request.url,
            lowerHexUrl: lowerHex(request.url),
            authorization: request.headers.get('authorization'),
            key,
            [key]: 'as a key',
            nested: { deeper: [{ key }] },
          }),
        ),
      );

      const error = await rejectionOf(t.request({ method: 'GET', path: 'subscribers', schema: wrongShape }));

      expect(error).toBeInstanceOf(ResponseValidationError);
      const body = (error as ResponseValidationError).body as Record<string, unknown>;
      expect(body.key).toBe('***');
      expect(body['***']).toBe('as a key');
      expectNoForm(error, key);
      for (const line of lines) for (const form of writtenForms(key)) expect(line).not.toContain(form);
    });

    it('is masked when the 2xx body spells it in \\u escapes', async () => {
      const { transport: t } = transport(
        key,
        auth,
        echoing(200, () => `{"items": 1, "echo": "${unicodeEscaped(key)}"}`),
      );

      const error = await rejectionOf(t.request({ method: 'GET', path: 'subscribers', schema: wrongShape }));

      expect(error).toBeInstanceOf(ResponseValidationError);
      expect((error as ResponseValidationError).body).toEqual({ items: 1, echo: '***' });
      expectNoForm(error, key);
    });

    it('is masked in an ApiError whose body echoes it JSON-escaped and \\u-escaped', async () => {
      const { transport: t } = transport(
        key,
        auth,
        echoing(401, (request) =>
          JSON.stringify({ error: 'unauthorized', message: `bad key ${key}`, url: request.url }).replace(
            '}',
            `, "escaped": "${unicodeEscaped(key)}"}`,
          ),
        ),
      );

      const error = await rejectionOf(t.request({ method: 'GET', path: 'subscribers' }));

      expect(error).toBeInstanceOf(AuthenticationError);
      expect((error as ApiError).message).toBe('401 unauthorized: bad key ***');
      expect((error as ApiError).body).toMatchObject({ escaped: '***' });
      expectNoForm(error, key);
    });

    it('is masked in the beginning of an unreadable 2xx body', async () => {
      const { transport: t } = transport(
        key,
        auth,
        echoing(200, (request) => `<html>${request.url} ${JSON.stringify(key)} ${key}</html>`),
      );

      const error = await rejectionOf(t.request({ method: 'GET', path: 'subscribers' }));

      expect(error).toBeInstanceOf(ResponseValidationError);
      expectNoForm(error, key);
    });
  });
});

describe('redactValue', () => {
  const redact = createRedactor(['s3cret-key']);

  it('masks strings and keys at any depth, without recursion', () => {
    let deep: unknown = { leaf: 's3cret-key' };
    for (let i = 0; i < 20_000; i++) deep = [deep];
    let out = redactValue(deep, redact);
    for (let i = 0; i < 20_000; i++) out = (out as unknown[])[0];
    expect(out).toEqual({ leaf: '***' });
  });

  it('keeps a body’s own "__proto__" key a key, and leaves the input alone', () => {
    const body = JSON.parse('{"__proto__": {"s3cret-key": 1}, "list": ["s3cret-key", 2, null]}');
    const out = redactValue(body, redact) as Record<string, unknown>;
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.hasOwn(out, '__proto__')).toBe(true);
    expect(JSON.stringify(out)).toBe('{"__proto__":{"***":1},"list":["***",2,null]}');
    expect(JSON.stringify(body)).toContain('s3cret-key');
  });
});

describe('keys too short to mask', () => {
  it.each(['a', 'ab', 'abc'])('refuses %j when the client is built, without quoting it', (key) => {
    for (const make of [() => new RuleClient({ apiKey: key }), () => new SequenceClient({ apiKey: key })]) {
      const error = (() => {
        try {
          make();
        } catch (caught) {
          return caught;
        }
      })();
      expect(error).toBeInstanceOf(ConfigurationError);
      expect((error as Error).message).toMatch(/shorter than 4 characters/);
    }
  });

  it('accepts a key of 4 characters and masks it', async () => {
    const { transport: t } = transport(
      'wxyz',
      headerAuth('Bearer'),
      echoing(200, () => '{"items": "wxyz"}'),
    );
    const error = await rejectionOf(t.request({ method: 'GET', path: 'x', schema: wrongShape }));
    expectNoForm(error, 'wxyz');
  });

  it('refuses a Redis password shorter than 4 characters', () => {
    expect(() => redisRateLimit({ url: 'redis://user:pw@127.0.0.1' })).toThrow(ConfigurationError);
    expect(() => redisRateLimit({ url: 'redis://user:pw%21%21@127.0.0.1' })).not.toThrow();
  });
});
