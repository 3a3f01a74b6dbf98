import { describe, expect, it } from 'vitest';
import { RequestValidationError } from '../../src/core/errors/request-validation-error.js';
import { ICloudReadyClient } from '../../src/icloudready/client.js';
import { RuleClient } from '../../src/rule/client.js';
import { SequenceClient } from '../../src/sequence/client.js';
import { recordingFetch } from '../helpers/recording-fetch.js';
import { rejectionOf } from '../helpers/rejection.js';
import { CANARY_KEY } from '../helpers/test-transport.js';

// Inputs are exact, so a parameter a vendor added after its docs goes out only on purpose, through the per-call
// `extraQuery`, `extraBody` and `extraHeaders`: the exactness checks do not refuse them, and they reach the wire
// beside the documented input, end to end through each client.

const settings = { apiKey: CANARY_KEY, rateLimit: false as const, maxRetries: 0 };

async function sentBody(request: Request): Promise<unknown> {
  return JSON.parse(await request.text());
}

describe('extraQuery, extraBody and extraHeaders send undocumented parameters on purpose', () => {
  it('Rule: a create carries them, and the documented body stays exact', async () => {
    const { fetch, sent } = recordingFetch({ message: 'Success', subscriber: { id: 1 }, suppressed: [] });
    const rule = new RuleClient({ ...settings, fetch });
    await rule.subscribers.create(
      { subscriber: { email: 'ada@example.com' }, tags: ['Newsletter'] },
      {
        extraBody: { source: 'woorule' },
        extraQuery: { version: '3.0.4' },
        extraHeaders: { 'x-trace': 'abc' },
      },
    );
    const [request] = sent;
    expect(new URL(request!.url).searchParams.get('version')).toBe('3.0.4');
    expect(request!.headers.get('x-trace')).toBe('abc');
    expect(await sentBody(request!)).toEqual({
      tags: ['Newsletter'],
      subscribers: { email: 'ada@example.com' },
      source: 'woorule',
    });
  });

  it('Rule: a listing carries an extra query parameter on its first page', async () => {
    const { fetch, sent } = recordingFetch({ subscribers: [], meta: { next: null } });
    await new RuleClient({ ...settings, fetch }).subscribers.list(
      { limit: 10 },
      { extraQuery: { source: 'crm' } },
    );
    expect(new URL(sent[0]!.url).search).toBe('?limit=10&source=crm');
  });

  it('Rule: every call of a createMany carries the extra body fields', async () => {
    const { fetch, sent } = recordingFetch({ success: true });
    const rows = Array.from({ length: 3 }, (_, i) => ({ email: `p${i}@example.com` }));
    await new RuleClient({ ...settings, fetch }).subscribers.createMany(
      rows,
      { tags: ['Import'], sync_subscribers: true, concurrency: 1 },
      { extraBody: { source: 'import' } },
    );
    expect(sent).toHaveLength(1);
    expect(await sentBody(sent[0]!)).toMatchObject({ source: 'import', sync_subscribers: true });
  });

  it('Sequence: a transfer carries an extra field beside the exact documented body', async () => {
    const { fetch, sent } = recordingFetch({ request_id: 'r', data: { id: 'txr_1', status: 'processing' } });
    await new SequenceClient({ ...settings, fetch }).transfers.create(
      { source_account_id: 'acc_a', destination_account_id: 'acc_b', amount_in_cents: 100 },
      { extraBody: { memo: 'rent' } },
    );
    expect(await sentBody(sent[0]!)).toEqual({
      source_account_id: 'acc_a',
      destination_account_id: 'acc_b',
      amount_in_cents: 100,
      memo: 'rent',
    });
  });

  it('iCloudReady: a sequence carries a field the docs do not list', async () => {
    const { fetch, sent } = recordingFetch({ id: 's1' });
    await new ICloudReadyClient({ ...settings, fetch }).sequences.create(
      { name: 'Onboarding' },
      { extraBody: { timezone: 'Europe/Stockholm' } },
    );
    expect(await sentBody(sent[0]!)).toEqual({ name: 'Onboarding', timezone: 'Europe/Stockholm' });
  });

  it('still refuses the same key in the input itself, before sending', async () => {
    const { fetch, sent } = recordingFetch({});
    const create = new ICloudReadyClient({ ...settings, fetch }).sequences.create({
      name: 'Onboarding',
      timezone: 'Europe/Stockholm',
    } as never);
    expect(await rejectionOf(create)).toBeInstanceOf(RequestValidationError);
    expect(sent).toHaveLength(0);
  });
});
