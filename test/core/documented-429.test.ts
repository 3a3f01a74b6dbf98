import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RuleClient } from '../../src/rule/client.js';
import { SequenceClient } from '../../src/sequence/client.js';
import { OpenApiExamples } from '../helpers/openapi-examples.js';

// Each vendor's 429 exactly as its docs give it: Rule's plain-text `Too Many Attempts.` with Retry-After and the
// X-RateLimit pair saying none is left (api/rule.md §4.2), Sequence's JSON envelope with Retry-After in seconds
// (the Platform API's TooManyRequests response). A stated wait wins over `Remaining: 0`: no stall for a window.

const ruleV2 = new OpenApiExamples('rule-v2.yaml');
const sequenceV1 = new OpenApiExamples('sequence-v1.yaml');

const RULE_429 = {
  body: 'Too Many Attempts.',
  headers: {
    'content-type': 'text/plain; charset=UTF-8',
    'retry-after': '2',
    'x-ratelimit-limit': '2000',
    'x-ratelimit-remaining': '0',
  },
};
const SEQUENCE_429 = {
  body: JSON.stringify({
    error: {
      code: 'RATE_LIMIT_EXCEEDED',
      message: 'Rate limit exceeded. Maximum 100 requests per minute per token.',
    },
  }),
  headers: { 'content-type': 'application/json', 'retry-after': '2' },
};

/** A fetch that answers the first request with `limited` and every later one with `ok` (JSON). */
function firstLimited(limited: { body: string; headers: Record<string, string> }, ok: unknown) {
  const arrivals: number[] = [];
  const fetch = async () => {
    arrivals.push(performance.now());
    if (arrivals.length === 1) return new Response(limited.body, { status: 429, headers: limited.headers });
    return Response.json(ok);
  };
  return { fetch: fetch as typeof globalThis.fetch, arrivals };
}

/** Settles `promise` into a readable state, so fake time can be advanced while it is pending. */
function track<T>(promise: Promise<T>) {
  const state: { settled: boolean; value?: T; error?: unknown } = { settled: false };
  promise.then(
    (value) => Object.assign(state, { settled: true, value }),
    (error: unknown) => Object.assign(state, { settled: true, error }),
  );
  return state;
}

let keyCount = 0;
/** A key of its own per client, so the process-wide limiter of one test is not another's. */
const freshKey = () => `documented-429-key-${++keyCount}-${Date.now()}`;

describe("a documented 429 with a stated wait never stalls the key's limiter", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it.each([
    ['with the X-RateLimit pair', RULE_429.headers],
    ['without it', { 'content-type': RULE_429.headers['content-type'], 'retry-after': '2' }],
  ])(
    "Rule's `Too Many Attempts.` %s: the call resolves after Retry-After, and so does another on the key",
    async (_, headers) => {
      const subscriber = ruleV2.response('getSubscriber', '200');
      const server = firstLimited({ body: RULE_429.body, headers }, subscriber);
      const apiKey = freshKey();
      // Rule's real default budget (2,000 / 10 min, 4 in flight), shared by both clients of the key.
      const first = new RuleClient({ apiKey, fetch: server.fetch });
      const second = new RuleClient({ apiKey, fetch: server.fetch });

      const call = track(first.subscribers.get({ email: 'ada@example.com' }).safe());
      await vi.advanceTimersByTimeAsync(10);
      const other = track(second.subscribers.get({ id: 1 }).safe());
      await vi.advanceTimersByTimeAsync(1_900);
      expect(call.settled).toBe(false);
      expect(server.arrivals).toHaveLength(1);

      await vi.advanceTimersByTimeAsync(1_000);
      expect(call).toMatchObject({ settled: true, value: { ok: true } });
      expect(other).toMatchObject({ settled: true, value: { ok: true } });
      expect(server.arrivals).toHaveLength(3);
      // Nothing reached the server before the stated wait was over.
      for (const at of server.arrivals.slice(1))
        expect(at - (server.arrivals[0] as number)).toBeGreaterThanOrEqual(2_000);
    },
  );

  it("Sequence's documented `RATE_LIMIT_EXCEEDED`: the call resolves after Retry-After", async () => {
    const account = sequenceV1.response('getAccount', '200');
    const server = firstLimited(SEQUENCE_429, account);
    const seq = new SequenceClient({ apiKey: freshKey(), fetch: server.fetch });

    const call = track(seq.accounts.get('acc_01HABC4567').safe());
    await vi.advanceTimersByTimeAsync(1_900);
    expect(call.settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(call).toMatchObject({ settled: true, value: { ok: true } });
    expect(server.arrivals).toHaveLength(2);
  });

  it('`Remaining: 0` on a 200 without a reset time holds the key briefly, not for the window', async () => {
    const subscriber = ruleV2.response('getSubscriber', '200');
    let served = 0;
    const fetch = (async () => {
      served++;
      // The last request the window allowed: 200, and none left, no reset time.
      const spent: Record<string, string> =
        served === 1 ? { 'x-ratelimit-limit': '2000', 'x-ratelimit-remaining': '0' } : {};
      return Response.json(subscriber, { headers: spent });
    }) as typeof globalThis.fetch;
    const rule = new RuleClient({ apiKey: freshKey(), fetch });

    await rule.subscribers.get({ id: 1 });
    const next = track(rule.subscribers.get({ id: 2 }));
    await vi.advanceTimersByTimeAsync(900);
    expect(next.settled).toBe(false);
    // One probe after a second; its answer names no shortage, so the key is free again.
    await vi.advanceTimersByTimeAsync(200);
    expect(next.settled).toBe(true);
    const after = track(Promise.all([1, 2, 3].map((id) => rule.subscribers.get({ id }))));
    await vi.advanceTimersByTimeAsync(0);
    expect(after.settled).toBe(true);
  });
});

describe('a call waiting in the limiter queue', () => {
  it('honours its own signal and totalTimeout', async () => {
    let release!: () => void;
    const blocked = new Promise<void>((resolve) => {
      release = resolve;
    });
    const fetch = (async () => {
      await blocked;
      return Response.json(ruleV2.response('getSubscriber', '200'));
    }) as typeof globalThis.fetch;
    // One in flight: every other call waits in the queue.
    const rule = new RuleClient({ apiKey: freshKey(), fetch, rateLimit: { maxConcurrent: 1 } });
    const holder = rule.subscribers.get({ id: 1 });

    const controller = new AbortController();
    const aborted = rule.subscribers.get({ id: 2 }, { signal: controller.signal }).safe();
    const timedOut = rule.subscribers.get({ id: 3 }, { totalTimeout: 50 }).safe();
    controller.abort();
    expect(await aborted).toMatchObject({ ok: false, error: { name: 'AbortError' } });
    expect(await timedOut).toMatchObject({ ok: false, error: { name: 'TimeoutError', kind: 'total' } });
    release();
    await holder;
  });
});
