import { describe, expect, it } from 'vitest';
import {
  AuthenticationError,
  BadRequestError,
  NotFoundError,
  PermissionDeniedError,
} from '../../src/core/errors/status-errors.js';
import { SequenceClient, type SequenceClientOptions } from '../../src/sequence/index.js';
import { fakeFetch } from '../../src/testing/fake-api.js';
import { createSequenceFake, type SequenceFakeOptions } from '../../src/testing/sequence-fake/index.js';
import { sequenceV1 } from '../sequence/sequence-mock.js';

const MANUAL_RULE = 'rule_demo_manual';
const AUTO_SAVE = 'rule_01HXYZ1234';
const EMERGENCY = 'acc_01HDEF0123';
const AMEX = 'acc_01HGHI7890';
const ruleInput = () => structuredClone(sequenceV1.request('createRule', 'manual')) as never;

/** A seeded fake, a client on it, and the requests the client made. */
function setup(options: SequenceFakeOptions = {}, client: SequenceClientOptions = {}) {
  const fake = createSequenceFake(options);
  const requests: { method: string; url: string }[] = [];
  const fetch = fakeFetch(fake);
  const seq = new SequenceClient({
    apiKey: fake.apiKey,
    rateLimit: false,
    fetch: (input, init) => {
      const request = input instanceof Request ? input : new Request(input, init);
      requests.push({ method: request.method, url: request.url });
      return fetch(input, init);
    },
    ...client,
  });
  return { fake, seq, requests };
}

const errorOf = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error,
  );

