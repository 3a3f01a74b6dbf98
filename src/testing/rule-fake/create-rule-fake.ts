import type { FakeApi, FakeOptions } from '../fake-api.js';
import { createFake } from '../kernel/create-fake.js';
import type { FakeDialect } from '../kernel/fake-call.js';
import { auth, requireRoute } from '../kernel/middleware/guards.js';
import { documentedHeaders } from '../kernel/middleware/headers.js';
import {
  type RateLimitAnswers,
  type RateLimitBudget,
  rateLimit,
  type WindowReport,
} from '../kernel/middleware/rate-limit.js';
import { text } from '../kernel/reply.js';
import { accountRoutes } from './account.js';
import { ruleError } from './call.js';
import { campaignRoutes, deliverDueCampaigns } from './campaigns.js';
import { customizationRoutes } from './customizations.js';
import { preferenceRoutes } from './preferences.js';
import { initialState } from './seed.js';
import { type RuleFakeState, ruleTime } from './state.js';
import { subscriberRoutes } from './subscribers.js';
import { suppressionRoutes } from './suppressions.js';
import { tagRoutes } from './tags.js';
import { transactionRoutes } from './transactions.js';

/** Options of the Rule fake; its key, default `'rule-sandbox-key'`, goes as Bearer header, `apikey` query or field. */
export interface RuleFakeOptions extends FakeOptions {
  /** Start with the demo account (tags, ~250 subscribers, templates, segments, …). Default true. */
  seed?: boolean;
  /** Requests allowed per window (default Rule's 2000 per 10 minutes), or `false` for no limit. */
  rateLimit?: RateLimitBudget | false;
}

/** Rule's documented example budget: 2000 requests per 10 minutes. */
const RULE_RATE_LIMIT: RateLimitBudget = { maxRequests: 2000, intervalMs: 600_000 };

/** Rule also blocks keys whose answers are more than 49 % errors; the fake reports the share, it does not block. */
const errorPercent = ({ window }: WindowReport) => ({
  'x-errorpercent-limit': '49',
  'x-errorpercent-current': String(window.count === 0 ? 0 : Math.round((100 * window.errors) / window.count)),
});

/**
 * Rule's headers (rule.md §4.2): `RequestsCount-Allowed` and `RequestsCount-Current` (used, not remaining) on every
 * answer within budget; past it, the plain-text 429 with `X-RateLimit-Limit`, `X-RateLimit-Remaining: 0` and
 * `Retry-After` as a zone-less Stockholm time (both with `X-ErrorPercent-*`).
 */
const ruleRateLimit: RateLimitAnswers = {
  limited: (report) =>
    text(429, 'Too Many Attempts.', {
      // Whole seconds, rounded up, so a client that waits until then is inside the next window.
      'retry-after': ruleTime(Math.ceil(report.resetAt / 1000) * 1000),
      'x-ratelimit-limit': String(report.budget.maxRequests),
      'x-ratelimit-remaining': '0',
      ...errorPercent(report),
    }),
  counted: (report) => ({
    'requestscount-allowed': String(report.budget.maxRequests),
    'requestscount-current': String(report.window.count),
    ...errorPercent(report),
  }),
};

const ROUTES = [
  ...subscriberRoutes,
  ...tagRoutes,
  ...transactionRoutes,
  ...customizationRoutes,
  ...suppressionRoutes,
  ...campaignRoutes,
  ...preferenceRoutes,
  ...accountRoutes,
];

const dialect: FakeDialect = {
  unauthorized: () => ruleError(401, 'NotAuthorized'),
  notFound: ({ allowed }) =>
    allowed.length > 0
      ? text(405, 'Method Not Allowed', { allow: allowed.join(', ') })
      : text(404, 'Not Found'),
  invalidBody: () => ruleError(400, 'BadRequest', 'The request body is not valid JSON.'),
  tooLarge: (max) => ruleError(413, 'RequestEntityTooLarge', `Max ${max} bytes per request allowed.`),
  failure: (status) =>
    ruleError(
      status,
      'UnexpectedError',
      'An unexpected error occurred. Contact support if the error persists.',
    ),
};

/**
 * A stateful in-memory Rule.io API (v2, plus the v3 suppression and block endpoints) as a fetch handler. Answers
 * like Rule: the same paths, envelopes, error bodies, pagination links and rate-limit headers.
 */
export function createRuleFake(options: RuleFakeOptions = {}): FakeApi<RuleFakeState> {
  const apiKey = options.apiKey ?? 'rule-sandbox-key';
  return createFake(
    {
      name: 'rule',
      apiKey,
      prefixes: ['/api/v2', '/api/v3'],
      initialState: () => initialState(options.seed ?? true),
      routes: ROUTES,
      middleware: [
        documentedHeaders((call) => ({ date: new Date(call.now).toUTCString() })),
        (call, next) => {
          call.state.requestCount++;
          return next();
        },
        requireRoute(dialect),
        auth([apiKey], { scheme: 'Bearer', query: 'apikey', field: 'apikey' }, dialect),
        rateLimit(options.rateLimit ?? RULE_RATE_LIMIT, ({ state }) => state.rateLimit, ruleRateLimit),
      ],
      dialect,
      advance: deliverDueCampaigns,
    },
    options,
  );
}
