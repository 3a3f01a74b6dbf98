import { afterEach, describe, expect, it, vi } from 'vitest';
import { InternalServerError } from '../../src/core/errors/status-errors.js';
import { RuleClient } from '../../src/rule/client.js';
import { SequenceClient } from '../../src/sequence/client.js';
import { type FakeApi, type FakeOptions, fakeFetch } from '../../src/testing/fake-api.js';
import { createICloudReadyFake, createRuleFake, createSequenceFake } from '../../src/testing/index.js';
import { createFake } from '../../src/testing/kernel/create-fake.js';
import { reply } from '../../src/testing/kernel/reply.js';
import { route } from '../../src/testing/kernel/route.js';
import { rejectionOf } from '../helpers/rejection.js';

// What the kernel gives every fake: one reset rule, latency, faults, a body cap, form bodies, and the API's own 500.

/** Each fake with one request that changes its state, and what that request leaves behind. */
const fakes = [
  {
    name: 'rule',
    create: (options: FakeOptions & { rateLimit?: false | { maxRequests: number; intervalMs: number } }) =>
      createRuleFake(options),
    url: 'https://app.rule.io/api/v2/subscribers',
    auth: (key: string) => `Bearer ${key}`,
    body: { subscribers: { email: 'new@example.com' }, tags: ['Test'], update_on_duplicate: true },
    written: (fake: FakeApi) => (fake as ReturnType<typeof createRuleFake>).state.subscribers.length,
    failure: {
      error: 'UnexpectedError',
      message: 'An unexpected error occurred. Contact support if the error persists.',
    },
    tooLarge: { error: 'RequestEntityTooLarge', message: 'Max 64 bytes per request allowed.' },
  },
  {
    name: 'sequence',
    create: (options: FakeOptions & { rateLimit?: false | { maxRequests: number; intervalMs: number } }) =>
      createSequenceFake(options),
    url: 'https://api.getsequence.io/api/v1/transfers',
    auth: (key: string) => `ApiKey ${key}`,
    body: {
      source_account_id: 'acc_01HDEF0123',
      destination_account_id: 'acc_01HGHI7890',
      amount_in_cents: 100,
    },
    written: (fake: FakeApi) => (fake as ReturnType<typeof createSequenceFake>).state.transfers.length,
    failure: { error: { code: 'unexpected_error', message: 'An injected fault.' } },
    tooLarge: { error: { code: 'payload_too_large', message: 'The request body is larger than 64 bytes.' } },
  },
  {
    name: 'icloudready',
    create: (options: FakeOptions) => createICloudReadyFake(options),
    url: 'https://api.icloud-ready.com/api/v2/sequences',
    auth: (key: string) => `Bearer ${key}`,
    body: { name: 'New' },
    written: (fake: FakeApi) => (fake as ReturnType<typeof createICloudReadyFake>).state.sequences.length,
    failure: { message: 'An injected fault.' },
    tooLarge: { message: 'request entity too large' },
  },
];

const write = (fake: FakeApi, spec: (typeof fakes)[number], init: RequestInit = {}) =>
  fake.fetch(
    new Request(spec.url, {
      method: 'POST',
      headers: { authorization: spec.auth(fake.apiKey), 'content-type': 'application/json' },
      body: JSON.stringify(spec.body),
      ...init,
    }),
  );

describe.each(fakes)('the $name fake', (spec) => {
  it('reset() restores the initial state in the same object, so a held `state` is never stale', async () => {
    const fake = spec.create({ now: () => Date.UTC(2026, 0, 1) });
    const held = fake.state;
    const initial = structuredClone(held);
    const first = await (await write(fake, spec)).json();
    expect(spec.written(fake)).toBeGreaterThan(0);
    expect(held).not.toEqual(initial);

    fake.reset();
    expect(fake.state).toBe(held);
    expect(held).toEqual(initial);
    // Ids restart too: the same request after reset() makes the same answer.
    expect(await (await write(fake, spec)).json()).toEqual(first);
  });

  it('injects faults: a status in the API’s own error shape, a dropped connection, a lost answer', async () => {
    const fake = spec.create({
      faults: [
        { status: 503, headers: { 'retry-after': '1' } },
        { network: true },
        { afterProcessing: true },
      ],
    });
    const before = spec.written(fake);
    const unavailable = await write(fake, spec);
    expect([unavailable.status, unavailable.headers.get('retry-after')]).toEqual([503, '1']);
    expect(await unavailable.json()).toEqual(spec.failure);
    expect(await rejectionOf(write(fake, spec))).toBeInstanceOf(TypeError);
    expect(spec.written(fake)).toBe(before);

    const lost = await write(fake, spec);
    expect(lost.status).toBe(500);
    expect(spec.written(fake)).toBe(before + 1);
    expect((await write(fake, spec)).ok).toBe(true);
  });

  it('refuses a body over maxBodyBytes with its 413, reading no further', async () => {
    const fake = spec.create({ maxBodyBytes: 64 });
    const before = spec.written(fake);
    const big = await write(fake, spec, { body: JSON.stringify({ ...spec.body, padding: 'x'.repeat(100) }) });
    expect(big.status).toBe(413);
    expect(await big.json()).toEqual(spec.tooLarge);
    expect(spec.written(fake)).toBe(before);
  });
});

