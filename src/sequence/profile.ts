import { headerAuth } from '../internal/auth.js';
import type { VendorProfile } from '../internal/create-transport.js';
import { compileSchema } from '../zod/compile-schema.js';

export const SEQUENCE_BASE_URL = 'https://api.getsequence.io/api/v1';

/** `{error: {code, message}}`; tolerates a flat `{code, message}` and plain-text bodies (proxies, 404 routes). */
function readErrorBody(body: unknown) {
  if (typeof body !== 'object' || body === null) {
    return { message: typeof body === 'string' ? body.slice(0, 200) : undefined };
  }
  const nested = (body as { error?: unknown }).error;
  const source = (typeof nested === 'object' && nested !== null ? nested : body) as {
    code?: unknown;
    message?: unknown;
  };
  return {
    code: typeof source.code === 'string' ? source.code : undefined,
    message: typeof source.message === 'string' ? source.message : undefined,
  };
}

/** Every body carries `request_id`; the header echoes it too. */
function readRequestId(response: Response, body: unknown): string | undefined {
  const fromBody = (body as { request_id?: unknown } | null)?.request_id;
  return typeof fromBody === 'string' ? fromBody : (response.headers.get('x-request-id') ?? undefined);
}

export const sequenceProfile: VendorProfile = {
  name: 'Sequence',
  apiKeyEnv: 'SEQUENCE_API_KEY',
  baseUrlEnv: 'SEQUENCE_BASE_URL',
  defaultBaseUrl: SEQUENCE_BASE_URL,
  auth: headerAuth('ApiKey'),
  // Sequence's platform API documents 100 requests per minute per key.
  rateLimit: { maxRequests: 100, intervalMs: 60_000, maxConcurrent: 4 },
  // Every mutating call carries a key, made once per logical call and reused on each retry.
  idempotencyHeader: 'Idempotency-Key',
  requestIdHeader: 'X-Request-ID',
  readErrorBody,
  readRequestId,
  prepareSchema: compileSchema,
};
