import { describe, expect, it } from 'vitest';
import { AuthenticationError, BadRequestError, NotFoundError } from '../../src/core/errors/status-errors.js';
import { ICloudReadyClient } from '../../src/icloudready/index.js';
import { fakeFetch } from '../../src/testing/fake-api.js';
import {
  createICloudReadyFake,
  type ICloudReadyFakeOptions,
} from '../../src/testing/icloudready-fake/index.js';
import { icloudreadyV2 } from '../icloudready/icloudready-mock.js';

const TRIAL = '6650c1f2a4e5b3d2c1a09f87';
const onboarding = () => structuredClone(icloudreadyV2.request('createSequence', 'onboarding')) as never;
const errorOf = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error,
  );

function setup(options: ICloudReadyFakeOptions = {}) {
  const fake = createICloudReadyFake(options);
  const sent: { method: string; path: string; search: string }[] = [];
  const fetch = fakeFetch(fake);
  const icr = new ICloudReadyClient({
    apiKey: fake.apiKey,
    rateLimit: false,
    maxRetries: 0,
    fetch: (input, init) => {
      const request = input instanceof Request ? input : new Request(input, init);
      const { pathname, search } = new URL(request.url);
      sent.push({ method: request.method, path: pathname, search });
      return fetch(input, init);
    },
  });
  return { fake, icr, sent };
}

describe('ICloudReadyClient against the iCloudReady fake', () => {
  it('lists over three pages, the most recent first', async () => {
    let clock = Date.UTC(2024, 6, 1);
    const { icr, sent } = setup({ now: () => (clock += 1_000) });
    for (let i = 1; i <= 7; i++) await icr.sequences.create({ name: `Drip ${i}` });
    const all = await icr.sequences.list({ limit: 4 }).toArray({ max: 100 });
    expect(all.map((s) => s.name)).toEqual([
      'Drip 7',
      'Drip 6',
      'Drip 5',
      'Drip 4',
      'Drip 3',
      'Drip 2',
      'Drip 1',
      'Trial onboarding',
      'Win-back',
      'Renewal reminder',
    ]);
    expect(sent.filter((r) => r.search.includes('limit=4')).map((r) => r.search)).toEqual([
      '?limit=4',
      '?limit=4&page=2',
      '?limit=4&page=3',
    ]);

    const page = await icr.sequences.list({ limit: 4, page: 3 });
    expect([page.data.length, page.hasNextPage()]).toEqual([2, false]);
  });

  it('searches names with q, case-insensitively', async () => {
    const { icr } = setup();
    const found = await icr.sequences.list({ q: 'ONBOARD' }).toArray({ max: 10 });
    expect(found.map((s) => s.id)).toEqual([TRIAL]);
  });

  it('creates and retrieves a sequence', async () => {
    const { fake, icr } = setup();
    const created = await icr.sequences.create(onboarding());
    expect(created).toMatchObject({
      name: 'Trial onboarding',
      maxContacts: 500,
      id: expect.stringMatching(/^[0-9a-f]{24}$/),
    });
    expect(await icr.sequences.retrieve(String(created.id))).toEqual(created);
    expect(fake.state.sequences.at(-1)).toMatchObject({ id: created.id, tags: ['onboarding', 'trial'] });
  });

  it('update (PUT) replaces every field; patch merges', async () => {
    const { icr } = setup();
    const replaced = await icr.sequences.update(TRIAL, { name: 'Trial v2', status: 'draft' });
    expect(replaced).toMatchObject({
      id: TRIAL,
      name: 'Trial v2',
      status: 'draft',
      code: null,
      maxContacts: null,
    });
    expect(replaced.createdAt).toBe('2024-06-01T09:00:00.000Z');

    const patched = await icr.sequences.patch(TRIAL, { status: 'paused', maxContacts: 1000 });
    expect(patched).toMatchObject({ name: 'Trial v2', status: 'paused', maxContacts: 1000, __v: 2 });
  });

  it('deletes at /sequences/deleted/:id: hidden afterwards, flagged in state', async () => {
    const { fake, icr, sent } = setup();
    const { body } = await icr.sequences.delete(TRIAL).withResponse();
    expect(body).toMatchObject({ id: TRIAL, deleted: 'true' });
    expect(sent[0]).toMatchObject({ method: 'DELETE', path: `/api/v2/sequences/deleted/${TRIAL}` });
    expect(await errorOf(icr.sequences.retrieve(TRIAL))).toBeInstanceOf(NotFoundError);
    expect((await icr.sequences.list().toArray({ max: 10 })).map((s) => s.id)).not.toContain(TRIAL);
    expect(fake.state.sequences.find((s) => s.id === TRIAL)?.deleted).toBe('true');
  });

  it('records sequence activity', async () => {
    const { fake, icr } = setup();
    const body = icloudreadyV2.request('createSequenceActivity') as Record<string, unknown>;
    const activity = await icr.sequences.activity.create({ ...body });
    expect(activity).toMatchObject({ ...body, id: expect.any(String), createdAt: expect.any(String) });
    expect(fake.state.activities).toEqual([activity]);
  });

  it('answers 404 and 401 with the modelled {message} bodies', async () => {
    const { icr } = setup();
    const missing = await errorOf(icr.sequences.retrieve('000000000000000000000000'));
    expect(missing).toBeInstanceOf(NotFoundError);
    expect(missing).toMatchObject({ status: 404, code: 'http_404', body: { message: 'Sequence not found' } });
    expect(await errorOf(icr.sequences.patch('nope', { name: 'x' }))).toBeInstanceOf(NotFoundError);

    const stranger = new ICloudReadyClient({
      apiKey: 'wrong',
      rateLimit: false,
      fetch: fakeFetch(createICloudReadyFake()),
    });
    const denied = await errorOf(stranger.sequences.retrieve(TRIAL));
    expect(denied).toBeInstanceOf(AuthenticationError);
    expect(denied).toMatchObject({ status: 401, body: { message: 'Unauthorized' } });
  });

  it('refuses badly typed fields and out-of-range paging with 400', async () => {
    const { icr } = setup();
    const raw = [
      icr.request({ method: 'POST', path: 'sequences', body: { maxContacts: -1 } }),
      icr.request({ method: 'POST', path: 'sequences', body: { tags: 'a,b' } }),
      icr.request({ method: 'GET', path: 'sequences', query: { limit: 101 } }),
      icr.request({ method: 'GET', path: 'sequences', query: { page: 0 } }),
    ];
    for (const call of raw) expect(await errorOf(call)).toBeInstanceOf(BadRequestError);
  });

  it('reset() restores the seed; seed: false starts empty', async () => {
    const { fake, icr } = setup();
    await icr.sequences.delete(TRIAL);
    fake.reset();
    expect(fake.state.sequences.map((s) => s.deleted)).toEqual([null, null, null]);
    expect(createICloudReadyFake({ seed: false }).state).toEqual({ sequences: [], activities: [] });
    expect([fake.name, fake.apiKey, fake.pathPrefixes]).toEqual([
      'icloudready',
      'icloudready-sandbox-key',
      ['/api/v2'],
    ]);
  });
});
