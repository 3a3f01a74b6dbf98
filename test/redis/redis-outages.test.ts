import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ConnectionError } from '../../src/core/errors/connection-error.js';
import { type RedisRateLimit, type RedisRateLimitOptions, redisRateLimit } from '../../src/redis/index.js';
import { RuleClient } from '../../src/rule/client.js';
import { type RedisServer, startRedisServer } from '../scale/redis-server.mjs';

// Against a real redis-server: the cluster's keys expiring while idle, Redis restarting with and without its data,
// and Redis going away for longer than `connectTimeout`.

let server: RedisServer;
let inspector: Redis;
beforeAll(async () => {
  server = await startRedisServer();
  inspector = new Redis(server.url, { maxRetriesPerRequest: null });
  inspector.on('error', () => {}); // refused while the server restarts; it reconnects
});
afterAll(() => {
  inspector?.disconnect();
  server?.stop();
});

const opened: Array<{ close(): Promise<void> | void }> = [];
afterEach(async () => {
  for (const item of opened.splice(0).reverse()) await item.close();
});

function shared(
  options: Omit<RedisRateLimitOptions, 'url' | 'client'>,
  target: Pick<RedisRateLimitOptions, 'url' | 'client'> = { url: server.url },
) {
  const limit: RedisRateLimit = redisRateLimit({ ...target, ...options });
  opened.push(limit);
  return limit;
}

/** A user's own ioredis client that never gives up on a command (ioredis's `maxRetriesPerRequest: null`). */
function patientClient(): Redis {
  const client = new Redis(server.url, { maxRetriesPerRequest: null });
  opened.push({ close: () => client.disconnect() });
  return client;
}

let keyCount = 0;
/** A client with its own API key (so its own cluster) whose requests answer `{}`, or wait while `hold` is set. */
function ruleWith(rateLimit: RedisRateLimit) {
  const sent: Request[] = [];
  const held: Array<() => void> = [];
  const state = { hold: false };
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    sent.push(new Request(input, init));
    if (state.hold) await new Promise<void>((resolve) => held.push(resolve));
    return Response.json({});
  };
  const rule = new RuleClient({ apiKey: `outage-key-${++keyCount}`, fetch, maxRetries: 0, rateLimit });
  const call = () => rule.request({ method: 'GET', path: 'ping' });
  /** A call's outcome as a value, observed from the start (a call may fail while the test waits elsewhere). */
  const settled = () =>
    call().then(
      (value) => value as unknown,
      (error: unknown) => error,
    );
  return { call, settled, sent, held, state };
}

/** The settings hash of the only cluster whose keys exist, once it exists. */
async function settingsKey(): Promise<string> {
  let key: string | undefined;
  await vi.waitFor(async () => {
    const keys = await inspector.keys('b_ruleseq_*_settings');
    expect(keys).toHaveLength(1);
    key = keys[0];
  });
  return key!;
}

async function flushRedis() {
  await inspector.flushall();
}

describe('the cluster outlives its keys', () => {
  afterEach(flushRedis);

  it('registers its settings again after an idle period past their expiry', async () => {
    // Keys expire 2 × expiration after the last use: 200 ms here, 120 s by default.
    const { call, sent } = ruleWith(shared({ expiration: 100 }));
    await call();
    const key = await settingsKey();
    await vi.waitFor(async () => expect(await inspector.exists(key)).toBe(0), { timeout: 5_000 });

    await expect(call()).resolves.toEqual({});
    expect(sent).toHaveLength(2);
    expect(await inspector.hget(key, 'minTime')).toBe('301');
    expect(await inspector.hget(key, 'maxConcurrent')).toBe('4');
  });

  it.each([
    ['without persistence (SHUTDOWN NOSAVE)', false],
    ['with persistence (SHUTDOWN SAVE)', true],
  ])('completes every call across a Redis restart %s', async (_, save) => {
    const { settled, sent } = ruleWith(shared({ maxRequests: 20, intervalMs: 1_000 }));
    const calls = Array.from({ length: 12 }, settled);
    await vi.waitFor(() => expect(sent.length).toBeGreaterThanOrEqual(3));
    const key = await settingsKey();

    await server.shutdown({ save });
    await server.start();

    expect(await Promise.all(calls)).toEqual(calls.map(() => ({})));
    expect(sent).toHaveLength(12);
    expect(await inspector.hget(key, 'minTime')).toBe(String(Math.ceil(1_050 / 20)));
  });

  it('goes on after the keys vanish mid-run (an eviction or FLUSHALL)', async () => {
    const { call, settled, sent } = ruleWith(shared({ maxRequests: 20, intervalMs: 1_000 }));
    const calls = Array.from({ length: 8 }, settled);
    await vi.waitFor(() => expect(sent.length).toBeGreaterThanOrEqual(2));
    await inspector.flushall();

    expect(await Promise.all(calls)).toEqual(calls.map(() => ({})));
    await expect(call()).resolves.toEqual({});
  });
});

describe.each([
  ['a url (ruleseq opens the clients)', () => ({ url: server.url })],
  ['a client that retries forever (maxRetriesPerRequest: null)', () => ({ client: patientClient() })],
])('Redis dying after start-up, with %s', (_, target) => {
  afterEach(async () => {
    await server.start().catch(() => {}); // the test may have restarted it already
    await flushRedis();
  });

  it('fails every waiting call within connectTimeout with a retry-safe ConnectionError, then recovers', async () => {
    // One request per 1,050 ms: the second and third calls wait their turn in the cluster when Redis dies.
    const limit = shared({ maxRequests: 2, intervalMs: 2_000, connectTimeout: 500 }, target());
    const { call, settled, sent, held, state } = ruleWith(limit);
    state.hold = true;
    const inFlight = settled();
    const waiting = [settled(), settled()];
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    state.hold = false;

    await server.shutdown({ save: false });
    const whileDown = settled();
    for (const release of held.splice(0)) release();

    // A call whose request went out ends with the request's outcome, whatever happens to Redis.
    expect(await inFlight).toEqual({});
    for (const failed of [...waiting, whileDown]) {
      const error = await failed;
      expect(error).toBeInstanceOf(ConnectionError);
      expect((error as ConnectionError).refused).toBe(true);
      expect((error as Error).message).toMatch(/did not answer within 500 ms/);
    }
    expect(sent).toHaveLength(1);

    await server.start();
    await vi.waitFor(async () => expect(await call().catch((e: unknown) => e)).toEqual({}), {
      timeout: 10_000,
      interval: 200,
    });
  });
});

describe.each([
  ['a url (ruleseq opens the clients)', () => ({ url: server.url })],
  ['a client that retries forever (maxRetriesPerRequest: null)', () => ({ client: patientClient() })],
])('Redis that stops answering with its connections open, with %s', (_, target) => {
  afterEach(async () => {
    server.thaw();
    await flushRedis();
  });

  it('fails every waiting call within connectTimeout with a retry-safe ConnectionError, then recovers', async () => {
    const limit = shared({ connectTimeout: 500 }, target());
    const { call, settled, sent } = ruleWith(limit);
    expect(await call()).toEqual({});

    server.freeze();
    const waiting = [settled(), settled()];
    for (const failed of waiting) {
      const error = await failed;
      expect(error).toBeInstanceOf(ConnectionError);
      expect((error as ConnectionError).refused).toBe(true);
      expect((error as Error).message).toMatch(/did not answer within 500 ms/);
    }
    expect(sent).toHaveLength(1);

    server.thaw();
    await vi.waitFor(async () => expect(await call().catch((e: unknown) => e)).toEqual({}), {
      timeout: 10_000,
      interval: 200,
    });
  });
});