describe('SequenceClient against the Sequence fake', () => {
  it('walks card transactions over three cursor pages, page by page and with for await', async () => {
    const { seq, requests } = setup();
    const page1 = await seq.cards.transactions('card_01HABC4567', { first: 10 });
    expect(page1.data).toHaveLength(10);
    expect(page1.hasNextPage()).toBe(true);
    const page2 = await page1.getNextPage();
    const page3 = await page2.getNextPage();
    expect([page2.data.length, page3.data.length, page3.hasNextPage()]).toEqual([10, 5, false]);
    expect(new URL(requests[1]!.url).searchParams.get('after')).toBeTruthy();

    const all = [];
    for await (const transaction of seq.cards.transactions('card_01HABC4567', { first: 10 }))
      all.push(transaction);
    expect(all.map((t) => t.id)).toEqual([...page1.data, ...page2.data, ...page3.data].map((t) => t.id));
    expect(new Set(all.map((t) => t.id)).size).toBe(25);
    const times = all.map((t) => Date.parse(t.created_at!));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('pages through the executions and transfers that triggers make', async () => {
    const { seq } = setup();
    const started = [];
    for (let i = 0; i < 5; i++) started.push((await seq.rules.trigger(MANUAL_RULE)).execution_id);
    const executions = await seq.ruleExecutions
      .list({ rule_id: MANUAL_RULE, first: 2 })
      .toArray({ max: 100 });
    expect(executions.map((e) => e.id)).toEqual([...started].reverse());

    const pages = [];
    for (
      let page = await seq.transfers.list({ account_id: AMEX, first: 2 });
      ;
      page = await page.getNextPage()
    ) {
      pages.push(page.data.length);
      if (!page.hasNextPage()) break;
    }
    // 5 rule transfers plus the seeded one that pays the Amex card.
    expect(pages).toEqual([2, 2, 2]);
  });

  it('a trigger retried with the same Idempotency-Key executes once', async () => {
    const { fake, seq } = setup();
    const first = await seq.rules.trigger(MANUAL_RULE, {}, { idempotencyKey: 'order-42' });
    const again = await seq.rules.trigger(MANUAL_RULE, {}, { idempotencyKey: 'order-42' });
    expect(again).toEqual(first);
    expect(fake.state.executions.filter((e) => e.rule_id === MANUAL_RULE)).toHaveLength(1);
    expect(fake.state.transfers.filter((t) => t.rule_execution_id === first.execution_id)).toHaveLength(1);

    const mismatch = await errorOf(
      seq.rules.trigger(MANUAL_RULE, { manual_execute_amount: 100 }, { idempotencyKey: 'order-42' }),
    );
    expect(mismatch).toBeInstanceOf(BadRequestError);
    expect(mismatch).toMatchObject({ status: 400, code: 'idempotency_key_mismatch' });
  });

  it('a trigger whose answer was lost is retried by the SDK and still executes once', async () => {
    const fake = createSequenceFake();
    const fetch = fakeFetch(fake);
    let attempts = 0;
    const seq = new SequenceClient({
      apiKey: fake.apiKey,
      rateLimit: false,
      fetch: async (input, init) => {
        const response = await fetch(input, init);
        if (++attempts === 1) throw new TypeError('fetch failed: connection reset');
        return response;
      },
    });
    const result = await seq.rules.trigger(MANUAL_RULE, { manual_execute_amount: 2500 });
    expect(attempts).toBe(2);
    expect(fake.state.executions.filter((e) => e.rule_id === MANUAL_RULE)).toHaveLength(1);
    const execution = await seq.ruleExecutions.get(result.execution_id);
    expect(execution).toMatchObject({ status: 'executed', transfers_completed: 1 });
    expect(await seq.transfers.get(execution.transfer_ids![0]!)).toMatchObject({ amount_in_cents: 2500 });
  });

  it('a transfer is processing until settleAfterMs has passed, then waitUntilSettled returns it complete', async () => {
    let clock = Date.UTC(2024, 4, 1);
    const { fake, seq } = setup({ settleAfterMs: 60_000, now: () => clock });
    const pod = (await seq.accounts.get(EMERGENCY)).balance!.balance_in_cents!;
    const transfer = await seq.transfers.create({
      source_account_id: EMERGENCY,
      destination_account_id: AMEX,
      amount_in_cents: 50_000,
    });
    expect(transfer).toMatchObject({ status: 'processing', direction: 'money_out', origin: 'user' });
    clock += 59_999;
    expect((await seq.transfers.get(transfer.id)).status).toBe('processing');

    let polls = 0;
    const fetch = fakeFetch(fake);
    const polling = new SequenceClient({
      apiKey: fake.apiKey,
      rateLimit: false,
      fetch: (input, init) => {
        polls++;
        clock += 1; // the clock moves on with every poll
        return fetch(input, init);
      },
    });
    const settled = await polling.transfers.waitUntilSettled(transfer.id, {
      intervalMs: 1,
      maxIntervalMs: 1,
    });
    expect(settled).toMatchObject({ id: transfer.id, status: 'complete', completed_at: expect.any(String) });
    expect(polls).toBe(1);
    expect((await seq.accounts.get(EMERGENCY)).balance!.balance_in_cents).toBe(pod - 50_000);
  });

  it('waitUntilSettled polls a processing transfer until it settles', async () => {
    let clock = 0;
    const { seq, requests } = setup({ settleAfterMs: 3_000, now: () => (clock += 1_000) });
    const transfer = await seq.transfers.create({
      source_account_id: EMERGENCY,
      destination_account_id: AMEX,
      amount_in_cents: 1_000,
    });
    const settled = await seq.transfers.waitUntilSettled(transfer.id, { intervalMs: 1, maxIntervalMs: 1 });
    expect(settled.status).toBe('complete');
    expect(requests.filter((r) => r.method === 'GET').length).toBeGreaterThanOrEqual(2);
  });

  it('refuses an amount that is not a positive integer with invalid_parameters', async () => {
    const { seq, fake } = setup();
    for (const amount_in_cents of [0, -5, 10.5, '100']) {
      const body = { source_account_id: EMERGENCY, destination_account_id: AMEX, amount_in_cents };
      const error = await errorOf(seq.request({ method: 'POST', path: 'transfers', body }));
      expect(error).toBeInstanceOf(BadRequestError);
      expect(error).toMatchObject({ code: 'invalid_parameters' });
    }
    expect(fake.state.transfers.filter((t) => t.origin === 'user')).toEqual([]);
  });

  it('creates rules disabled, and an update disables an enabled rule', async () => {
    const { fake, seq } = setup();
    const created = await seq.rules.create(ruleInput());
    expect(created.status).toBe('disabled');
    expect(created.id).toMatch(/^rule_/);
    const refused = await errorOf(seq.rules.trigger(created.id));
    expect(refused).toBeInstanceOf(PermissionDeniedError);
    expect(refused).toMatchObject({ status: 403, code: 'forbidden' });

    expect((await seq.rules.get(AUTO_SAVE)).status).toBe('enabled');
    const updated = await seq.rules.update(AUTO_SAVE, ruleInput());
    expect(updated).toMatchObject({ id: AUTO_SAVE, status: 'disabled', nickname: 'Pay Amex on demand' });
    expect(fake.state.rules.find((r) => r.id === AUTO_SAVE)?.status).toBe('disabled');
    expect(await errorOf(seq.rules.trigger(AUTO_SAVE))).toBeInstanceOf(PermissionDeniedError);
    const executed = fake.state.executions.map((e) => e.rule_id);
    expect(executed).not.toContain(created.id);
    expect(executed.filter((id) => id === AUTO_SAVE)).toHaveLength(2); // the seeded ones only
  });

  it('soft-deletes a rule: gone from the API, kept in state', async () => {
    const { fake, seq } = setup();
    await seq.rules.delete(MANUAL_RULE);
    const error = await errorOf(seq.rules.get(MANUAL_RULE));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({
      code: 'resource_not_found',
      message: expect.stringContaining(MANUAL_RULE),
    });
    expect((error as NotFoundError).body).toEqual({
      error: { code: 'resource_not_found', message: "Rule with id 'rule_demo_manual' was not found." },
    });
    expect((await seq.rules.list()).map((r) => r.id)).not.toContain(MANUAL_RULE);
    expect(await errorOf(seq.rules.trigger(MANUAL_RULE))).toBeInstanceOf(NotFoundError);
    expect(await errorOf(seq.rules.delete(MANUAL_RULE))).toBeInstanceOf(NotFoundError);
    expect(fake.state.rules.find((r) => r.id === MANUAL_RULE)).toMatchObject({
      status: 'disabled',
      deleted_at: expect.any(String),
    });
  });

  it('answers documented errors that the SDK raises as typed errors', async () => {
    const { seq } = setup({}, { maxRetries: 0 });
    const wrongKey = new SequenceClient({
      apiKey: 'nope',
      rateLimit: false,
      fetch: fakeFetch(createSequenceFake()),
    });
    const unauthorized = await errorOf(wrongKey.accounts.list());
    expect(unauthorized).toBeInstanceOf(AuthenticationError);
    expect(unauthorized).toMatchObject({ status: 401, code: 'unauthorized', message: expect.any(String) });

    for (const [call, message] of [
      [seq.accounts.get('acc_missing'), "Account with id 'acc_missing' was not found."],
      [seq.ruleExecutions.get('rex_missing'), "Rule execution with id 'rex_missing' was not found."],
      [seq.transfers.get('txr_missing'), "Transfer with id 'txr_missing' was not found."],
      [seq.cards.get('card_missing'), "Card with id 'card_missing' was not found."],
    ] as const) {
      const error = await errorOf(call);
      expect(error).toBeInstanceOf(NotFoundError);
      expect((error as NotFoundError).body).toEqual({ error: { code: 'resource_not_found', message } });
    }

    for (const [path, query] of [
      ['rule-executions', {}],
      ['transfers', {}],
      ['cards', {}],
      ['rule-executions', { rule_id: MANUAL_RULE, first: 101 }],
      ['transfers', { account_id: EMERGENCY, after: 'not-a-cursor' }],
    ] as const) {
      const error = await errorOf(seq.request({ method: 'GET', path, query }));
      expect(error, path).toBeInstanceOf(BadRequestError);
      expect(error).toMatchObject({ status: 400, code: 'invalid_parameters' });
    }
  });

  it('works on an empty organization and accounts it creates', async () => {
    const { seq } = setup({ seed: false });
    expect(await seq.accounts.list()).toEqual([]);
    const income = await seq.accounts.createIncomeSource({ nickname: 'Side Gig' });
    expect(income).toMatchObject({ name: 'Side Gig', type: 'income_source' });
    expect(await seq.accounts.list({ type: 'income_source' })).toEqual([
      expect.objectContaining({ id: income.id }),
    ]);
    await seq.accounts.delete(income.id);
    expect(await errorOf(seq.accounts.get(income.id))).toBeInstanceOf(NotFoundError);
  });
});
