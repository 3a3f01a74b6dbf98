import type { FakeApi, FakeOptions } from '../fake-api.js';
import { createFake } from '../kernel/create-fake.js';
import type { FakeDialect } from '../kernel/fake-call.js';
import { auth, requireRoute } from '../kernel/middleware/guards.js';
import { documentedHeaders } from '../kernel/middleware/headers.js';
import { type RateLimitBudget, rateLimit } from '../kernel/middleware/rate-limit.js';
import { text } from '../kernel/reply.js';
import { accountRoutes } from './account.js';
import { blockingRoutes } from './blocking.js';
import { deliverDueCampaigns } from './campaign-delivery.js';
import { campaignRoutes } from './campaigns.js';
import { customizationRoutes } from './customizations.js';
import { preferenceRoutes } from './preferences.js';
import { RULE_RATE_LIMIT, ruleRateLimit } from './rate-limit.js';
import { ruleError } from './replies.js';
import { seedState } from './seed.js';
import { emptyState, type RuleFakeState } from './state.js';
import { subscriberTagRoutes } from './subscriber-tags.js';
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

const ROUTES = [
  ...subscriberTagRoutes,
  ...subscriberRoutes,
  ...tagRoutes,
  ...transactionRoutes,
  ...customizationRoutes,
  ...suppressionRoutes,
  ...campaignRoutes,
  ...preferenceRoutes,
  ...accountRoutes,
  ...blockingRoutes,
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
      initialState: () => (options.seed === false ? emptyState() : seedState(emptyState())),
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
