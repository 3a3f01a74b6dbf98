import type { FakeApi } from '../fake-api.js';
import type { RateLimitBudget } from '../fixed-window.js';
import { handlePlatformRequest, PLATFORM_PREFIX } from './handle-request.js';
import type { PlatformFakeKey, PlatformFakeState } from './model.js';
import { settleDue } from './money.js';
import { initialState } from './seed.js';

export interface SequencePlatformFakeOptions {
  /**
   * The API keys the fake accepts (`Authorization: Bearer <key>`), each with its permissions as the document's
   * permissions table has them. Default: one key, `'sequence-sandbox-key'`, with every permission on everything.
   */
  keys?: PlatformFakeKey[];
  /**
   * Start with the demo organization (default true): the accounts, rules, executions and transfers of the
   * document's examples under their ids, an enabled MANUAL rule and a disabled one, and 24 older transfers.
   */
  seed?: boolean;
  /** The clock (epoch ms) for timestamps, visibility, settling, rate limits and the 24 h idempotency window. */
  now?: () => number;
  /** How long a just-created transfer or execution answers 404 (the document's eventual consistency). Default 200. */
  visibleAfterMs?: number;
  /** How long a new transfer stays `PROCESSING` before it settles. Default 1000. */
  settleAfterMs?: number;
  /** How long a keyed write is in flight before it is answered; a retry meanwhile gets 409. Default 0. */
  processingMs?: number;
  /** Requests per key and window before a 429 with `Retry-After`, or `false`. Default 100 per minute. */
  rateLimit?: RateLimitBudget | false;
}

const EVERYTHING: PlatformFakeKey['permissions'] = [
  { permission: 'READ_ACCOUNTS', resources: '*' },
  { permission: 'READ_RULES', resources: '*' },
  { permission: 'TRIGGER_RULES', resources: '*' },
  { permission: 'READ_TRANSFERS', resources: '*' },
  { permission: 'MANUAL_TRANSFER', resources: '*' },
  { permission: 'READ_AUDIT_LOGS', resources: '*' },
];

/** Deterministic UUIDs (version 4 layout): a fresh fake makes the same ids in the same order. */
function uuids(): () => string {
  let count = 0;
  return () => `00000000-0000-4000-8000-${(++count).toString(16).padStart(12, '0')}`;
}

/**
 * A stateful in-memory Sequence Platform API v1 (`/platform/v1`): the 14 operations, `{data, requestId}` envelopes,
 * `page`/`pageSize` pagination, permissions per key, idempotency-key replay for 24 hours (409 while the first
 * request is in flight, 400 for a key reused with another body), simulations that move no money, transfers that
 * settle, a 404 on a just-created transfer or execution for a moment, an audit log of every call, and the plain-text
 * 404 for methods a path does not have.
 *
 * @example
 * const fake = createSequencePlatformFake();
 * const platform = new SequencePlatformClient({ apiKey: fake.apiKey, fetch: fakeFetch(fake), rateLimit: false });
 */
export function createSequencePlatformFake(
  options: SequencePlatformFakeOptions = {},
): FakeApi<PlatformFakeState> {
  const newKeyId = uuids();
  const keys = (
    options.keys ?? [{ key: 'sequence-sandbox-key', name: 'Sandbox key', permissions: EVERYTHING }]
  ).map((key) => ({ ...key, id: newKeyId().replace('00000000', 'ffffffff') }));
  const now = options.now ?? Date.now;
  const rateLimit =
    options.rateLimit === false ? undefined : (options.rateLimit ?? { maxRequests: 100, intervalMs: 60_000 });
  let requests = 0;
  const fresh = () => ({ state: initialState(options.seed ?? true), windows: new Map(), newId: uuids() });
  let world = fresh();
  return {
    name: 'sequence-platform',
    apiKey: keys[0]!.key,
    pathPrefixes: [PLATFORM_PREFIX],
    // Reading the state settles what is due on the clock, so tests see what a GET would.
    get state() {
      settleDue(world.state, now());
      return world.state;
    },
    reset() {
      world = fresh();
    },
    fetch: (request) =>
      handlePlatformRequest(request, {
        ...world,
        keys,
        rateLimit,
        now,
        visibleAfterMs: options.visibleAfterMs ?? 200,
        settleAfterMs: options.settleAfterMs ?? 1000,
        processingMs: options.processingMs ?? 0,
        newRequestId: () => `req-${++requests}`,
      }),
  };
}
