import type { FakeApi } from '../fake-api.js';
import { accountRoutes } from './account.js';
import { authenticate, notAuthorized } from './auth.js';
import { blockingRoutes } from './blocking.js';
import { deliverDueCampaigns } from './campaign-delivery.js';
import { campaignRoutes } from './campaigns.js';
import { customizationRoutes } from './customizations.js';
import { json, RuleFakeReply, ruleError, text } from './http.js';
import { journeyRoutes } from './journeys.js';
import { preferenceRoutes } from './preferences.js';
import { type RateLimitBudget, RULE_RATE_LIMIT, takeRequest } from './rate-limit.js';
import { parseRequest } from './request.js';
import { type FakeContext, matchRoute, type Route } from './router.js';
import { seedState } from './seed.js';
import { segmentRoutes } from './segments.js';
import { emptyState, type RuleFakeState } from './state.js';
import { subscriberTagRoutes } from './subscriber-tags.js';
import { subscriberRoutes } from './subscribers.js';
import { suppressionRoutes } from './suppressions.js';
import { tagRoutes } from './tags.js';
import { templateRoutes } from './templates.js';
import { transactionRoutes } from './transactions.js';

export interface RuleFakeOptions {
  /** The key the fake accepts. Default `'rule-sandbox-key'`. */
  apiKey?: string;
  /** Start with the demo account (tags, ~250 subscribers, templates, segments, …). Default true. */
  seed?: boolean;
  /** Requests allowed per window (default Rule's 2000 per 10 minutes), or `false` for no limit. */
  rateLimit?: RateLimitBudget | false;
  /** The clock (ms since the epoch), for timestamps, scheduled campaigns and the rate limit window. */
  now?: () => number;
}

const ROUTES: readonly Route[] = [
  ...subscriberTagRoutes,
  ...subscriberRoutes,
  ...tagRoutes,
  ...transactionRoutes,
  ...templateRoutes,
  ...segmentRoutes,
  ...customizationRoutes,
  ...suppressionRoutes,
  ...campaignRoutes,
  ...preferenceRoutes,
  ...journeyRoutes,
  ...accountRoutes,
  ...blockingRoutes,
];

const UNEXPECTED = 'An unexpected error occurred. Contact support if the error persists.';

/**
 * A stateful in-memory Rule.io API (v2, plus the v3 suppression and block endpoints) as a fetch handler. Answers
 * like Rule: the same paths, envelopes, error bodies, pagination links and rate-limit headers.
 */
export function createRuleFake(options: RuleFakeOptions = {}): FakeApi<RuleFakeState> {
  const apiKey = options.apiKey ?? 'rule-sandbox-key';
  const now = options.now ?? Date.now;
  const budget = options.rateLimit === undefined ? RULE_RATE_LIMIT : options.rateLimit;
  const initial = () => {
    const fresh = emptyState();
    if (options.seed !== false) seedState(fresh);
    return fresh;
  };
  const state = initial();
  const ctx: FakeContext = { state, now };

  async function answer(incoming: Request): Promise<Response> {
    state.requestCount++;
    const request = await parseRequest(incoming);
    const match = request.segments
      ? matchRoute(ROUTES, request.version ?? '', request.method, request.segments)
      : ({ kind: 'none' } as const);
    if (match.kind === 'none') return text('Not Found', 404);
    if (match.kind === 'wrong-method')
      return text('Method Not Allowed', 405, { allow: match.allowed.join(', ') });
    if (!authenticate(request, apiKey)) return notAuthorized();
    const headers: Record<string, string> = { date: new Date(now()).toUTCString() };
    if (budget) {
      const taken = takeRequest(state.rateLimit, budget, now());
      if ('limited' in taken) return taken.limited;
      Object.assign(headers, taken.headers);
    }
    const response = respond(() => {
      if (request.bodyIsInvalidJson)
        return ruleError(400, 'BadRequest', 'The request body is not valid JSON.');
      request.params = match.params;
      deliverDueCampaigns(state, now());
      return match.route.handler(request, ctx);
    });
    for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
    return response;
  }

  return {
    name: 'rule',
    apiKey,
    pathPrefixes: ['/api/v2', '/api/v3'],
    state,
    fetch: answer,
    reset() {
      Object.assign(state, initial());
    },
  };
}

/** A handler's result as a response: a `Response` as is, a thrown reply, a body as 200 JSON, or Rule's 500. */
function respond(run: () => unknown): Response {
  try {
    const result = run();
    return result instanceof Response ? result : json(result);
  } catch (error) {
    if (error instanceof RuleFakeReply) return error.response;
    return ruleError(500, 'UnexpectedError', UNEXPECTED);
  }
}
