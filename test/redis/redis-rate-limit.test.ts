import { createServer } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConfigurationError } from '../../src/core/errors/configuration-error.js';
import { ConnectionError } from '../../src/core/errors/connection-error.js';
import { type RedisRateLimit, redisRateLimit } from '../../src/redis/index.js';
import { RuleClient } from '../../src/rule/client.js';

const PASSWORD = 'hunter2-very-secret';

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const opened: RedisRateLimit[] = [];
function shared(options: Parameters<typeof redisRateLimit>[0]): RedisRateLimit {
  const limit = redisRateLimit(options);
  opened.push(limit);
  return limit;
}
afterEach(async () => {
  await Promise.all(opened.splice(0).map((limit) => limit.close()));
  vi.restoreAllMocks();
});

describe('redisRateLimit options', () => {
  const bad: Array<[string, unknown]> = [
    ['no target', {}],
    ['both targets', { url: 'redis://127.0.0.1', client: { duplicate: () => null } }],
    ['not a URL', { url: `not a url ${PASSWORD}` }],
    ['not redis', { url: `http://user:${PASSWORD}@example.com` }],
    ['a password that is not percent-encoding', { url: `redis://user:${PASSWORD}%zz@127.0.0.1` }],
    ['a user name that is not percent-encoding', { url: `redis://${PASSWORD}%zz:pw@127.0.0.1` }],
    ['not a client', { client: {} }],
    ['unknown key', { url: 'redis://127.0.0.1', host: 'x' }],
    ['fractional maxRequests', { url: 'redis://127.0.0.1', maxRequests: 1.5 }],
    ['zero intervalMs', { url: 'redis://127.0.0.1', intervalMs: 0 }],
    ['zero expiration', { url: 'redis://127.0.0.1', expiration: 0 }],
    ['string connectTimeout', { url: 'redis://127.0.0.1', connectTimeout: '5' }],
    ['not an object', 'redis://127.0.0.1'],
  ];

  it.each(bad)('refuses %s with ConfigurationError, never echoing a password', (_, options) => {
    let error: unknown;
    try {
      redisRateLimit(options as never);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(String((error as Error).message)).not.toContain(PASSWORD);
  });

  it('accepts a URL or an ioredis-like client, and budget overrides', () => {
    expect(() => redisRateLimit({ url: `rediss://user:${PASSWORD}@cache.example.com:6380/2` })).not.toThrow();
    expect(() =>
      redisRateLimit({ client: { duplicate: () => null } as never, maxRequests: 10 }),
    ).not.toThrow();
  });
});

describe('redisRateLimit without a reachable Redis', () => {
  it('fails a call with a ConnectionError that never shows the password, and sends nothing', async () => {
    const port = await closedPort();
    const logged: unknown[] = [];
    for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => logged.push(args));
    }
    const fetch = vi.fn<typeof globalThis.fetch>();
    const rule = new RuleClient({
      apiKey: 'rule-key',
      fetch,
      maxRetries: 0,
      rateLimit: shared({ url: `redis://default:${PASSWORD}@127.0.0.1:${port}`, connectTimeout: 300 }),
    });
    const error = await rule.templates.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as ConnectionError).refused).toBe(true);
    expect((error as Error).message).toMatch(/did not answer within 300 ms/);
    expect((error as Error).message).toContain(`127.0.0.1:${port}`);
    const everything = JSON.stringify([
      (error as Error).message,
      error,
      String((error as Error).cause),
      (error as Error).stack,
      logged,
    ]);
    expect(everything).not.toContain(PASSWORD);
    expect(fetch).not.toHaveBeenCalled();
  });

  it('refuses calls once closed', async () => {
    const limit = shared({ url: `redis://127.0.0.1:${await closedPort()}`, connectTimeout: 100 });
    const rule = new RuleClient({ apiKey: 'rule-key', fetch: vi.fn(), maxRetries: 0, rateLimit: limit });
    await limit.close();
    await expect(rule.templates.list()).rejects.toBeInstanceOf(ConfigurationError);
  });

  it('a client refuses `rateLimit: { redis }` instead of quietly limiting locally', () => {
    expect(
      () => new RuleClient({ apiKey: 'k', rateLimit: { redis: { url: 'redis://x' } } as never }),
    ).toThrow(ConfigurationError);
  });
});
