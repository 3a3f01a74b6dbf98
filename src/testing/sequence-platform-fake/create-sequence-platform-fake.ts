import type { FakeApi, FakeOptions } from '../fake-api.js';
import { createFake } from '../kernel/create-fake.js';
import type { FakeDialect } from '../kernel/fake-call.js';
import { auth, requireBody, requireRoute } from '../kernel/middleware/guards.js';
import { envelope, requestId } from '../kernel/middleware/headers.js';
import { idempotency } from '../kernel/middleware/idempotency.js';
import type { RateLimitBudget } from '../kernel/middleware/rate-limit.js';
import { text } from '../kernel/reply.js';
import { platformError } from './fail.js';
import { audit, keyedWrite, perKeyRateLimit } from './middleware.js';
import type { PlatformFakeKey, PlatformFakePermission, PlatformFakeState } from './model.js';
import { settleDue } from './money.js';
import { platformRoutes, uuid } from './routes.js';
import { initialState } from './seed.js';

export interface SequencePlatformFakeOptions extends FakeOptions {
  /**
   * The API keys the fake accepts (`Authorization: Bearer <key>`), each with its permissions as the document's
   * permissions table has them. Default: one key, `apiKey` (default `'sequence-sandbox-key'`), with every
   * permission on everything.
   */
  keys?: PlatformFakeKey[];
  /**
   * Start with the demo organization (default true): the accounts, rules, executions and transfers of the
   * document's examples under their ids, an enabled MANUAL rule and a disabled one, and 24 older transfers.
   */
  seed?: boolean;
  /** How long a just-created transfer or execution answers 404 (the document's eventual consistency). Default 200. */
  visibleAfterMs?: number;
  /** How long a new transfer stays `PROCESSING` before it settles. Default 1000. */
  settleAfterMs?: number;
  /** How long a keyed write is in flight before it is answered; a retry meanwhile gets 409. Default 0. */
  processingMs?: number;
  /** Requests per key and window before a 429 with `Retry-After`, or `false`. Default 100 per minute. */
  rateLimit?: RateLimitBudget | false;
}

const EVERYTHING = (
  [
    'READ_ACCOUNTS',
    'READ_RULES',
    'TRIGGER_RULES',
    'READ_TRANSFERS',
    'MANUAL_TRANSFER',
    'READ_AUDIT_LOGS',
  ] as const
).map((permission): PlatformFakePermission => ({ permission, resources: '*' }));

const dialect: FakeDialect = {
  unauthorized: () => platformError(401, 'UNAUTHORIZED', 'Unauthorized'),
  // "HTTP methods not listed for a given path also return 404 Not Found, but with a plain-text body."
  notFound: () => text(404, 'Not Found'),
  invalidBody: (message) => platformError(400, 'INVALID_PARAMETERS', message),
  tooLarge: (max) => platformError(413, 'INVALID_PARAMETERS', `The request body is larger than ${max} bytes`),
  failure: (status, detail) => platformError(status, 'UNEXPECTED_ERROR', detail),
};

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
  const keys = (
    options.keys ?? [
      { key: options.apiKey ?? 'sequence-sandbox-key', name: 'Sandbox key', permissions: EVERYTHING },
    ]
  ).map((key, index) => ({ ...key, id: uuid(index + 1, 'ffffffff') }));
  const config = {
    keys,
    visibleAfterMs: options.visibleAfterMs ?? 200,
    settleAfterMs: options.settleAfterMs ?? 1000,
  };
  return createFake(
    {
      name: 'sequence-platform',
      apiKey: keys[0]!.key,
      prefixes: ['/platform/v1'],
      initialState: () => initialState(options.seed ?? true),
      routes: platformRoutes(config),
      middleware: [
        requireRoute(dialect),
        requestId('x-request-id', (call) => `req-${call.serial('request')}`),
        auth(
          keys.map((k) => k.key),
          { scheme: 'Bearer' },
          dialect,
        ),
        audit(config),
        perKeyRateLimit(config, options.rateLimit ?? { maxRequests: 100, intervalMs: 60_000 }),
        requireBody(dialect),
        idempotency({
          store: (state) => state.idempotency,
          mismatch: () =>
            platformError(
              400,
              'IDEMPOTENCY_KEY_MISMATCH',
              'Idempotency-Key was already used with a different request body. Use a fresh key for new operations.',
            ),
          inFlight: (call) => {
            const [code, what] = call.url.pathname.endsWith('/trigger')
              ? ['RULE_EXECUTION_IN_PROGRESS', 'A rule execution']
              : ['TRANSFER_IN_PROGRESS', 'A transfer'];
            const message = `${what} with the same idempotency key is already in progress. Retry shortly.`;
            return platformError(409, code, message);
          },
        }),
        keyedWrite(options.processingMs ?? 0),
        // Successes go out as `{data, requestId}`; handlers answer the `data`.
        envelope((data, call) => ({ data, requestId: call.requestId })),
      ],
      dialect,
      advance: settleDue,
    },
    options,
  );
}
