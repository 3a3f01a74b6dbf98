import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NotFoundError, RequestValidationError } from '../../src/core/index.js';
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

// Identifiers made of any Unicode (astral planes, combining marks, RTL marks, NUL, URL delimiters such as / ? # %)
// travel through percent-encoding, a real HTTP server and the fakes, and come back unchanged. Text that is not
// Unicode (a lone surrogate) cannot be percent-encoded and is refused before anything is sent.

const RUNS = 1_000;

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
  it('name a Rule tag that is created on a subscriber and found again by that name', async () => {
    await clients.rule.subscribers.create({ subscriber: { email: 'ada@example.com' }, tags: ['Start'] });
    let made = 0;
    await fc.assert(
      fc.asyncProperty(identifier, async (text) => {
        // Rule trims names, matches them without case and reads all-digit ones as ids: a numbered wrapper keeps
        // each name distinct and untouched, with the generated text inside.
        made += 1;
        const name = `${made}«${text}»`;
        await clients.rule.subscribers.tags.add({ email: 'ada@example.com' }, [name]);
        const tag = await clients.rule.tags.get(name);
        expect(tag.name).toBe(name);
      }),
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
      { numRuns: RUNS },
    );
  });
});