describe('latency', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('answers after latencyMs, and the request’s signal cancels the wait', async () => {
    vi.useFakeTimers();
    const fake = createICloudReadyFake({ latencyMs: 1_000 });
    const request = () =>
      new Request('https://api.icloud-ready.com/api/v2/sequences', {
        headers: { authorization: `Bearer ${fake.apiKey}` },
        signal: controller.signal,
      });
    let controller = new AbortController();
    let answered = false;
    const pending = fake.fetch(request()).then((response) => {
      answered = true;
      return response;
    });
    await vi.advanceTimersByTimeAsync(999);
    expect(answered).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect((await pending).status).toBe(200);

    controller = new AbortController();
    const cancelled = rejectionOf(fake.fetch(request()));
    controller.abort();
    expect(await cancelled).toMatchObject({ name: 'AbortError' });
  });
});

describe('through the SDK', () => {
  it('a Sequence transfer whose answer was lost is retried with its Idempotency-Key and made once', async () => {
    const fake = createSequenceFake({ faults: [{ status: 502, afterProcessing: true }] });
    const seq = new SequenceClient({ apiKey: fake.apiKey, fetch: fakeFetch(fake), rateLimit: false });
    const seeded = fake.state.transfers.length;
    await seq.transfers.create({
      source_account_id: 'acc_01HDEF0123',
      destination_account_id: 'acc_01HGHI7890',
      amount_in_cents: 100,
    });
    expect(fake.state.transfers).toHaveLength(seeded + 1);
  });

  it('a Rule create whose answer was lost is not retried: the error surfaces, the write is there', async () => {
    const fake = createRuleFake({
      rateLimit: false,
      faults: (request) => (request.method === 'POST' ? { status: 503, afterProcessing: true } : undefined),
    });
    const rule = new RuleClient({ apiKey: fake.apiKey, fetch: fakeFetch(fake), rateLimit: false });
    const error = await rejectionOf(
      rule.subscribers.create({ subscriber: { email: 'lost@example.com' }, tags: ['T'] }),
    );
    expect(error).toBeInstanceOf(InternalServerError);
    expect(fake.state.subscribers.some((s) => s.email === 'lost@example.com')).toBe(true);
  });
});

describe('the request parser', () => {
  it('reads a form body, Rule’s apikey field included', async () => {
    const fake = createRuleFake({ rateLimit: false });
    const response = await fake.fetch(
      new Request('https://app.rule.io/api/v2/tags/Newsletter?identified_by=name', {
        method: 'PUT',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ apikey: fake.apiKey, description: 'Weekly news' }),
      }),
    );
    expect(response.status).toBe(200);
    expect(fake.state.tags.find((t) => t.name === 'Newsletter')?.description).toBe('Weekly news');
  });
});

describe('createFake', () => {
  const dialect = {
    unauthorized: () => reply(401, { error: 'unauthorized' }),
    notFound: () => reply(404, { error: 'not found' }),
    invalidBody: () => reply(400, { error: 'not JSON' }),
    tooLarge: () => reply(413, { error: 'too large' }),
    failure: (status: number, detail: string) => reply(status, { error: 'failure', detail }),
  };

  it('answers a handler that throws with the API’s own 500, and one that throws a reply with that reply', async () => {
    const fake = createFake(
      {
        name: 'tiny',
        apiKey: 'k',
        prefixes: ['/api'],
        initialState: () => ({}),
        routes: [
          route<object>('GET', 'broken', () => {
            throw new RangeError('boom');
          }),
          route<object>('GET', 'teapot', () => reply(418, { error: 'teapot' }).throw()),
        ],
        middleware: [],
        dialect,
      },
      {},
    );
    const broken = await fake.fetch(new Request('http://x/api/broken'));
    expect([broken.status, await broken.json()]).toEqual([
      500,
      { error: 'failure', detail: 'The fake failed: RangeError: boom' },
    ]);
    const teapot = await fake.fetch(new Request('http://x/api/teapot'));
    expect([teapot.status, await teapot.json()]).toEqual([418, { error: 'teapot' }]);
    const unknown = await fake.fetch(new Request('http://x/api/nothing'));
    expect(unknown.status).toBe(404);
  });
});

describe('request input', () => {
  const send = (fake: FakeApi, url: string, auth: string, body?: unknown) =>
    fake.fetch(
      new Request(url, {
        method: body === undefined ? 'GET' : 'POST',
        headers: { authorization: `${auth} ${fake.apiKey}`, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
    );

  it('is read leniently: keys the documents do not name are no 400 (extraBody and extraQuery send them)', async () => {
    const icloudready = createICloudReadyFake();
    const created = await send(icloudready, 'https://api.icloud-ready.com/api/v2/sequences', 'Bearer', {
      name: 'New',
      audience: 'trial',
    });
    expect(created.status).toBe(200);
    expect(icloudready.state.sequences.at(-1)).toMatchObject({ name: 'New', audience: 'trial' });

    const sequence = createSequenceFake({ rateLimit: false });
    const listed = await send(
      sequence,
      'https://api.getsequence.io/api/v1/transfers?account_id=acc_01HDEF0123&cache=1',
      'ApiKey',
    );
    expect(listed.status).toBe(200);
    const rule = { status: 'enabled', trigger: { type: 'MANUAL', label: 'x' }, steps: [], color: 'red' };
    expect((await send(sequence, 'https://api.getsequence.io/api/v1/rules', 'ApiKey', rule)).status).toBe(
      201,
    );
  });

  it('names every problem in the API’s own 400', async () => {
    const sequence = createSequenceFake({ rateLimit: false });
    const refused = await send(sequence, 'https://api.getsequence.io/api/v1/transfers', 'ApiKey', {
      source_account_id: 'acc_01HDEF0123',
      amount_in_cents: 1.5,
    });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toEqual({
      error: {
        code: 'invalid_parameters',
        message: 'destination_account_id must be a string; amount_in_cents must be an integer.',
      },
    });
  });
});
