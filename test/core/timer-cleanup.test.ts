import { afterEach, describe, expect, it, vi } from 'vitest';
import { useServers } from '../helpers/http-server.js';
import { testTransport } from '../helpers/test-transport.js';

// A busy client must not carry its finished calls: a timeout timer that outlives its call keeps the call's signals
// alive for the whole budget (30 s by default), which at a few thousand calls a second is hundreds of megabytes.

const serve = useServers();
/** Distinct delays, so the transport's timers can be told apart from everyone else's. */
const ATTEMPT_MS = 45_678;
const TOTAL_MS = 56_789;

afterEach(() => vi.restoreAllMocks());

function watchTimers(delays: number[]) {
  const started = new Set<unknown>();
  const cleared = new Set<unknown>();
  const realSet = globalThis.setTimeout;
  const realClear = globalThis.clearTimeout;
  vi.spyOn(globalThis, 'setTimeout').mockImplementation(((
    fn: () => void,
    ms?: number,
    ...rest: unknown[]
  ) => {
    const timer = realSet(fn, ms, ...rest);
    if (ms !== undefined && delays.includes(ms)) started.add(timer);
    return timer;
  }) as typeof setTimeout);
  vi.spyOn(globalThis, 'clearTimeout').mockImplementation(((timer?: Parameters<typeof clearTimeout>[0]) => {
    cleared.add(timer);
    realClear(timer);
  }) as typeof clearTimeout);
  return { started, stillRunning: () => [...started].filter((t) => !cleared.has(t)) };
}

describe('timeout timers end with their call', () => {
  it('clears every attempt and total timer once calls succeed, fail or are retried', async () => {
    // Every third call meets one 503 (then succeeds), whatever order the calls' requests arrive in.
    const seen = new Set<string>();
    const server = await serve((req, res) => {
      const first = !seen.has(req.url ?? '');
      seen.add(req.url ?? '');
      const unlucky = Number(req.url?.slice(2)) % 3 === 0;
      res.writeHead(first && unlucky ? 503 : 200, { 'content-type': 'application/json' });
      res.end('{"ok":true}');
    });
    const transport = testTransport({ baseUrl: server.url, timeout: ATTEMPT_MS, totalTimeout: TOTAL_MS });
    const timers = watchTimers([ATTEMPT_MS, TOTAL_MS]);

    await Promise.all(
      Array.from({ length: 10 }, (_, i) => transport.request({ method: 'GET', path: `x${i}` })),
    );

    // At least one total timer per call and one attempt timer per request (every third call is retried once;
    // ky bounds reading and parsing its error body with timers of the same length).
    expect(server.requests).toHaveLength(14);
    expect(timers.started.size).toBeGreaterThanOrEqual(10 + server.requests.length);
    expect(timers.stillRunning()).toEqual([]);
  });
});
