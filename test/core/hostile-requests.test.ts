import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../src/core/errors/api-error.js';
import { ConfigurationError } from '../../src/core/errors/configuration-error.js';
import { RequestValidationError } from '../../src/core/errors/request-validation-error.js';
import { ResponseValidationError } from '../../src/core/errors/response-validation-error.js';
import { RateLimitError } from '../../src/core/errors/status-errors.js';
import { ICloudReadyClient } from '../../src/icloudready/client.js';
import { RuleClient } from '../../src/rule/client.js';
import { SequenceClient } from '../../src/sequence/client.js';
import { OpenApiExamples } from '../helpers/openapi-examples.js';
import { recordingLogger } from '../helpers/recording-logger.js';
import { CANARY_KEY, captureLogger } from '../helpers/test-transport.js';

// Issue 18's hostile servers and odd requests, each once a TypeError, a forged log line, an early retry or a
// request that left its base path.

let sent: string[] = [];
const recordingFetch: typeof fetch = async (input) => {
  sent.push(input instanceof Request ? input.url : String(input));
  return Response.json({});
};
afterEach(() => {
  sent = [];
});
const quiet = { apiKey: CANARY_KEY, rateLimit: false as const, maxRetries: 0 };

describe('paths a caller writes stay under the base path and are sent as written, or refused', () => {
  const rule = new RuleClient({ ...quiet, fetch: recordingFetch });
  it.each([
    ['climbs out with ..', '../../admin'],
    ['climbs out with percent-encoded dots', '%2e%2e/%2E%2e/admin'],
    ['climbs out behind backslashes', 'subscribers\\..\\..\\admin'],
    ['holds a lone surrogate', 'tags/\uD800'],
    ['holds CR LF', 'tags\r\nX-Injected: 1'],
    ['holds a tab', 'tags\t/1'],
  ])('a path that %s is a RequestValidationError, and nothing is sent', async (_, path) => {
    const outcome = await rule.request({ method: 'GET', path }).safe();
    expect(outcome).toMatchObject({ ok: false, error: expect.any(RequestValidationError) });
    expect(sent).toHaveLength(0);
  });

  it('sends an ordinary raw path under the base path', async () => {
    await rule.request({ method: 'GET', path: 'tags/VIP.2024' });
    expect(sent).toEqual(['https://app.rule.io/api/v2/tags/VIP.2024']);
  });
});

describe('a baseUrl with a query string or fragment', () => {
  it('is refused when the client is built, rather than losing its last path segment', () => {
    for (const baseUrl of ['https://app.rule.io/api/v2?tenant=1', 'https://app.rule.io/api/v2#x']) {
      expect(() => new RuleClient({ ...quiet, baseUrl }), baseUrl).toThrow(ConfigurationError);
      expect(() => new SequenceClient({ ...quiet, baseUrl }), baseUrl).toThrow(ConfigurationError);
    }
  });
});

describe('an idempotency key the API cannot honour', () => {
  it('is refused on Rule before anything is sent, saying how Rule writes stay safe', async () => {
    const rule = new RuleClient({ ...quiet, fetch: recordingFetch });
    const outcome = await rule.subscribers
      .delete({ email: 'ada@example.com' }, { idempotencyKey: 'k-1' })
      .safe();
    expect(outcome).toMatchObject({ ok: false, error: expect.any(RequestValidationError) });
    expect(String(outcome.ok ? '' : outcome.error.message)).toMatch(
      /never retried after an ambiguous failure/,
    );
    expect(sent).toHaveLength(0);
  });

  it('is refused on iCloudReady too, and still sent on Sequence', async () => {
    const icr = new ICloudReadyClient({ ...quiet, fetch: recordingFetch });
    const refused = await icr.sequences.retrieve('s1', { idempotencyKey: 'k-1' }).safe();
    expect(refused).toMatchObject({ ok: false, error: expect.any(RequestValidationError) });
    expect(sent).toHaveLength(0);
  });
});

