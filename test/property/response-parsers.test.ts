import { beforeAll, describe, expect, it } from 'vitest';
import { ResponseValidationError } from '../../src/core/errors/response-validation-error.js';
import fc from '../helpers/fast-check.js';
import { applyMutation, hostileString, type Mutation, mutationOf } from './hostile.js';
import { SAMPLE_CALLS } from './sample-calls.js';
import { type Outcome, type PublicMethod, publicMethods } from './sdk-surface.js';
import { documentedAnswer } from './spec-oracle.js';

// Every method that parses an answer, served its operation's documented 2xx example with one place changed (a
// value replaced by any JSON, a key deleted or added, the whole body swapped), resolves with data or rejects with
// ResponseValidationError. Never a TypeError from reading a field that is not there.

/** Pollers and reporters that turn answers into something other than parsed data. */
const NOT_PARSERS = new Set(['sequence.transfers.waitUntilSettled', 'rule.subscribers.createMany']);

const METHODS = publicMethods()
  .filter((m) => m.path in SAMPLE_CALLS && !NOT_PARSERS.has(m.path))
  .map((m) => Object.assign(m, { [fc.toStringMethod]: () => m.path }));

/** Any JSON, plus the values that trip careless parsers. */
const jsonValue = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(null, '', 0, -1, 1e308, '1', [], {}, true),
);
const bodyMutation = mutationOf(
  jsonValue,
  fc.oneof(hostileString, fc.constantFrom('__proto__', 'data', 'meta')),
);

/** Answers each request with its documented example, changed by `change`; counts the answers given. */
function documentedFetch(change: (body: unknown) => unknown): {
  fetch: typeof fetch;
  answered: () => number;
} {
  let answered = 0;
  return {
    answered: () => answered,
    fetch: async (input, init) => {
      const request = new Request(input, init);
      const documented = documentedAnswer(request.method, new URL(request.url));
      if (!documented) return new Response('no documented answer', { status: 599 });
      answered += 1;
      const body =
        documented.body === undefined ? null : JSON.stringify(change(structuredClone(documented.body)));
      return new Response(body, {
        status: documented.status,
        headers: { 'content-type': 'application/json' },
      });
    },
  };
}

async function call(method: PublicMethod, change: (body: unknown) => unknown) {
  const { fetch, answered } = documentedFetch(change);
  const outcome: Outcome = await method.invoke(fetch, SAMPLE_CALLS[method.path]!);
  return { outcome, answered: answered() };
}

const unchanged = (body: unknown) => body;
const mutated = (m: Mutation) => (body: unknown) => applyMutation([body], m)[0];

let parsers: PublicMethod[] = [];

beforeAll(async () => {
  const served = await Promise.all(METHODS.map(async (m) => ({ m, ...(await call(m, unchanged)) })));
  parsers = served.filter((s) => s.answered > 0 && s.outcome.kind === 'resolved').map((s) => s.m);
});

describe('response parsers', () => {
  it('accept every documented 2xx example their operation answers with', async () => {
    for (const method of METHODS) {
      const { outcome, answered } = await call(method, unchanged);
      expect(answered, `${method.path} got a documented answer`).toBeGreaterThan(0);
      expect(outcome, method.path).toMatchObject({ kind: 'resolved' });
    }
    expect(parsers).toHaveLength(METHODS.length);
  });

  it('given a documented body with one place changed, return data or throw ResponseValidationError', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...parsers), bodyMutation, async (method, m) => {
        const { outcome } = await call(method, mutated(m));
        if (outcome.kind === 'resolved') return;
        const error = outcome.error;
        if (outcome.kind === 'rejected' && error instanceof ResponseValidationError) return;
        throw new Error(
          `${method.path} ${outcome.kind} with ${error instanceof Error ? `${error.constructor.name}: ${error.message}` : String(error)}`,
        );
      }),
      { numRuns: 3_000 },
    );
  });
});
