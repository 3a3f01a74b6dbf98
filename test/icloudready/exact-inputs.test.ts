import { describe, expect, it } from 'vitest';
import { RequestValidationError } from '../../src/core/errors/request-validation-error.js';
import { ICloudReadyClient } from '../../src/icloudready/client.js';
import { recordingFetch } from '../helpers/recording-fetch.js';
import { rejectionOf } from '../helpers/rejection.js';
import { CANARY_KEY } from '../helpers/test-transport.js';

// Inputs are exact: a field iCloudReady's docs do not list is refused before anything is sent, naming the listed
// field it most likely meant (`extraBody` sends one on purpose).

describe('iCloudReady refuses undocumented keys before sending', () => {
  it.each<[string, (icr: ICloudReadyClient) => PromiseLike<unknown>, string]>([
    [
      'a sequence field in snake_case',
      (icr) => icr.sequences.create({ name: 'Onboarding', max_contacts: 5 } as never),
      'sequences.create: max_contacts: unknown option; did you mean maxContacts?',
    ],
    [
      'a patch field',
      (icr) => icr.sequences.patch('s1', { stauts: 'active' } as never),
      'sequences.patch: stauts: unknown option; did you mean status?',
    ],
    [
      'a list parameter',
      (icr) => icr.sequences.list({ sort_by: 'name' } as never),
      'sequences.list: sort_by: unknown option; did you mean sortBy?',
    ],
  ])('%s', async (_, call, message) => {
    const { fetch, sent } = recordingFetch({});
    const icr = new ICloudReadyClient({ apiKey: CANARY_KEY, rateLimit: false, fetch });
    const error = await rejectionOf(call(icr));
    expect(error).toBeInstanceOf(RequestValidationError);
    expect((error as Error).message).toBe(message);
    expect(sent).toHaveLength(0);
  });
});