/** A loopback server answering every request with `answer`. */
async function serveOnce(answer: (res: http.ServerResponse) => void) {
  const server = http.createServer((_req, res) => answer(res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v2`;
  return {
    url,
    close: () =>
      new Promise<void>((resolve) => server.closeAllConnections() ?? server.close(() => resolve())),
  };
}

describe('a redirect whose Location is not a URL', () => {
  it.each(['query', 'body'] as const)(
    'under %s auth is a typed error that holds the key nowhere',
    async (auth) => {
      const server = await serveOnce((res) => {
        res.writeHead(302, { location: 'http://[::1' });
        res.end();
      });
      try {
        const rule = new RuleClient({ ...quiet, auth, baseUrl: server.url });
        const outcome = await rule.request({ method: 'POST', path: 'subscribers', body: {} }).safe();
        expect(outcome.ok).toBe(false);
        const error = outcome.ok ? undefined : outcome.error;
        expect(error).toBeInstanceOf(ApiError);
        expect((error as ApiError).status).toBe(302);
        for (const view of [
          JSON.stringify(error),
          inspect(error, { depth: 10, showHidden: true }),
          String(error),
        ]) {
          expect(view).not.toContain(CANARY_KEY);
        }
      } finally {
        await server.close();
      }
    },
  );
});

describe('a server wait beyond what a timer holds', () => {
  it('surfaces at once under a maxRetryAfter that large, without TimeoutOverflowWarning', async () => {
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.name);
    process.on('warning', onWarning);
    let requests = 0;
    const fetch = (async () => {
      requests++;
      // 34.7 days.
      return new Response('Too Many Attempts.', { status: 429, headers: { 'retry-after': '3000000' } });
    }) as typeof globalThis.fetch;
    try {
      const rule = new RuleClient({ apiKey: CANARY_KEY, fetch, maxRetryAfter: 1e10, maxRetries: 3 });
      const outcome = await rule.templates.list().safe();
      expect(outcome).toMatchObject({ ok: false, error: expect.any(RateLimitError) });
      expect(requests).toBe(1);
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(warnings).not.toContain('TimeoutOverflowWarning');
    } finally {
      process.off('warning', onWarning);
    }
  });
});

describe('log lines', () => {
  it('escape a line break in a server-given request id, so it cannot forge a second line', async () => {
    const logger = captureLogger();
    const forged = 'req_1\n[ruleseq] GET https://api.getsequence.io/api/v1/admin -> 200 in 1 ms (attempt 1)';
    const fetch = (async () => Response.json({ request_id: forged, data: [] })) as typeof globalThis.fetch;
    const seq = new SequenceClient({ ...quiet, fetch, logger, logLevel: 'debug' });
    await seq.request({ method: 'GET', path: 'accounts' });
    expect(logger.lines).toHaveLength(1);
    expect(logger.lines[0]).not.toContain('\n');
    expect(logger.lines[0]).toContain('request id req_1\\n[ruleseq] GET');
  });
});

describe('validateResponses: false', () => {
  const subscriber = new OpenApiExamples('rule-v2.yaml').response('getSubscriber', '200');
  it.each([
    ['a null body', 'null'],
    ['an empty body', ''],
  ])('with %s: .safe() resolves with a ResponseValidationError, never a TypeError', async (_, text) => {
    const fetch = (async () =>
      new Response(text, { headers: { 'content-type': 'application/json' } })) as typeof globalThis.fetch;
    const rule = new RuleClient({ ...quiet, fetch, validateResponses: false });
    const outcome = await rule.subscribers.get({ id: 1 }).safe();
    expect(outcome).toMatchObject({ ok: false, error: expect.any(ResponseValidationError) });
  });

  it('warns once per operation about bodies of another shape, then logs them at debug (a listing warned per page)', async () => {
    const fetch = (async () => Response.json({ subscriber: { id: 'x' } })) as typeof globalThis.fetch;
    const { lines, logger } = recordingLogger();
    const rule = new RuleClient({ ...quiet, fetch, validateResponses: false, logger, logLevel: 'debug' });
    for (const id of [1, 2, 3]) await rule.subscribers.get({ id });
    const reports = lines.filter(([, line]) => line.startsWith('[ruleseq] Unexpected response'));
    expect(reports.map(([level]) => level)).toEqual(['warn', 'debug', 'debug']);
    // Already opted out: the warning does not tell the caller to opt out.
    expect(reports[0]![1]).toBe(
      '[ruleseq] Unexpected response from GET subscribers/1: subscriber.id: Invalid input',
    );
  });

  it('still hands over a body of another shape as sent', async () => {
    const fetch = (async () =>
      Response.json({
        subscriber: { ...(subscriber as { subscriber: object }).subscriber, id: 'x' },
      })) as typeof globalThis.fetch;
    const rule = new RuleClient({ ...quiet, fetch, validateResponses: false, logLevel: 'off' });
    const outcome = await rule.subscribers.get({ id: 1 }).safe();
    expect(outcome).toMatchObject({ ok: true, data: { id: 'x' } });
  });
});
