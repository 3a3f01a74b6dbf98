import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ClientOptions } from '../../src/core/client-options.js';
import { RuleseqError } from '../../src/core/errors/ruleseq-error.js';
import fc from '../helpers/fast-check.js';
import { CANARY_KEY, captureLogger } from '../helpers/test-transport.js';
import { applyMutation, mutationOf } from './hostile.js';
import { SAMPLE_CALLS } from './sample-calls.js';
import { type Outcome, type PublicMethod, publicMethods } from './sdk-surface.js';
import { documentedAnswer } from './spec-oracle.js';

// Every public method of the four clients, with valid arguments, against a server (a `fetch` stub) whose every
// answer is generated: any status, lying or garbage headers, bodies that are broken, endless or huge, or no answer
// at all. Each call settles within what its bounds allow, as data or a RuleseqError; the key is in no error, cause,
// stack or log line; a call makes at most 1 + maxRetries attempts; and a write that carries no idempotency key is
// never sent again once an attempt may have reached the server.

/** Stands for the run's API key in generated answers: a server that echoes the key back. */
const KEY = '{{key}}';

const realSetImmediate = globalThis.setImmediate;
const macrotask = () => new Promise<void>((resolve) => realSetImmediate(resolve));

/** Methods that make many calls by design (pollers): their attempts are not one call's. */
const POLLERS = new Set([
  'sequence.transfers.waitUntilSettled',
  'sequencePlatform.rules.executions.waitForExecution',
  'sequencePlatform.transfers.waitForTransfer',
]);
/** The pollers' own budget (`timeoutMs` in their sample calls), and the largest backoff the transport uses. */
const POLL_BUDGET_MS = 1_000;
const MAX_BACKOFF_MS = 8_000;
/** A server that names no wait may leave the default limiter spent; it lets one request probe after this. */
const LIMITER_PROBE_MS = 1_000;

const METHODS = publicMethods(['rule', 'sequence', 'icloudready', 'sequencePlatform']).map((m) =>
  Object.assign(m, { [fc.toStringMethod]: () => m.path }),
);

// --- the answers --------------------------------------------------------------------------------------------------

type BodyPlan =
  | { kind: 'documented' }
  | { kind: 'mutated'; mutation: ReturnType<typeof mutationOf> extends fc.Arbitrary<infer M> ? M : never }
  | { kind: 'json'; value: unknown }
  | { kind: 'text'; text: string }
  | { kind: 'bytes'; bytes: number[] }
  | { kind: 'deep'; depth: number; open: '[' | '{"a":' | '{"message":' }
  | { kind: 'huge'; size: number }
  | { kind: 'empty' }
  | { kind: 'breaks'; prefix: string; error: 'TypeError' | 'non-Error' }
  | { kind: 'stalls'; prefix: string; honoursAbort: boolean };

type Failure = 'TypeError' | 'ECONNREFUSED' | 'AbortError' | 'non-Error' | 'undefined';

type Answer =
  | { kind: 'reject'; failure: Failure }
  | { kind: 'respond'; status: number; headers: Record<string, HeaderValue>; body: BodyPlan };

const statusArb = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(200, 201, 202, 204, 206) },
  { weight: 3, arbitrary: fc.constantFrom(400, 401, 403, 404, 408, 409, 413, 422) },
  { weight: 3, arbitrary: fc.constant(429) },
  { weight: 3, arbitrary: fc.constantFrom(500, 502, 503, 504) },
  { weight: 2, arbitrary: fc.integer({ min: 100, max: 599 }) },
);

const seconds = fc.integer({ min: -5, max: 5 });
const retryAfterArb = fc.oneof(
  seconds.map(String),
  fc.constantFrom('0', '1.5', '99999999999', '1e400', '-1', 'soon', '', ' 2 ', 'NaN', 'Infinity'),
  // HTTP-dates and Rule's zone-less local time, relative to the fake clock when the answer is made.
  seconds.map((s) => ({ at: s * 1000, form: 'http-date' as const })),
  seconds.map((s) => ({ at: s * 1000, form: 'zone-less' as const })),
  fc.constantFrom({ at: 1e13, form: 'http-date' as const }, { at: -1e12, form: 'zone-less' as const }),
);
type HeaderValue = string | { at: number; form: 'http-date' | 'zone-less' };

