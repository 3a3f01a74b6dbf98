import { describe, expect, it } from 'vitest';
import { ResponseValidationError } from '../../src/core/errors/response-validation-error.js';
import type { SequenceInput } from '../../src/icloudready/types.js';
import { useSpecMock } from '../helpers/spec-mock.js';
import { CANARY_KEY, captureLogger } from '../helpers/test-transport.js';
import { BASE, icloudreadyV2, testICloudReadyClient } from './icloudready-mock.js';

const { seen, answer } = useSpecMock(icloudreadyV2);
const icr = testICloudReadyClient();

const ID = '6650c1f2a4e5b3d2c1a09f87';
const docsBody = icloudreadyV2.request('createSequence', 'docs') as SequenceInput;

/** The one request sent: method, URL, auth, content type and JSON body. */
function sentRequest() {
  expect(seen).toHaveLength(1);
  const [request] = seen;
  return {
    line: `${request!.method} ${request!.url.href}`,
    authorization: request!.headers.get('authorization'),
    contentType: request!.headers.get('content-type'),
    idempotencyKey: request!.headers.get('idempotency-key'),
    body: request!.body,
  };
}

describe('sequences: one request per operation, exactly as documented', () => {
  it('list: GET /sequences with the default page size and the bearer key', async () => {
    answer('listSequences');
    const page = await icr.sequences.list();
    expect(sentRequest()).toEqual({
      line: `GET ${BASE}/sequences?limit=20`,
      authorization: `Bearer ${CANARY_KEY}`,
      contentType: null,
      idempotencyKey: null,
      body: undefined,
    });
    expect(page.data.map((s) => s.name)).toEqual(['Trial onboarding', 'Win-back']);
  });

  it('list: every documented query parameter, with the wire names as the API spells them', async () => {
    answer('listSequences');
    await icr.sequences.list({
      limit: 50,
      page: 2,
      order: 'desc',
      sortBy: 'createdAt',
      fields: 'name,status',
      p: 'owner:me',
      q: 'onboarding',
    });
    expect(sentRequest().line).toBe(
      `GET ${BASE}/sequences?limit=50&page=2&order=desc&sortBy=createdAt&fields=name%2Cstatus&p=owner%3Ame&q=onboarding`,
    );
  });

  it('create: POST /sequences with the docs example as a JSON body', async () => {
    answer('createSequence');
    const created = await icr.sequences.create(docsBody);
    expect(sentRequest()).toEqual({
      line: `POST ${BASE}/sequences`,
      authorization: `Bearer ${CANARY_KEY}`,
      contentType: 'application/json',
      // iCloudReady documents no idempotency key: none is invented.
      idempotencyKey: null,
      body: docsBody,
    });
    expect(docsBody).toMatchObject({ schedule: {}, maxContacts: 0, tags: [], emailFrom: {} });
    expect(created.id).toBe(ID);
  });

  it('create: a realistic body keeps its nested objects and arrays as given', async () => {
    answer('createSequence');
    const body = icloudreadyV2.request('createSequence', 'onboarding') as SequenceInput;
    await icr.sequences.create(body);
    expect(sentRequest().body).toEqual(body);
  });

  it('retrieve: GET /sequences/{id}', async () => {
    answer('getSequence');
    const sequence = await icr.sequences.retrieve(ID);
    expect(sentRequest()).toMatchObject({
      line: `GET ${BASE}/sequences/${ID}`,
      authorization: `Bearer ${CANARY_KEY}`,
      body: undefined,
    });
    expect(sequence).toEqual(icloudreadyV2.response('getSequence', '200'));
  });

  it('update: PUT /sequences/{id} with the docs example as a JSON body', async () => {
    answer('updateSequence');
    const updated = await icr.sequences.update(ID, docsBody);
    expect(sentRequest()).toMatchObject({
      line: `PUT ${BASE}/sequences/${ID}`,
      authorization: `Bearer ${CANARY_KEY}`,
      contentType: 'application/json',
      body: icloudreadyV2.request('updateSequence', 'docs'),
    });
    expect(updated.status).toBe('active');
  });

  it('patch: PATCH /sequences/{id} with only the given fields', async () => {
    answer('patchSequence');
    const body = icloudreadyV2.request('patchSequence') as SequenceInput;
    const patched = await icr.sequences.patch(ID, body);
    expect(sentRequest()).toMatchObject({
      line: `PATCH ${BASE}/sequences/${ID}`,
      authorization: `Bearer ${CANARY_KEY}`,
      contentType: 'application/json',
      body: { status: 'paused', maxContacts: 1000 },
    });
    expect(patched).toMatchObject({ status: 'paused', maxContacts: 1000 });
  });

  it("delete: DELETE /sequences/deleted/{id}, the docs' path; the body is ignored but reachable", async () => {
    answer('deleteSequence');
    const result = await icr.sequences.delete(ID);
    expect(sentRequest()).toMatchObject({
      line: `DELETE ${BASE}/sequences/deleted/${ID}`,
      authorization: `Bearer ${CANARY_KEY}`,
      body: undefined,
    });
    expect(result).toBeUndefined();
    answer('deleteSequence', { text: '' });
    const { body } = await icr.sequences.delete(ID).withResponse();
    expect(body).toBeUndefined();
  });

  it('activity.create: POST /sequences/activity with the body as given', async () => {
    answer('createSequenceActivity');
    const body = icloudreadyV2.request('createSequenceActivity') as Record<string, unknown>;
    const activity = await icr.sequences.activity.create(body);
    expect(sentRequest()).toEqual({
      line: `POST ${BASE}/sequences/activity`,
      authorization: `Bearer ${CANARY_KEY}`,
      contentType: 'application/json',
      idempotencyKey: null,
      body,
    });
    expect(activity).toEqual(icloudreadyV2.response('createSequenceActivity', '200'));
  });

  it('URL-encodes ids', async () => {
    answer('getSequence');
    await icr.sequences.retrieve('seq 1?x=#');
    expect(sentRequest().line).toBe(`GET ${BASE}/sequences/seq%201%3Fx%3D%23`);
  });
});

