import { describe, expect, it } from 'vitest';
import { createSequenceFake, type SequenceFakeOptions } from '../../src/testing/sequence-fake/index.js';

const BASE = 'https://api.getsequence.io/api/v1';
const DAY = 24 * 60 * 60 * 1000;
const payAmex = {
  source_account_id: 'acc_01HDEF0123',
  destination_account_id: 'acc_01HGHI7890',
  amount_in_cents: 50_000,
};

/** A fake on a clock the test moves, and a raw `send` to it with the right key. */
function setup(options: SequenceFakeOptions = {}) {
  const clock = { now: Date.UTC(2024, 4, 1) };
  const fake = createSequenceFake({ now: () => clock.now, ...options });
  const send = async (
    method: string,
    path: string,
    init: { body?: unknown; headers?: Record<string, string> } = {},
  ) => {
    const response = await fake.fetch(
      new Request(`${BASE}${path}`, {
        method,
        headers: {
          authorization: `ApiKey ${fake.apiKey}`,
          'content-type': 'application/json',
          ...init.headers,
        },
        ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
      }),
    );
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
  };
  return { fake, clock, send };
}

describe('Sequence fake on the wire', () => {
  it('wants Authorization: ApiKey <key>', async () => {
    const { fake } = setup({ apiKey: 'k1' });
    for (const authorization of [undefined, 'Bearer k1', 'ApiKey k2']) {
      const response = await fake.fetch(
        new Request(`${BASE}/accounts`, { headers: authorization ? { authorization } : {} }),
      );
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({
        error: { code: 'unauthorized', message: 'Missing or invalid API key.' },
      });
    }
    expect(fake.apiKey).toBe('k1');
    expect(createSequenceFake().apiKey).toBe('sequence-sandbox-key');
    expect([fake.name, fake.pathPrefixes]).toEqual(['sequence', ['/api/v1']]);
  });

  it('echoes the caller’s X-Request-ID, or makes one, in the header and request_id', async () => {
    const { send } = setup();
    const mine = await send('GET', '/accounts', { headers: { 'x-request-id': 'req_mine' } });
    expect([mine.headers.get('x-request-id'), mine.body.request_id]).toEqual(['req_mine', 'req_mine']);
    const made = await send('GET', '/accounts');
    expect(made.body.request_id).toMatch(/^req_/);
    expect(made.headers.get('x-request-id')).toBe(made.body.request_id);
    const failed = await send('GET', '/rules/rule_nope', { headers: { 'x-request-id': 'req_err' } });
    expect([failed.status, failed.headers.get('x-request-id')]).toEqual([404, 'req_err']);
  });

  it('replays an Idempotency-Key for 24 hours: same status and body, executed once', async () => {
    const { fake, clock, send } = setup();
    const headers = { 'idempotency-key': 'k-1' };
    const first = await send('POST', '/transfers', { body: payAmex, headers });
    expect(first.status).toBe(201);
    clock.now += DAY - 1;
    const replay = await send('POST', '/transfers', { body: { ...payAmex }, headers });
    expect([replay.status, replay.body]).toEqual([201, first.body]);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(fake.state.transfers.filter((t) => t.origin === 'user')).toHaveLength(1);

    const other = await send('POST', '/transfers', { body: { ...payAmex, amount_in_cents: 1 }, headers });
    expect(other.status).toBe(400);
    expect(other.body.error.code).toBe('idempotency_key_mismatch');

    clock.now += 1; // 24 h later the key starts a new operation
    const fresh = await send('POST', '/transfers', { body: payAmex, headers });
    expect(fresh.body.data.id).not.toBe(first.body.data.id);
    expect(fake.state.transfers.filter((t) => t.origin === 'user')).toHaveLength(2);
  });

  it('does not remember failures under a key', async () => {
    const { send } = setup();
    const headers = { 'idempotency-key': 'k-2' };
    expect((await send('POST', '/rules/rule_01HXYZ5678/trigger', { body: {}, headers })).status).toBe(403);
    expect((await send('POST', '/rules/rule_demo_manual/trigger', { body: {}, headers })).status).toBe(202);
  });

  it('runs an execution in_progress, then executed once its transfer settles', async () => {
    const { fake, clock, send } = setup({ settleAfterMs: 5_000 });
    const started = await send('POST', '/rules/rule_demo_manual/trigger', { body: {} });
    expect(started.body.data).toEqual({
      execution_id: expect.stringMatching(/^rex_/),
      status: 'in_progress',
    });
    const path = `/rule-executions/${started.body.data.execution_id}`;
    expect((await send('GET', path)).body.data).toMatchObject({
      status: 'in_progress',
      transfers_pending: 1,
    });
    clock.now += 5_000;
    const done = (await send('GET', path)).body.data;
    expect(done).toMatchObject({ status: 'executed', transfers_completed: 1, transfers_pending: 0 });
    expect(done).not.toHaveProperty('settles_at_ms');
    expect(fake.state.transfers.find((t) => t.id === done.transfer_ids[0])?.status).toBe('complete');
  });

  it('fails a transfer the source cannot cover, and the execution with it', async () => {
    const { send } = setup();
    const big = await send('POST', '/transfers', { body: { ...payAmex, amount_in_cents: 99_000_000 } });
    expect(big.body.data.status).toBe('processing');
    const settled = await send('GET', `/transfers/${big.body.data.id}`);
    expect(settled.body.data).toMatchObject({ status: 'error', error_code: 'INSUFFICIENT_FUNDS' });

    const run = await send('POST', '/rules/rule_demo_manual/trigger', {
      body: { manual_execute_amount: 99_000_000 },
    });
    const execution = await send('GET', `/rule-executions/${run.body.data.execution_id}`);
    expect(execution.body.data).toMatchObject({ status: 'failed', transfers_failed: 1 });
  });

  it('refuses bad bodies and unknown routes', async () => {
    const { send } = setup();
    const cases: [string, string, unknown, number][] = [
      ['POST', '/transfers', { ...payAmex, source_account_id: 'acc_nope' }, 400],
      ['POST', '/transfers', { ...payAmex, destination_account_id: payAmex.source_account_id }, 400],
      ['POST', '/rules', { nickname: 'x', status: 'on', trigger: { type: 'MANUAL' }, steps: [] }, 400],
      ['POST', '/rules/rule_demo_manual/trigger', { manual_execute_amount: 1.5 }, 400],
      ['POST', '/accounts/income-sources', {}, 400],
      ['GET', '/nothing-here', undefined, 404],
    ];
    for (const [method, path, body, status] of cases) {
      const response = await send(method, path, { body });
      expect(response.status, `${method} ${path}`).toBe(status);
      expect(response.body.error.code).toBe(status === 400 ? 'invalid_parameters' : 'resource_not_found');
    }
  });

  it('reset() goes back to the seeded state; seed: false starts empty', async () => {
    const { fake, send } = setup();
    await send('DELETE', '/rules/rule_demo_manual');
    await send('POST', '/transfers', { body: payAmex });
    fake.reset();
    expect(fake.state.rules.every((r) => r.deleted_at === null)).toBe(true);
    expect(fake.state.transfers.some((t) => t.origin === 'user')).toBe(false);
    const empty = createSequenceFake({ seed: false }).state;
    expect([empty.accounts, empty.rules, empty.transfers, empty.cards]).toEqual([[], [], [], []]);
  });
});