const garbageNumber = fc.oneof(
  fc.integer({ min: -2, max: 3000 }).map(String),
  fc.constantFrom('', 'abc', '1e9', '99999999999999999999', '-0', '0x10'),
);
const headersArb = fc.record(
  {
    'retry-after': retryAfterArb,
    'retry-after-ms': fc.oneof(
      fc.integer({ min: -10, max: 3000 }).map(String),
      fc.constantFrom('NaN', '1e10', ''),
    ),
    'x-ratelimit-limit': garbageNumber,
    'x-ratelimit-remaining': garbageNumber,
    'x-ratelimit-reset': garbageNumber,
    'requestscount-allowed': garbageNumber,
    'requestscount-current': garbageNumber,
    date: fc.oneof(
      fc.constantFrom('garbage', 'Thu, 01 Jan 1970 00:00:00 GMT', 'Fri, 31 Dec 9999 23:59:59 GMT'),
      fc.constant({ at: 0, form: 'http-date' as const }),
    ),
    'content-type': fc.constantFrom(
      'application/json',
      'application/json; charset=utf-8',
      'text/plain',
      'text/html; charset=iso-8859-1',
      'application/problem+json',
      'application/octet-stream',
      'multipart/x-odd; boundary=""',
      ';;',
    ),
    'content-length': fc.constantFrom('0', '3', '1000000000', '-1', 'abc'),
    'x-request-id': fc.constantFrom('req_1', '', KEY, 'a'.repeat(500)),
  },
  { requiredKeys: [] },
);

const textArb = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom(
    '<html><title>502 Bad Gateway</title></html>',
    `invalid key ${KEY}`,
    `{"error":"Unauthorized","message":"key ${KEY} unknown"}`,
    `{"meta":{"next":"https://app.rule.io/api/v2/subscribers?apikey=${KEY}&page=2"},"data":[]}`,
    '{"message":',
    'null',
    '"Success"',
    'Too Many Attempts.',
  ),
);

const bodyArb: fc.Arbitrary<BodyPlan> = fc.oneof(
  { weight: 4, arbitrary: fc.constant({ kind: 'documented' as const }) },
  {
    weight: 4,
    arbitrary: mutationOf(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom('data', 'meta', 'id', KEY)).map(
      (mutation) => ({ kind: 'mutated' as const, mutation }),
    ),
  },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((value) => ({ kind: 'json' as const, value })) },
  { weight: 2, arbitrary: textArb.map((text) => ({ kind: 'text' as const, text })) },
  {
    weight: 1,
    arbitrary: fc
      .array(fc.integer({ min: 0x80, max: 0xff }), { minLength: 1, maxLength: 8 })
      .map((bytes) => ({ kind: 'bytes' as const, bytes: [0x7b, ...bytes, 0x7d] })),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('deep' as const),
      depth: fc.constantFrom(50, 2_000, 20_000),
      open: fc.constantFrom('[' as const, '{"a":' as const, '{"message":' as const),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(100_000, 2_000_000).map((size) => ({ kind: 'huge' as const, size })),
  },
  { weight: 2, arbitrary: fc.constant({ kind: 'empty' as const }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('breaks' as const),
      prefix: fc.constantFrom('', '{"data":[', '{"id":1'),
      error: fc.constantFrom('TypeError' as const, 'non-Error' as const),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('stalls' as const),
      prefix: fc.constantFrom('', '{"data":['),
      honoursAbort: fc.boolean(),
    }),
  },
);

const answerArb: fc.Arbitrary<Answer> = fc.oneof(
  {
    weight: 1,
    arbitrary: fc
      .constantFrom<Failure>('TypeError', 'ECONNREFUSED', 'AbortError', 'non-Error', 'undefined')
      .map((failure) => ({ kind: 'reject' as const, failure })),
  },
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('respond' as const),
      status: statusArb,
      headers: headersArb,
      body: bodyArb,
    }),
  },
);

