import type http from 'node:http';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { APIPromise } from '../../src/core/api-promise.js';
import type { RuleseqError } from '../../src/core/errors/ruleseq-error.js';
import type { RequestOptions } from '../../src/core/request-options.js';
import { SequencePlatformClient } from '../../src/sequence-platform/client.js';
import { fakeFetch } from '../../src/testing/fake-api.js';
import type { PlatformFakeState } from '../../src/testing/sequence-platform-fake/index.js';
import { useServers } from '../helpers/http-server.js';
import { EMERGENCY, MANUAL_RULE, platformWithFake, SAVINGS } from './platform-mock.js';

// A trigger or transfer that meets a failure after Sequence processed it is retried with the same idempotency key,
// and the fake (which honours the key as the document says) shows exactly one effect.

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const serve = useServers();
afterEach(() => {
  vi.useRealTimers();
});

interface Write {
  send(client: SequencePlatformClient, options?: RequestOptions): APIPromise<unknown>;
  effects(state: PlatformFakeState): number;
  inProgress: string;
}

const WRITES: Record<string, Write> = {
  'rules.trigger': {
    send: (c, options) => c.rules.trigger(MANUAL_RULE, { executeAmount: 5000 }, options),
    effects: (s) => s.executions.length,
    inProgress: 'RULE_EXECUTION_IN_PROGRESS',
  },
  'transfers.create': {
    send: (c, options) =>
      c.transfers.create(
        { sourceAccountId: EMERGENCY, destinationAccountId: SAVINGS, amountInCents: 12_500 },
        options,
      ),
    effects: (s) => s.transfers.length,
    inProgress: 'TRANSFER_IN_PROGRESS',
  },
};

/** What fetch throws when the server resets the connection. */
const reset = () =>
  new TypeError('fetch failed', {
    cause: Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }),
  });

describe.each(Object.entries(WRITES))('%s', (_, write) => {
  it('meeting a 503 after processing takes effect once', async () => {
    vi.useFakeTimers();
    const { fake } = platformWithFake();
    const keys: string[] = [];
    let attempts = 0;
    const fetch: typeof globalThis.fetch = async (input, init) => {
      const headers = input instanceof Request ? input.headers : new Headers(init?.headers);
      keys.push(headers.get('idempotency-key') ?? '');
      const answer = await fakeFetch(fake)(input, init);
      // Processed, but a proxy in front of Sequence answers for it.
      return attempts++ === 0 ? new Response('<html>Service Unavailable</html>', { status: 503 }) : answer;
    };
    const before = write.effects(fake.state);
    const call = write.send(new SequencePlatformClient({ apiKey: fake.apiKey, fetch, rateLimit: false }));
    await vi.advanceTimersByTimeAsync(20_000);
    await call;
    expect(write.effects(fake.state)).toBe(before + 1);
    expect(keys).toHaveLength(2);
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).toMatch(UUID_V4);
  });

  it('meeting a connection reset after processing takes effect once (real sockets)', async () => {
    const { fake } = platformWithFake();
    const server = await serve((req: http.IncomingMessage, res: http.ServerResponse, { index, body }) => {
      const request = new Request(new URL(req.url ?? '/', 'http://127.0.0.1'), {
        method: req.method ?? 'GET',
        headers: req.headers as Record<string, string>,
        ...(body ? { body } : {}),
      });
      void fake.fetch(request).then(async (answer) => {
        if (index === 0) req.socket.destroy();
        else res.writeHead(answer.status, { 'content-type': 'application/json' }).end(await answer.text());
      });
    });
    const before = write.effects(fake.state);
    const client = new SequencePlatformClient({
      apiKey: fake.apiKey,
      baseUrl: `${server.url}/platform/v1`,
      rateLimit: false,
    });
    await write.send(client);
    expect(write.effects(fake.state)).toBe(before + 1);
    expect(server.requests).toHaveLength(2);
    expect(new Set(server.requests.map((r) => r.headers['idempotency-key'])).size).toBe(1);
  });

  it(`meeting a 409 ${write.inProgress} while the first attempt is in flight takes effect once`, async () => {
    vi.useFakeTimers();
    const { fake } = platformWithFake({ processingMs: 1_500 });
    const statuses: number[] = [];
    let attempts = 0;
    const fetch: typeof globalThis.fetch = async (input, init) => {
      const answer = fakeFetch(fake)(input, init);
      if (attempts++ === 0) {
        // The connection drops while Sequence is still working on the request.
        void answer;
        throw reset();
      }
      const response = await answer;
      statuses.push(response.status);
      return response;
    };
    const before = write.effects(fake.state);
    const call = write.send(
      new SequencePlatformClient({ apiKey: fake.apiKey, fetch, rateLimit: false, maxRetries: 4 }),
    );
    await vi.advanceTimersByTimeAsync(30_000);
    await call;
    expect(statuses[0]).toBe(409);
    expect(statuses.at(-1)).toBeLessThan(300);
    expect(write.effects(fake.state)).toBe(before + 1);
  });
});

describe.each(Object.entries(WRITES))('%s with an unknown outcome', (_, write) => {
  it(`a 409 ${write.inProgress} left when the retries run out carries the key; retrying with it takes effect once`, async () => {
    vi.useFakeTimers();
    const { fake } = platformWithFake({ processingMs: 60_000 });
    const keys: string[] = [];
    const fetch: typeof globalThis.fetch = async (input, init) => {
      const headers = input instanceof Request ? input.headers : new Headers(init?.headers);
      keys.push(headers.get('idempotency-key') ?? '');
      const answer = fakeFetch(fake)(input, init);
      if (keys.length > 1) return answer;
      void answer;
      throw reset();
    };
    const client = new SequencePlatformClient({
      apiKey: fake.apiKey,
      fetch,
      rateLimit: false,
      maxRetries: 1,
    });
    const before = write.effects(fake.state);
    const call = write.send(client).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(10_000);
    const error = (await call) as RuleseqError;
    expect(error).toMatchObject({ status: 409, code: write.inProgress, idempotencyKey: keys[0] });
    expect(error.message).toContain(`retry with idempotencyKey "${keys[0]}"`);
    await vi.advanceTimersByTimeAsync(60_000);
    await write.send(client, { idempotencyKey: keys[0] as string });
    expect(write.effects(fake.state)).toBe(before + 1);
  });
});

describe('keys across calls', () => {
  it('one caller key (an order id) makes two calls, from two clients, one transfer', async () => {
    const { fake, client } = platformWithFake();
    const other = new SequencePlatformClient({
      apiKey: fake.apiKey,
      fetch: fakeFetch(fake),
      rateLimit: false,
    });
    const body = { sourceAccountId: EMERGENCY, destinationAccountId: SAVINGS, amountInCents: 2_500 };
    const before = fake.state.transfers.length;
    const first = await client.transfers.create(body, { idempotencyKey: 'order-1042' });
    const second = await other.transfers.create(body, { idempotencyKey: 'order-1042' });
    expect(second).toEqual(first);
    expect(fake.state.transfers.length).toBe(before + 1);
  });

  it('separate calls get separate keys: two intended transfers are two transfers', async () => {
    const { fake, client } = platformWithFake();
    const body = { sourceAccountId: EMERGENCY, destinationAccountId: SAVINGS, amountInCents: 2_500 };
    const before = fake.state.transfers.length;
    const [a, b] = await Promise.all([client.transfers.create(body), client.transfers.create(body)]);
    expect(a.id).not.toBe(b.id);
    expect(fake.state.transfers.length).toBe(before + 2);
  });
});
