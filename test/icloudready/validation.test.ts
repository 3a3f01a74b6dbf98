import { describe, expect, it } from 'vitest';
import { RequestValidationError } from '../../src/core/errors/request-validation-error.js';
import type { ListSequencesParams, SequenceInput } from '../../src/icloudready/types.js';
import { useSpecMock } from '../helpers/spec-mock.js';
import { icloudreadyV2, testICloudReadyClient } from './icloudready-mock.js';

const { seen, answer } = useSpecMock(icloudreadyV2);
const icr = testICloudReadyClient();

/** Answers every operation, so that anything sent would be seen (and not fail as unhandled). */
function answerAll() {
  for (const { operationId } of icloudreadyV2.operations()) answer(operationId);
}

async function expectRefused(call: () => PromiseLike<unknown>, message?: RegExp) {
  const error = await Promise.resolve(call()).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(RequestValidationError);
  if (message) expect((error as Error).message).toMatch(message);
}

describe('bad input throws RequestValidationError and sends nothing', () => {
  it.each<[string, unknown]>([
    ['empty', ''],
    ['a slash', 'a/b'],
    ['"."', '.'],
    ['".."', '..'],
    ['a negative number', -1],
    ['a fractional number', 4.2],
    ['undefined', undefined],
  ])('refuses an id that is %s, on every operation that takes one', async (_, id) => {
    answerAll();
    const bad = id as string;
    await expectRefused(() => icr.sequences.retrieve(bad), /sequence id/);
    await expectRefused(() => icr.sequences.update(bad, { name: 'x' }));
    await expectRefused(() => icr.sequences.patch(bad, { name: 'x' }));
    await expectRefused(() => icr.sequences.delete(bad));
    expect(seen).toHaveLength(0);
  });

  it.each<[string, ListSequencesParams]>([
    ['limit 0', { limit: 0 }],
    ['limit 101', { limit: 101 }],
    ['a fractional limit', { limit: 2.5 }],
    ['limit as a string', { limit: '10' as never }],
    ['page 0', { page: 0 }],
    ['a negative page', { page: -1 }],
    ['a fractional page', { page: 1.5 }],
    ['a numeric search', { q: 5 as never }],
    ['an unknown parameter', { sort_by: 'name' } as never],
  ])('refuses a listing with %s', async (_, params) => {
    answerAll();
    const page = icr.sequences.list(params);
    await expectRefused(() => page, /^sequences\.list: /);
    await expect(page.toArray({ max: 10 })).rejects.toBeInstanceOf(RequestValidationError);
    expect(seen).toHaveLength(0);
  });

  it.each<[string, unknown]>([
    ['maxContacts below 0', { maxContacts: -1 }],
    ['a fractional maxContacts', { maxContacts: 1.5 }],
    ['maxContacts as a string', { maxContacts: '10' }],
    ['schedule as a string', { schedule: 'daily' }],
    ['tags as a string', { tags: 'vip' }],
    ['startDate as a Date', { startDate: new Date() }],
    ['null', null],
    ['an array', [{ name: 'x' }]],
  ])('refuses a body with %s on create, update and patch', async (_, body) => {
    answerAll();
    const input = body as SequenceInput;
    await expectRefused(() => icr.sequences.create(input), /sequence/);
    await expectRefused(() => icr.sequences.update('s1', input));
    await expectRefused(() => icr.sequences.patch('s1', input));
    expect(seen).toHaveLength(0);
  });

  it('refuses an update or patch that sets nothing, but lets create send an empty body', async () => {
    answerAll();
    await expectRefused(() => icr.sequences.update('s1', {}), /at least one field/);
    await expectRefused(() => icr.sequences.patch('s1', {}), /at least one field/);
    await expectRefused(() => icr.sequences.patch('s1', { name: undefined }), /at least one field/);
    expect(seen).toHaveLength(0);
    await icr.sequences.create({});
    expect(seen.map((r) => r.body)).toEqual([{}]);
  });

  it('refuses an activity that is not a JSON object', async () => {
    answerAll();
    for (const body of [null, 'enrolled', [1]])
      await expectRefused(() => icr.sequences.activity.create(body as never), /sequence activity/);
    expect(seen).toHaveLength(0);
  });

  it('reports the refusal through .safe() without throwing', async () => {
    const result = await icr.sequences.create({ maxContacts: -5 }).safe();
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toBeInstanceOf(RequestValidationError);
    expect(!result.ok && result.error.code).toBe('request_validation');
  });
});