const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

function headerText(value: HeaderValue, key: string): string {
  if (typeof value === 'string') return value.replaceAll(KEY, key);
  const at = new Date(Date.now() + value.at);
  if (value.form === 'http-date') return at.toUTCString();
  // Rule's zone-less form is Stockholm local time; UTC is close enough to be near or far.
  return at.toISOString().slice(0, 19).replace('T', ' ');
}

function failureOf(failure: Failure, key: string): unknown {
  switch (failure) {
    case 'TypeError':
      return new TypeError('fetch failed', { cause: new Error(`socket hang up ${key}`) });
    case 'ECONNREFUSED':
      return new TypeError('fetch failed', {
        cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:443'), { code: 'ECONNREFUSED' }),
      });
    case 'AbortError':
      return new DOMException('This operation was aborted', 'AbortError');
    case 'non-Error':
      return `proxy said no to ${key}`;
    case 'undefined':
      return undefined;
  }
}

const encoder = new TextEncoder();

/** A body that sends `prefix` and then never ends; when `signal` aborts, it errors (as fetch's own bodies do) or not. */
function stalledBody(prefix: string, signal: AbortSignal, honoursAbort: boolean): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      if (prefix) controller.enqueue(encoder.encode(prefix));
      if (honoursAbort)
        signal.addEventListener('abort', () => controller.error(signal.reason), { once: true });
    },
  });
}

function brokenBody(prefix: string, error: 'TypeError' | 'non-Error'): ReadableStream<Uint8Array> {
  let sent = false;
  return new ReadableStream({
    pull(controller) {
      if (!sent && prefix) {
        sent = true;
        controller.enqueue(encoder.encode(prefix));
        return;
      }
      controller.error(error === 'TypeError' ? new TypeError('terminated') : { reason: 'reset' });
    },
  });
}

function bodyOf(plan: BodyPlan, request: Request, key: string): BodyInit | null {
  const echo = (text: string | undefined) => (text ?? '').replaceAll(KEY, key);
  const documented = () => documentedAnswer(request.method, new URL(request.url))?.body ?? { data: [] };
  switch (plan.kind) {
    case 'documented':
      return JSON.stringify(documented());
    case 'mutated':
      return echo(JSON.stringify(applyMutation([structuredClone(documented())], plan.mutation)[0]));
    case 'json':
      return echo(JSON.stringify(plan.value));
    case 'text':
      return echo(plan.text);
    case 'bytes':
      return new Uint8Array(plan.bytes);
    case 'deep':
      return `${plan.open.repeat(plan.depth)}1${(plan.open === '[' ? ']' : '}').repeat(plan.depth)}`;
    case 'huge':
      return `{"message":"${'x'.repeat(plan.size)}","data":[]}`;
    case 'empty':
      return '';
    case 'breaks':
      return brokenBody(plan.prefix, plan.error);
    case 'stalls':
      return stalledBody(plan.prefix, request.signal, plan.honoursAbort);
  }
}

function responseOf(answer: Extract<Answer, { kind: 'respond' }>, request: Request, key: string): Response {
  const headers = new Headers();
  for (const [name, value] of Object.entries(answer.headers)) headers.set(name, headerText(value, key));
  // fetch never hands over a 1xx (it waits for the final answer); a stub can only dress a 200 as one.
  const informational = answer.status < 200;
  const status = informational ? 200 : answer.status;
  const body = NULL_BODY_STATUSES.has(status) ? null : bodyOf(answer.body, request, key);
  const response = new Response(body, { status, headers });
  if (informational) {
    Object.defineProperty(response, 'status', { value: answer.status });
    Object.defineProperty(response, 'ok', { value: false });
  }
  return response;
}

interface Sent {
  method: string;
  url: string;
  idempotencyKey: string | null;
}

