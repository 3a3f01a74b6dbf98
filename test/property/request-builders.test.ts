import { describe, expect, it } from 'vitest';
import { RequestValidationError } from '../../src/core/errors/request-validation-error.js';
import { InternalServerError } from '../../src/core/errors/status-errors.js';
import fc from '../helpers/fast-check.js';
import { applyMutation, hostileString, hostileValue, mutation } from './hostile.js';
import { SAMPLE_CALLS } from './sample-calls.js';
import { type PublicMethod, publicMethods } from './sdk-surface.js';
import { originProblems, problemsWith } from './spec-oracle.js';

// Every public method, given arbitrary and hostile arguments, either refuses with RequestValidationError before
// anything is sent, or sends only requests the API documents (the raw `request()` escape hatch: any request on the
// API's origin). Nothing else: no TypeError, no URIError, no RangeError, no synchronous throw, no ConnectionError
// for a body JSON cannot hold. The one call that may send nothing and succeed is `createMany([])`: an empty import.

const isEmptyImport = (method: PublicMethod, args: readonly unknown[]) =>
  method.path === 'rule.subscribers.createMany' && Array.isArray(args[0]) && args[0].length === 0;

// Named by path in counterexamples.
const METHODS = publicMethods().map((m) => Object.assign(m, { [fc.toStringMethod]: () => m.path }));
const SEEDED = METHODS.filter((m) => m.path in SAMPLE_CALLS);

/** Records each request and answers 503, so that every call ends after its first request. */
function recordingFetch(): { fetch: typeof fetch; sent: Request[] } {
  const sent: Request[] = [];
  return {
    sent,
    fetch: async (input, init) => {
      sent.push(new Request(input, init));
      return new Response('{"error":"stub"}', {
        status: 503,
        headers: { 'content-type': 'application/json' },
      });
    },
  };
}

function describeError(error: unknown): string {
  return error instanceof Error ? `${error.constructor.name}: ${error.message.slice(0, 300)}` : String(error);
}

/** Throws, with the reason, when a call breaks the contract; returns how many requests it sent. */
async function checkContract(method: PublicMethod, args: readonly unknown[]): Promise<number> {
  const { fetch, sent } = recordingFetch();
  const outcome = await method.invoke(fetch, args);
  if (outcome.kind === 'threw')
    throw new Error(`${method.path} threw synchronously: ${describeError(outcome.error)}`);
  if (sent.length === 0) {
    if (outcome.kind === 'rejected' && outcome.error instanceof RequestValidationError) return 0;
    if (outcome.kind === 'resolved' && isEmptyImport(method, args)) return 0;
    const how = outcome.kind === 'resolved' ? 'resolved' : `rejected with ${describeError(outcome.error)}`;
    throw new Error(`${method.path} sent nothing and ${how}`);
  }
  for (const request of sent) {
    const text = request.body ? await request.text() : undefined;
    const wire = { method: request.method, url: new URL(request.url), headers: request.headers, text };
    const problems = method.path.endsWith('.request') ? originProblems(wire) : problemsWith(wire);
    if (problems.length > 0)
      throw new Error(`${method.path} sent ${request.method} ${request.url}: ${problems.join('; ')}`);
  }
  if (outcome.kind === 'rejected' && !(outcome.error instanceof InternalServerError)) {
    throw new Error(`${method.path} sent its request, then rejected with ${describeError(outcome.error)}`);
  }
  return sent.length;
}

const anyMethod = fc.constantFrom(...METHODS);
const seededMethod = fc.constantFrom(...SEEDED);

const hostileOptions = fc.oneof(
  hostileValue,
  fc.record(
    {
      signal: hostileValue,
      timeout: fc.oneof(fc.double(), fc.integer(), hostileValue),
      totalTimeout: fc.oneof(fc.double(), hostileValue),
      maxRetries: fc.oneof(fc.integer({ min: -3, max: 3 }), fc.double(), hostileValue),
      idempotencyKey: fc.oneof(hostileString, hostileValue),
      requestId: fc.oneof(hostileString, hostileValue),
      headers: fc.oneof(
        fc.dictionary(hostileString, fc.oneof(hostileString, hostileValue), { maxKeys: 3 }),
        hostileValue,
      ),
    },
    { requiredKeys: [] },
  ),
);

describe('request builders', () => {
  it('have a valid sample for every public method, and send it as a documented request', async () => {
    expect(METHODS.map((m) => m.path).filter((path) => !(path in SAMPLE_CALLS))).toEqual([]);
    for (const method of SEEDED) {
      expect(await checkContract(method, SAMPLE_CALLS[method.path]!), method.path).toBeGreaterThan(0);
    }
  });

  it('given any arguments, refuse with RequestValidationError or send a documented request', async () => {
    await fc.assert(
      fc.asyncProperty(anyMethod, fc.array(hostileValue, { maxLength: 4 }), async (method, args) => {
        await checkContract(method, args);
      }),
      { numRuns: 3_000 },
    );
  });

  it('given a valid input with one place made hostile, refuse or send a documented request', async () => {
    await fc.assert(
      fc.asyncProperty(seededMethod, mutation, async (method, m) => {
        await checkContract(method, applyMutation(SAMPLE_CALLS[method.path]!, m));
      }),
      { numRuns: 3_000 },
    );
  });

  it('given valid arguments and hostile per-call options, refuse or send a documented request', async () => {
    await fc.assert(
      fc.asyncProperty(seededMethod, hostileOptions, async (method, options) => {
        await checkContract(method, [...SAMPLE_CALLS[method.path]!, options]);
      }),
      { numRuns: 2_000 },
    );
  });
});
