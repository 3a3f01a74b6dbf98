import type http from 'node:http';
import { describe, expect, it } from 'vitest';
import { AbortError } from '../../src/core/errors/abort-error.js';
import { ConnectionError } from '../../src/core/errors/connection-error.js';
import { RequestValidationError } from '../../src/core/errors/request-validation-error.js';
import { BadRequestError, InternalServerError } from '../../src/core/errors/status-errors.js';
import { TimeoutError } from '../../src/core/errors/timeout-error.js';
import { SequenceClient } from '../../src/sequence/client.js';
import { type FakeFaults, fakeFetch } from '../../src/testing/fake-api.js';
import { createSequenceFake } from '../../src/testing/sequence-fake/index.js';
import { useServers } from '../helpers/http-server.js';
import { CANARY_KEY } from '../helpers/test-transport.js';

// A loopback Sequence that honours Idempotency-Key as documented: a repeat with the same key within 24 h returns
// the original response without executing again. Faults are injected per attempt to prove that a retried trigger
// or transfer happens exactly once.

type Fault = 'lose-response' | 'fail-before' | 'reset-after' | 'none';

const serve = useServers();
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

async function idempotentSequence(faults: Fault[]) {
  const executions: string[] = [];
  const transfers: Array<{ id: string; amount_in_cents: number }> = [];
  const replay = new Map<string, { status: number; body: string }>();
  const keys: string[] = [];
  let attempt = 0;

  const server = await serve((req: http.IncomingMessage, res: http.ServerResponse, { body }) => {
    const fault = faults[attempt++] ?? 'none';
    const key = String(req.headers['idempotency-key'] ?? '');
    keys.push(key);
    if (fault === 'fail-before') {
      res.writeHead(503, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { code: 'unexpected_error', message: 'try again' } }));
      return;
    }
    let stored = replay.get(key);
    if (!stored) {
      const requestId = `req_${attempt}`;
      if (req.url?.endsWith('/trigger')) {
        const id = `rex_${executions.length + 1}`;
        executions.push(id);
        stored = {
          status: 202,
          body: JSON.stringify({ request_id: requestId, data: { execution_id: id, status: 'in_progress' } }),
        };
      } else {
        const { amount_in_cents } = JSON.parse(body) as { amount_in_cents: number };
        const id = `txr_${transfers.length + 1}`;
        transfers.push({ id, amount_in_cents });
        stored = {
          status: 201,
          body: JSON.stringify({
            request_id: requestId,
            data: { id, amount_in_cents, status: 'processing' },
          }),
        };
      }
      replay.set(key, stored);
    }
    if (fault === 'lose-response') {
      // Processed, but the client never learns it: a 503 from a proxy in front of the server.
      res.writeHead(503, { 'content-type': 'text/html' });
      res.end('<html>Service Unavailable</html>');
      return;
    }
    if (fault === 'reset-after') {
      req.socket.destroy();
      return;
    }
    res.writeHead(stored.status, { 'content-type': 'application/json' });
    res.end(stored.body);
  });

  const client = new SequenceClient({
    apiKey: CANARY_KEY,
    baseUrl: `${server.url}/api/v1`,
    rateLimit: false,
    maxRetries: 3,
  });
  return { client, executions, transfers, keys };
}

describe('money safety: retried writes happen exactly once', () => {
  it.each([
    ['503 after processing', ['lose-response'] as Fault[]],
    ['503 before processing', ['fail-before'] as Fault[]],
    ['a connection reset after processing', ['reset-after'] as Fault[]],
    ['three failures in a row', ['lose-response', 'fail-before', 'reset-after'] as Fault[]],
  ])('a rule trigger that meets %s runs once, with one key on every attempt', async (_, faults) => {
    const { client, executions, keys } = await idempotentSequence(faults);
    const result = await client.rules.trigger('rule_01HXYZ1234', { manual_execute_amount: 5000 });
    expect(executions).toEqual(['rex_1']);
    expect(result.execution_id).toBe('rex_1');
    expect(keys).toHaveLength(faults.length + 1);
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).toMatch(UUID_V4);
  });

  it.each([
    ['503 after processing', ['lose-response'] as Fault[]],
    ['503 before processing', ['fail-before'] as Fault[]],
    ['a connection reset after processing', ['reset-after'] as Fault[]],
  ])('a transfer that meets %s is created once', async (_, faults) => {
    const { client, transfers, keys } = await idempotentSequence(faults);
    const transfer = await client.transfers.create({
      source_account_id: 'acc_01HABC4567',
      destination_account_id: 'acc_01HDEF0123',
      amount_in_cents: 100_000,
    });
    expect(transfers).toEqual([{ id: 'txr_1', amount_in_cents: 100_000 }]);
    expect(transfer.id).toBe('txr_1');
    expect(new Set(keys).size).toBe(1);
  });

  it('a caller-supplied key (an order id) makes two calls one transfer, across clients', async () => {
    const { client, transfers, keys } = await idempotentSequence([]);
    const params = { source_account_id: 'acc_a', destination_account_id: 'acc_b', amount_in_cents: 2_500 };
    const first = await client.transfers.create(params, { idempotencyKey: 'order-1042' });
    const second = await client.transfers.create(params, { idempotencyKey: 'order-1042' });
    expect(transfers).toHaveLength(1);
    expect(second.id).toBe(first.id);
    expect(keys).toEqual(['order-1042', 'order-1042']);
  });

  it('separate calls get separate keys, so two intended transfers are two transfers', async () => {
    const { client, transfers, keys } = await idempotentSequence([]);
    const params = { source_account_id: 'acc_a', destination_account_id: 'acc_b', amount_in_cents: 2_500 };
    await client.transfers.create(params);
    await client.transfers.create(params);
    expect(transfers).toHaveLength(2);
    expect(keys[0]).not.toBe(keys[1]);
  });

  it('when retries run out the error surfaces and nothing was executed twice', async () => {
    const { client, executions } = await idempotentSequence([
      'lose-response',
      'lose-response',
      'lose-response',
      'lose-response',
    ]);
    const error = await client.rules.trigger('rule_1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InternalServerError);
    expect(executions).toEqual(['rex_1']);
  });
});