describe('sequences: lenient parsing of undocumented responses', () => {
  it('keeps fields the docs do not name, and accepts nulls for documented ones', async () => {
    answer('getSequence');
    const sequence = await icr.sequences.retrieve(ID);
    expect(sequence.createdAt).toBe('2024-06-01T09:00:00.000Z');
    expect(sequence.__v).toBe(0);
    expect(sequence.endDate).toBeNull();
    expect(sequence.emailFrom).toEqual({ name: 'Ada at Acme', email: 'ada@acme.example' });
  });

  it('accepts a body with none of the documented fields, and a numeric id', async () => {
    answer('getSequence', { body: { id: 7, something: { new: true } } });
    expect(await icr.sequences.retrieve('7')).toEqual({ id: 7, something: { new: true } });
  });

  it('reports a documented field of another type, unless validateResponses is false', async () => {
    answer('getSequence', { body: { id: ID, maxContacts: 'many' } });
    const error = await icr.sequences.retrieve(ID).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseValidationError);
    const lax = testICloudReadyClient({ validateResponses: false, logger: captureLogger() });
    expect(await lax.sequences.retrieve(ID)).toEqual({ id: ID, maxContacts: 'many' });
  });

  it.each([
    ['bareArray', ['Trial onboarding', 'Win-back']],
    ['dataEnvelope', ['Trial onboarding']],
    ['itemsEnvelope', ['Trial onboarding']],
    ['resultsEnvelope', ['Trial onboarding']],
  ])('reads the list items of a %s', async (example, names) => {
    answer('listSequences', { example });
    const { data, body } = await icr.sequences.list().withResponse();
    expect(data.data.map((s) => s.name)).toEqual(names);
    expect(body).toEqual(icloudreadyV2.response('listSequences', '200', example));
  });

  it('refuses a list body of no known shape', async () => {
    answer('listSequences', { body: { sequences: [] } });
    await expect(icr.sequences.list()).rejects.toBeInstanceOf(ResponseValidationError);
  });
});