/** Answers the n-th attempt with `answers[n]` (the last one repeating) and records each request. */
function hostileFetch(answers: readonly Answer[], key: string): { fetch: typeof fetch; sent: Sent[] } {
  const sent: Sent[] = [];
  return {
    sent,
    fetch: async (input, init) => {
      const request = new Request(input, init);
      sent.push({
        method: request.method,
        url: request.url,
        idempotencyKey: request.headers.get('idempotency-key'),
      });
      const answer = answers[Math.min(sent.length - 1, answers.length - 1)]!;
      if (answer.kind === 'reject') throw failureOf(answer.failure, key);
      return responseOf(answer, request, key);
    },
  };
}

// --- the clients --------------------------------------------------------------------------------------------------

interface Bounds {
  maxRetries: number;
  timeout: number;
  maxRetryAfter: number;
  totalTimeout: number | undefined;
  limiter: boolean;
  auth: 'header' | 'query' | 'body';
}

const boundsArb: fc.Arbitrary<Bounds> = fc.record({
  maxRetries: fc.integer({ min: 0, max: 2 }),
  timeout: fc.constantFrom(5, 50, 500),
  maxRetryAfter: fc.constantFrom(0, 100, 2_000),
  totalTimeout: fc.option(fc.constantFrom(30, 3_000), { nil: undefined }),
  limiter: fc.boolean(),
  auth: fc.constantFrom('header' as const, 'query' as const, 'body' as const),
});

/** How long (fake ms) a call may take at most: its attempts, the waits between them, and the limiter's holds. */
function budgetOf(method: PublicMethod, b: Bounds): number {
  const attempts = 1 + b.maxRetries;
  const perAttempt = b.timeout + b.maxRetryAfter + (b.limiter ? LIMITER_PROBE_MS + b.maxRetryAfter : 0);
  const call = attempts * perAttempt + b.maxRetries * Math.max(MAX_BACKOFF_MS, b.maxRetryAfter) + 100;
  return POLLERS.has(method.path) ? POLL_BUDGET_MS + call : call;
}

let runs = 0;

/**
 * Calls `method` and drives the fake clock until the call settles, or its budget has passed: then it is reported
 * pending. Nothing runs on a real timer, so the budget costs no wall time.
 */
async function callWithin(
  method: PublicMethod,
  options: ClientOptions,
  budgetMs: number,
): Promise<Outcome | { kind: 'pending' }> {
  let outcome: Outcome | undefined;
  void method.invoke(options.fetch!, SAMPLE_CALLS[method.path]!, options).then((o) => {
    outcome = o;
  });
  const start = Date.now();
  let idle = 0;
  while (!outcome) {
    if (vi.getTimerCount() === 0) {
      // Waiting on nothing but promises: a few turns of the event loop settle them, or nothing ever will.
      if (++idle > 200) return { kind: 'pending' };
      await macrotask();
      continue;
    }
    idle = 0;
    await vi.advanceTimersToNextTimerAsync();
    if (!outcome && Date.now() - start > budgetMs) return { kind: 'pending' };
  }
  return outcome;
}

/** Where the key may hide in an error: its message, JSON, stack and the same for each cause. */
function errorTexts(error: unknown, depth = 0): string[] {
  if (depth > 8 || error === undefined || error === null) return [];
  if (typeof error !== 'object') return [String(error)];
  const e = error as { message?: unknown; stack?: unknown; cause?: unknown; errors?: unknown };
  let json = '';
  try {
    json = JSON.stringify(error) ?? '';
  } catch {
    json = '';
  }
  return [
    String(error),
    String(e.message),
    String(e.stack),
    json,
    ...errorTexts(e.cause, depth + 1),
    ...(Array.isArray(e.errors) ? e.errors.flatMap((inner) => errorTexts(inner, depth + 1)) : []),
  ];
}

/** Every string in a value, keys included, without recursion: an answer may be nested far deeper than a stack. */
function stringsIn(value: unknown): string[] {
  const found: string[] = [];
  const seen = new Set<object>();
  const pending = [value];
  while (pending.length > 0) {
    const next = pending.pop();
    if (typeof next === 'string') found.push(next);
    if (typeof next !== 'object' || next === null || seen.has(next)) continue;
    seen.add(next);
    if (next instanceof Headers) pending.push(...[...next].flat());
    else for (const [key, inner] of Object.entries(next)) pending.push(key, inner);
  }
  return found;
}

