// One id type: what `create` returns (a string or a whole number) goes to `patch` and `activity.create` as is.
import { expect, expectTypeOf, it } from 'vitest';
import { RequestValidationError } from '../../src/core/errors/request-validation-error.js';
import type { Sequences } from '../../src/icloudready/index.js';
import type { SequenceId } from '../../src/icloudready/types.js';
import { testICloudReadyClient } from './icloudready-mock.js';

/** A server that gives sequences numeric ids, as the spec allows, and records what it receives. */
function numericIdServer() {
  const seen: string[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    seen.push(`${request.method} ${new URL(request.url).pathname} ${await request.text()}`);
    return Response.json({ id: 42, name: 'Onboarding' }, { status: request.method === 'POST' ? 201 : 200 });
  };
  return { seen, icr: testICloudReadyClient({ fetch }) };
}

it('takes the id a created sequence carries, in patch and in activity.create alike', async () => {
  const { seen, icr } = numericIdServer();
  const created = await icr.sequences.create({ name: 'Onboarding' });
  if (created.id === undefined) throw new Error('the server answered with an id');

  await icr.sequences.patch(created.id, { status: 'active' });
  await icr.sequences.activity.create({ sequenceId: created.id, type: 'note' });
  await icr.sequences.retrieve(created.id);
  await icr.sequences.delete(created.id);

  expect(seen).toEqual([
    'POST /api/v2/sequences {"name":"Onboarding"}',
    'PATCH /api/v2/sequences/42 {"status":"active"}',
    'POST /api/v2/sequences/activity {"sequenceId":42,"type":"note"}',
    'GET /api/v2/sequences/42 ',
    'DELETE /api/v2/sequences/deleted/42 ',
  ]);
});

it('types every id parameter as the id a sequence carries', () => {
  expectTypeOf<SequenceId>().toEqualTypeOf<string | number>();
  expectTypeOf<Parameters<Sequences['patch']>[0]>().toEqualTypeOf<SequenceId>();
  expectTypeOf<Parameters<Sequences['retrieve']>[0]>().toEqualTypeOf<SequenceId>();
  expectTypeOf<Parameters<Sequences['update']>[0]>().toEqualTypeOf<SequenceId>();
  expectTypeOf<Parameters<Sequences['delete']>[0]>().toEqualTypeOf<SequenceId>();
});

it.each([-1, 1.5, Number.NaN, 2 ** 53])('refuses the numeric id %s before sending', async (id) => {
  const { seen, icr } = numericIdServer();
  await expect(icr.sequences.patch(id, { status: 'active' })).rejects.toBeInstanceOf(RequestValidationError);
  expect(seen).toEqual([]);
});
