import { type AuthStrategy, bodyAuth, headerAuth, queryAuth } from '../internal/auth.js';
import type { VendorProfile } from '../internal/create-transport.js';
import { jsonText } from '../internal/json-text.js';
import { compileSchema } from '../zod/compile-schema.js';
import { parseRuleDateTime } from './datetime.js';

/** How the key reaches Rule: `Authorization: Bearer` (default), `?apikey=`, or an `apikey` JSON body field. */
export type RuleAuthMode = 'header' | 'query' | 'body';

const authStrategies: Record<RuleAuthMode, AuthStrategy> = {
  header: headerAuth('Bearer'),
  query: queryAuth('apikey'),
  body: bodyAuth('apikey', 'apikey'),
};

/**
 * v2 errors are `{error, message}` with `message` a string, a field map or an array of field maps; v3 validation
 * errors are `{errors: {field: …}}`; a 429 is plain text.
 */
function readErrorBody(body: unknown, status: number) {
  if (status === 429)
    return { code: 'TooManyAttempts', message: typeof body === 'string' ? body : undefined };
  if (typeof body !== 'object' || body === null) {
    return { message: typeof body === 'string' ? body.slice(0, 200) : undefined };
  }
  const { error, message, errors } = body as { error?: unknown; message?: unknown; errors?: unknown };
  const detail = message ?? errors;
  return {
    code: typeof error === 'string' ? error : errors !== undefined ? 'ValidationError' : undefined,
    message: typeof detail === 'string' ? detail : detail === undefined ? undefined : jsonText(detail),
  };
}

export const RULE_V2_BASE_URL = 'https://app.rule.io/api/v2';

export function ruleProfile(auth: RuleAuthMode, baseUrl: string): VendorProfile {
  return {
    name: 'Rule',
    apiKeyEnv: 'RULE_API_KEY',
    baseUrlEnv: 'RULE_BASE_URL',
    defaultBaseUrl: baseUrl,
    auth: authStrategies[auth],
    // Rule's example budget; four in flight as Rule's own TypeScript client does.
    rateLimit: { maxRequests: 2000, intervalMs: 600_000, maxConcurrent: 4 },
    readErrorBody,
    noIdempotencyKey:
      'Rule takes no idempotency key: its writes are never retried after an ambiguous failure (a timeout, a ' +
      'dropped connection), so none is sent twice. Leave idempotencyKey out.',
    // A 429's Retry-After is a zone-less Stockholm timestamp.
    readLocalTime: parseRuleDateTime,
    prepareSchema: compileSchema,
  };
}