describe('an unknown outcome names the key to retry with', () => {
  const transfer = {
    source_account_id: 'acc_01HDEF0123',
    destination_account_id: 'acc_01HGHI7890',
    amount_in_cents: 5_000,
  };
  const lost = { network: true, afterProcessing: true };

  function sequenceFake(faults: FakeFaults, latencyMs = 0) {
    const fake = createSequenceFake({ faults, latencyMs });
    const keys: string[] = [];
    const fetch: typeof globalThis.fetch = (input, init) => {
      const headers = input instanceof Request ? input.headers : new Headers(init?.headers);
      keys.push(headers.get('idempotency-key') ?? '');
      return fakeFetch(fake)(input, init);
    };
    const client = new SequenceClient({ apiKey: fake.apiKey, fetch, rateLimit: false, maxRetries: 1 });
    return { fake, client, keys, transfers: () => fake.state.transfers.length };
  }

  it('a transfer whose answers were all lost after processing: the error carries its key, and retrying with it writes nothing more', async () => {
    const { client, keys, transfers } = sequenceFake([lost, lost]);
    const before = transfers();
    const error = await client.transfers.create(transfer).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    const key = (error as ConnectionError).idempotencyKey;
    expect(key).toBe(keys[0]);
    expect(key).toMatch(UUID_V4);
    expect((error as Error).message).toContain(`retry with idempotencyKey "${key}"`);
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({ idempotencyKey: key });
    expect(transfers()).toBe(before + 1);
    await client.transfers.create(transfer, { idempotencyKey: key as string });
    expect(transfers()).toBe(before + 1);
  });

  it('a trigger that met only 5xx answers carries its key too (a 5xx does not prove nothing ran)', async () => {
    const { client, keys } = sequenceFake([{ status: 500, afterProcessing: true }, { status: 502 }]);
    const error = await client.rules.trigger('rule_demo_manual').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InternalServerError);
    expect((error as InternalServerError).idempotencyKey).toBe(keys[0]);
  });

  it("a timed-out transfer carries the key it was sent with (the caller's own)", async () => {
    const { client } = sequenceFake([], 200);
    const error = await client.transfers
      .create(transfer, { idempotencyKey: 'order-1042', timeout: 20, maxRetries: 0 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).idempotencyKey).toBe('order-1042');
  });

  it('a transfer aborted while it waited for the rate limiter leaves no key: it was never sent', async () => {
    const fake = createSequenceFake({ latencyMs: 100 });
    const client = new SequenceClient({
      apiKey: fake.apiKey,
      fetch: fakeFetch(fake),
      rateLimit: { maxRequests: 100, intervalMs: 60_000, maxConcurrent: 1 },
    });
    const before = fake.state.transfers.length;
    const first = client.transfers.create(transfer);
    const controller = new AbortController();
    const queued = client.transfers.create(transfer, { signal: controller.signal }).catch((e: unknown) => e);
    controller.abort();
    const error = await queued;
    expect(error).toBeInstanceOf(AbortError);
    expect((error as AbortError).idempotencyKey).toBeUndefined();
    await first;
    expect(fake.state.transfers.length).toBe(before + 1);
  });

  it('an answer that refuses the write leaves no key: nothing was applied', async () => {
    const { client, transfers } = sequenceFake([]);
    const before = transfers();
    const error = await client.transfers
      .create({ ...transfer, source_account_id: 'acc_missing' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as BadRequestError).idempotencyKey).toBeUndefined();
    expect((error as Error).message).not.toContain('outcome unknown');
    expect(transfers()).toBe(before);
  });
});

describe('amounts are validated before anything is sent', () => {
  const params = (amount: number) => ({
    source_account_id: 'acc_a',
    destination_account_id: 'acc_b',
    amount_in_cents: amount,
  });

  it.each([
    [1.5, 'whole cents', 'safe integer'],
    [2 ** 53, 'safe integer', 'whole cents'],
    [-100, 'positive', 'whole cents'],
  ])('%d gets one clear reason', async (amount, reason, notReason) => {
    const { client, transfers, keys } = await idempotentSequence([]);
    const error = await client.transfers.create(params(amount)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestValidationError);
    expect((error as Error).message).toContain(reason);
    expect((error as Error).message).not.toContain(notReason);
    expect(keys).toEqual([]);
    expect(transfers).toEqual([]);
  });
});