function describeOutcome(outcome: Outcome | { kind: 'pending' }): string {
  if (outcome.kind === 'pending' || outcome.kind === 'resolved') return outcome.kind;
  const error = outcome.error;
  return `${outcome.kind} with ${error instanceof Error ? `${error.constructor.name}: ${error.message.slice(0, 200)}` : String(error)}`;
}

/** Whether an attempt's answer proves the server did not apply it (the only failures after which a write may go again). */
function provesNotApplied(answer: Answer): boolean {
  return answer.kind === 'reject' ? answer.failure === 'ECONNREFUSED' : answer.status === 429;
}

async function check(method: PublicMethod, bounds: Bounds, answers: readonly Answer[]): Promise<void> {
  runs += 1;
  vi.clearAllTimers();
  const apiKey = `${CANARY_KEY}-${runs}`;
  const { fetch, sent } = hostileFetch(answers, apiKey);
  const logger = captureLogger();
  const options = {
    apiKey,
    fetch,
    logger,
    logLevel: 'debug' as const,
    maxRetries: bounds.maxRetries,
    timeout: bounds.timeout,
    maxRetryAfter: bounds.maxRetryAfter,
    totalTimeout: bounds.totalTimeout,
    // Undefined: the vendor's default limiter (one per key, and each run has its own key).
    rateLimit: bounds.limiter ? undefined : (false as const),
    ...(method.path.startsWith('rule.') ? { auth: bounds.auth } : {}),
  };
  const outcome = await callWithin(method, options, budgetOf(method, bounds));
  const what = `${method.path} ${describeOutcome(outcome)}`;

  expect(outcome.kind, `${what}: settles`).not.toBe('pending');
  expect(outcome.kind, `${what}: returns a promise`).not.toBe('threw');
  if (outcome.kind === 'rejected') {
    expect(outcome.error, `${what}: a RuleseqError`).toBeInstanceOf(RuleseqError);
    for (const text of errorTexts(outcome.error)) expect(text, `${what}: error text`).not.toContain(apiKey);
  }
  if (outcome.kind === 'resolved') {
    expect(
      stringsIn(outcome.value).filter((text) => text.includes(apiKey)),
      `${what}: data`,
    ).toEqual([]);
  }
  for (const line of logger.lines) expect(line, `${what}: log line`).not.toContain(apiKey);

  if (!POLLERS.has(method.path)) {
    expect(sent.length, `${what}: attempts`).toBeLessThanOrEqual(1 + bounds.maxRetries);
  }
  // A write without a key goes again only after an answer that proves the last one was not applied.
  sent.forEach((request, i) => {
    if (i === 0 || request.idempotencyKey || !['POST', 'PATCH'].includes(request.method)) return;
    const previous = answers[Math.min(i - 1, answers.length - 1)]!;
    expect(
      provesNotApplied(previous),
      `${what}: ${request.method} sent again after ${JSON.stringify(previous).slice(0, 200)}`,
    ).toBe(true);
  });
  // A keyed write keeps its key on every attempt.
  const keys = new Set(sent.filter((r) => r.method !== 'GET').map((r) => r.idempotencyKey));
  expect(keys.size, `${what}: one idempotency key per call`).toBeLessThanOrEqual(1);
}

beforeAll(() => {
  vi.useFakeTimers();
});
afterAll(() => {
  vi.useRealTimers();
});

describe('hostile answers', () => {
  it('every public method has a sample call', () => {
    expect(METHODS.map((m) => m.path).filter((path) => !(path in SAMPLE_CALLS))).toEqual([]);
  });

  it('settle as data or a RuleseqError, within their bounds, without leaking the key or repeating a write', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...METHODS),
        boundsArb,
        fc.array(answerArb, { minLength: 1, maxLength: 3 }),
        check,
      ),
      { numRuns: 2_000 },
    );
  });
});
