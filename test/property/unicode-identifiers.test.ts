import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RequestValidationError } from '../../src/core/errors/request-validation-error.js';
import { NotFoundError } from '../../src/core/errors/status-errors.js';
import { ICloudReadyClient } from '../../src/icloudready/client.js';
import { RuleClient } from '../../src/rule/client.js';
import { SequenceClient } from '../../src/sequence/client.js';
import {
  createICloudReadyFake,
  createRuleFake,
  createSequenceFake,
  type FakeApi,
  type Sandbox,
  startSandbox,
} from '../../src/testing/index.js';
import fc from '../helpers/fast-check.js';

// Identifiers made of any Unicode (astral planes, combining marks, RTL marks, NUL, URL delimiters such as / ? # %)
// travel through percent-encoding, a real HTTP server and the fakes, and come back unchanged. Text that is not
// Unicode (a lone surrogate) cannot be percent-encoded and is refused before anything is sent.

/** Cases per property that goes over HTTP (each makes two or three requests), and per one that sends nothing. */
const RUNS = 1_000;
const OFFLINE_RUNS = 3_000;

/** A fake that also records each path segment it receives, decoded. */
function recording(fake: FakeApi): FakeApi & { segments: string[][] } {
  const segments: string[][] = [];
  return Object.assign(Object.create(fake) as FakeApi, {
    segments,
    fetch(request: Request) {
      segments.push(new URL(request.url).pathname.split('/').map(decodeURIComponent));
      return fake.fetch(request);
    },
  });
}

/** Any well-formed text a path segment can carry: not empty, not "." or "..". */
const identifier = fc
  .string({ unit: 'binary', minLength: 1, maxLength: 24 })
  .filter((text) => text !== '.' && text !== '..');
const withLoneSurrogate = fc
  .tuple(identifier, fc.integer({ min: 0xd800, max: 0xdfff }))
  .map(([text, code]) => `${text}${String.fromCharCode(code)}`);

const rule = recording(createRuleFake({ apiKey: 'rule-key', rateLimit: false, seed: false }));
const sequence = recording(createSequenceFake({ apiKey: 'sequence-key', rateLimit: false }));
const icloudready = recording(createICloudReadyFake({ apiKey: 'icr-key' }));
let sandbox: Sandbox;
let clients: { rule: RuleClient; sequence: SequenceClient; icloudready: ICloudReadyClient };

beforeAll(async () => {
  sandbox = await startSandbox({ fakes: [rule, sequence, icloudready] });
  const options = (name: string) => ({
    apiKey: sandbox.endpoint(name).apiKey,
    baseUrl: sandbox.endpoint(name).baseUrl,
    rateLimit: false as const,
    maxRetries: 0,
  });
  clients = {
    rule: new RuleClient(options('rule')),
    sequence: new SequenceClient(options('sequence')),
    icloudready: new ICloudReadyClient(options('icloudready')),
  };
});
afterAll(() => sandbox.close());

describe('identifiers with any Unicode', () => {
  it('name a Rule tag that is renamed to it and found again by it', async () => {
    await clients.rule.subscribers.create({ subscriber: { email: 'ada@example.com' }, tags: ['Start'] });
    const { id } = await clients.rule.tags.get('Start');
    await fc.assert(
      // Rule refuses a blank name; anything else goes out in a JSON body and comes back through the path.
      fc.asyncProperty(
        identifier.filter((name) => name.trim() !== ''),
        async (name) => {
          await clients.rule.tags.update(id, { name });
          const tag = await clients.rule.tags.get(name);
          expect(tag).toMatchObject({ id, name });
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('reach each server as one path segment, exactly as given', async () => {
    await fc.assert(
      fc.asyncProperty(identifier, async (id) => {
        const sub = await clients.rule.subscribers.get({ custom_identifier: id }).safe();
        expect(!sub.ok && sub.error).toBeInstanceOf(NotFoundError);
        expect(rule.segments.at(-1)!.at(-1)).toBe(id);
        const seq = await clients.sequence.accounts.get(id).safe();
        expect(!seq.ok && seq.error).toBeInstanceOf(NotFoundError);
        expect(sequence.segments.at(-1)!.at(-1)).toBe(id);
        const icr = await clients.icloudready.sequences.retrieve(id).safe();
        expect(!icr.ok && icr.error).toBeInstanceOf(NotFoundError);
        expect(icloudready.segments.at(-1)!.at(-1)).toBe(id);
      }),
      { numRuns: RUNS },
    );
  });

  it('are refused before anything is sent when they hold a lone surrogate', async () => {
    const sent = () => rule.segments.length + sequence.segments.length + icloudready.segments.length;
    await fc.assert(
      fc.asyncProperty(withLoneSurrogate, async (id) => {
        const before = sent();
        for (const call of [
          clients.rule.tags.get(id),
          clients.rule.subscribers.get({ custom_identifier: id }),
          clients.sequence.accounts.get(id),
          clients.icloudready.sequences.retrieve(id),
        ]) {
          const result = await call.safe();
          expect(!result.ok && result.error).toBeInstanceOf(RequestValidationError);
        }
        expect(sent()).toBe(before);
      }),
      { numRuns: OFFLINE_RUNS },
    );
  });
});
