import type { FakeApi } from '../fake-api.js';
import type { RateLimitBudget } from '../fixed-window.js';
import { handleSequenceRequest, SEQUENCE_PREFIX } from './handle-request.js';
import { idMaker } from './ids.js';
import type { SequenceFakeState } from './model.js';
import { initialState } from './seed.js';
import { settleDue } from './settle.js';

/** Sequence documents 100 requests per minute per key. */
const SEQUENCE_RATE_LIMIT: RateLimitBudget = { maxRequests: 100, intervalMs: 60_000 };

export interface SequenceFakeOptions {
  /** The key accepted in `Authorization: ApiKey <key>`. Default `'sequence-sandbox-key'`. */
  apiKey?: string;
  /**
   * Start with the demo organization (default true): an income source, two pods, an Amex liability, three rules
   * (`rule_demo_manual` is an enabled MANUAL rule), executions, transfers and a card with 25 transactions.
   */
  seed?: boolean;
  /** The clock (epoch ms) for timestamps, settling and the 24-hour idempotency window. Default `Date.now`. */
  now?: () => number;
  /** How long a transfer (and the execution that made it) stays `processing` before it settles. Default 0. */
  settleAfterMs?: number;
  /**
   * Requests allowed per window before a 429 `rate_limit_exceeded` with `Retry-After` (seconds), or `false`.
   * Default 100 per minute, the budget Sequence documents for its API.
   */
  rateLimit?: RateLimitBudget | false;
}

/**
 * A stateful in-memory Sequence API v1 (`/api/v1`): the 18 operations, `{request_id, data}` envelopes, cursor
 * pagination, `Idempotency-Key` replay, rules created disabled, soft-deleted rules, and transfers that settle.
 *
 * @example
 * const fake = createSequenceFake();
 * const seq = new SequenceClient({ apiKey: fake.apiKey, fetch: fakeFetch(fake), rateLimit: false });
 */
export function createSequenceFake(options: SequenceFakeOptions = {}): FakeApi<SequenceFakeState> {
  const apiKey = options.apiKey ?? 'sequence-sandbox-key';
  const now = options.now ?? Date.now;
  const rateLimit = options.rateLimit === false ? undefined : (options.rateLimit ?? SEQUENCE_RATE_LIMIT);
  const fresh = () => ({
    state: initialState(options.seed ?? true),
    window: { startedAt: Number.NEGATIVE_INFINITY, count: 0 },
    newId: idMaker('01HF'),
    newRequestId: () => newRequestId('req'),
  });
  const newRequestId = idMaker('01HR');
  let world = fresh();
  return {
    name: 'sequence',
    apiKey,
    pathPrefixes: [SEQUENCE_PREFIX],
    // Reading the state first settles what is due on the clock, so tests see what a GET would.
    get state() {
      settleDue(world.state, now());
      return world.state;
    },
    reset() {
      world = fresh();
    },
    fetch: (request) =>
      handleSequenceRequest(request, {
        ...world,
        apiKey,
        now,
        rateLimit,
        settleAfterMs: options.settleAfterMs ?? 0,
      }),
  };
}
