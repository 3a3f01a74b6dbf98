import type { FakeApi, FakeOptions } from '../fake-api.js';
import { createFake } from '../kernel/create-fake.js';
import type { FakeDialect } from '../kernel/fake-call.js';
import { auth, requireBody, requireRoute } from '../kernel/middleware/guards.js';
import { envelope, requestId } from '../kernel/middleware/headers.js';
import { idempotency } from '../kernel/middleware/idempotency.js';
import { type RateLimitBudget, rateLimit } from '../kernel/middleware/rate-limit.js';
import { newId, sequenceError } from './call.js';
import type { SequenceFakeState } from './model.js';
import { settleDue } from './money.js';
import { sequenceRoutes } from './routes.js';
import { initialState } from './seed.js';

/** Sequence documents 100 requests per minute per key. */
const SEQUENCE_RATE_LIMIT: RateLimitBudget = { maxRequests: 100, intervalMs: 60_000 };

/** Options of the Sequence fake: the key is `Authorization: ApiKey <key>`, default `'sequence-sandbox-key'`. */
export interface SequenceFakeOptions extends FakeOptions {
  /**
   * Start with the demo organization (default true): an income source, two pods, an Amex liability, three rules
   * (`rule_demo_manual` is an enabled MANUAL rule), executions, transfers and a card with 25 transactions.
   */
  seed?: boolean;
  /** How long a transfer (and the execution that made it) stays `processing` before it settles. Default 0. */
  settleAfterMs?: number;
  /**
   * Requests allowed per window before a 429 `rate_limit_exceeded` with `Retry-After` (seconds), or `false`.
   * Default 100 per minute, the budget Sequence documents for its API.
   */
  rateLimit?: RateLimitBudget | false;
}

const dialect: FakeDialect = {
  unauthorized: () => sequenceError(401, 'unauthorized', 'Missing or invalid API key.'),
  notFound: ({ method, url }) =>
    sequenceError(404, 'resource_not_found', `No operation ${method} ${url.pathname}.`),
  invalidBody: (message) => sequenceError(400, 'invalid_parameters', `${message}.`),
  tooLarge: (max) => sequenceError(413, 'payload_too_large', `The request body is larger than ${max} bytes.`),
  failure: (status, detail) => sequenceError(status, 'unexpected_error', detail),
};

/**
 * A stateful in-memory Sequence API v1 (`/api/v1`): the 18 operations, `{request_id, data}` envelopes with
 * `X-Request-ID` echoed, cursor pagination, `Idempotency-Key` replay for 24 hours, rules created disabled,
 * soft-deleted rules, transfers that settle, and the documented rate limit.
 *
 * @example
 * const fake = createSequenceFake();
 * const seq = new SequenceClient({ apiKey: fake.apiKey, fetch: fakeFetch(fake), rateLimit: false });
 */
export function createSequenceFake(options: SequenceFakeOptions = {}): FakeApi<SequenceFakeState> {
  const apiKey = options.apiKey ?? 'sequence-sandbox-key';
  const budget = options.rateLimit ?? SEQUENCE_RATE_LIMIT;
  return createFake(
    {
      name: 'sequence',
      apiKey,
      prefixes: ['/api/v1'],
      initialState: () => initialState(options.seed ?? true),
      routes: sequenceRoutes(options.settleAfterMs ?? 0),
      middleware: [
        requestId('x-request-id', (call) => newId(call, 'req', '01HR', 'request')),
        auth([apiKey], { scheme: 'ApiKey' }, dialect),
        rateLimit(budget, ({ state }) => state.rateLimit, {
          limited: ({ budget, retryAfterSeconds }) =>
            sequenceError(
              429,
              'rate_limit_exceeded',
              `More than ${budget.maxRequests} requests in ${budget.intervalMs / 1000} s.`,
            ).withHeaders({ 'retry-after': retryAfterSeconds }),
        }),
        requireRoute(dialect),
        requireBody(dialect),
        idempotency({
          store: (state) => state.idempotency,
          mismatch: () =>
            sequenceError(
              400,
              'idempotency_key_mismatch',
              'This Idempotency-Key was already used with a different request body.',
            ),
        }),
        // Successes go out as `{request_id, data, page_info?}`; handlers answer `{data, page_info?}`.
        envelope((body, call) => ({ request_id: call.requestId, ...(body as object) })),
      ],
      dialect,
      advance: settleDue,
    },
    options,
  );
}
