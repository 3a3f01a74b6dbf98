import type { ApiError } from '../core/errors/api-error.js';
import { headerAuth } from '../internal/auth.js';
import type { VendorProfile } from '../internal/create-transport.js';
import { compileSchema } from '../zod/compile-schema.js';

export const SEQUENCE_PLATFORM_BASE_URL = 'https://api.getsequence.io/platform/v1';

/** The 409s Sequence documents as "still in flight, retry shortly" (with the same idempotency key). */
const IN_PROGRESS = new Set(['TRANSFER_IN_PROGRESS', 'RULE_EXECUTION_IN_PROGRESS']);

/**
 * `{error: {code, message}}`. A method a path does not have is a 404 with a plain-text body and no code, which the
 * message says; any other text (a proxy's page) becomes the message as it is.
 */
function readErrorBody(body: unknown, status: number) {
  if (typeof body !== 'object' || body === null) {
    const text = typeof body === 'string' ? body.trim().slice(0, 200) : undefined;
    if (status !== 404) return { message: text };
    return { message: `${text || 'Not Found'} (plain text: Sequence has no such method on this path)` };
  }
  const error = (body as { error?: { code?: unknown; message?: unknown } }).error;
  return {
    code: typeof error?.code === 'string' ? error.code : undefined,
    message: typeof error?.message === 'string' ? error.message : undefined,
  };
}

/** Every answer's `requestId` (the gateway's handle for it), else an `x-request-id` header. */
function readRequestId(response: Response, body: unknown): string | undefined {
  const fromBody = (body as { requestId?: unknown } | null)?.requestId;
  return typeof fromBody === 'string' ? fromBody : (response.headers.get('x-request-id') ?? undefined);
}

export const sequencePlatformProfile: VendorProfile = {
  name: 'Sequence Platform',
  apiKeyEnv: 'SEQUENCE_API_KEY',
  defaultBaseUrl: SEQUENCE_PLATFORM_BASE_URL,
  baseUrlEnv: 'SEQUENCE_PLATFORM_BASE_URL',
  auth: headerAuth('Bearer'),
  // "The 100 req/min limit is per key."
  rateLimit: { maxRequests: 100, intervalMs: 60_000, maxConcurrent: 4 },
  // Both POSTs take one; the transport makes it once per call and sends it unchanged on every retry.
  idempotencyHeader: 'idempotency-key',
  readErrorBody,
  readRequestId,
  isTransient: (error: ApiError) => error.status === 409 && IN_PROGRESS.has(error.code),
  prepareSchema: compileSchema,
};
