import type http from 'node:http';
import { describe, expect, it } from 'vitest';
import { RequestValidationError } from '../../src/core/errors/request-validation-error.js';
import { InternalServerError } from '../../src/core/errors/status-errors.js';
import { SequenceClient } from '../../src/sequence/client.js';
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
