import { abortableSleep } from '../../internal/sleep.js';
import type { Middleware } from '../kernel/fake-call.js';
import { openWindow, type RateLimitBudget, rateLimit } from '../kernel/middleware/rate-limit.js';
import { isObject } from '../kernel/parse-request.js';
import { invalid, platformError } from './fail.js';
import type { PlatformConfig, PlatformFakeState } from './model.js';
import { actionOf, keyOf, uuid } from './routes.js';

type Step = Middleware<PlatformFakeState>;

/** The document's budget per key, answered past it with the documented 429 and `Retry-After` (seconds). */
export const perKeyRateLimit = (config: PlatformConfig, budget: RateLimitBudget | false): Step =>
  rateLimit<PlatformFakeState>(
    budget,
    (call) => {
      const { rateLimits } = call.state;
      const { id } = keyOf(config, call);
      return rateLimits.get(id) ?? rateLimits.set(id, openWindow()).get(id)!;
    },
    {
      limited: ({ budget, retryAfterSeconds }) =>
        platformError(
          429,
          'RATE_LIMIT_EXCEEDED',
          `Rate limit exceeded. Maximum ${budget.maxRequests} requests per minute per token.`,
        ).withHeaders({ 'retry-after': retryAfterSeconds }),
    },
  );

/** An audit log entry for every call a key made: its path, action, request id and outcome. */
export const audit =
  (config: PlatformConfig): Step =>
  async (call, next) => {
    const answer = await next();
    const key = keyOf(config, call);
    const code = isObject(answer.body) && isObject(answer.body.error) ? answer.body.error.code : null;
    call.state.auditLogs.push({
      id: uuid(call.serial('id')),
      createdAt: new Date(call.now).toISOString(),
      apiKeyId: key.id,
      apiKeyName: key.name ?? 'Sandbox key',
      path: call.url.pathname,
      action: actionOf(call),
      requestId: call.requestId,
      outcome: answer.status < 400 ? 'SUCCESS' : 'FAILURE',
      errorCode: answer.status < 400 ? null : (code as string | null),
    });
    return answer;
  };

const KEY_FORMAT = /^[A-Za-z0-9._:/|-]{1,36}$/;

/**
 * A keyed write (inside the idempotency middleware): its `idempotency-key` must have the documented format; it
 * then stays in flight for `processingMs`, and a retry with the same key meanwhile meets the 409.
 */
export const keyedWrite =
  (processingMs: number): Step =>
  async (call, next) => {
    const key = call.method === 'POST' ? call.headers.get('idempotency-key') : null;
    if (key === null) return next();
    if (!KEY_FORMAT.test(key)) invalid('idempotency-key must be 1-36 of A-Za-z0-9._:/|-');
    if (processingMs > 0) await abortableSleep(processingMs);
    return next();
  };
