import { headerAuth } from '../internal/auth.js';
import type { VendorProfile } from '../internal/create-transport.js';
import { jsonText } from '../internal/json-text.js';
import { compileSchema } from '../zod/compile-schema.js';

export const ICLOUDREADY_BASE_URL = 'https://api.icloud-ready.com/api/v2';

/** The readable part of a text body: an HTML page (a proxy's error page) gives its `<title>`, plain text itself. */
function textMessage(text: string): string | undefined {
  const trimmed = text.trim();
  if (!trimmed.startsWith('<')) return trimmed.slice(0, 200) || undefined;
  return /<title[^>]*>([^<]*)<\/title>/i.exec(trimmed)?.[1]?.trim() || undefined;
}

/**
 * iCloudReady documents no error body, so the common shapes are read: `{message}` (a string or a list of
 * strings), `{error: "…"}`, `{error: {code, message}}`, `{errors: …}`, a string `code` beside any of them, and
 * plain-text or HTML bodies. Without a code the error's code is `http_<status>`.
 */
function readErrorBody(body: unknown): ReturnType<VendorProfile['readErrorBody']> {
  if (typeof body === 'string') return { message: textMessage(body) };
  if (typeof body !== 'object' || body === null) return {};
  const { error, message, code, errors } = body as Record<string, unknown>;
  if (typeof error === 'object' && error !== null && !Array.isArray(error)) return readErrorBody(error);
  return {
    code: typeof code === 'string' ? code : undefined,
    message: detailText(message ?? error ?? errors),
  };
}

/** An error detail as one line: a string as is, a list of strings joined, anything else as (short) JSON. */
function detailText(detail: unknown): string | undefined {
  if (detail === undefined || detail === null || typeof detail === 'string') return detail ?? undefined;
  if (Array.isArray(detail) && detail.every((d) => typeof d === 'string')) return detail.join('; ');
  return jsonText(detail)?.slice(0, 200);
}

/**
 * iCloudReady documents no rate limit. Ten requests a second with four in flight keeps a bulk job polite; pass
 * `rateLimit` to the client to change it.
 */
const politeBudget = { maxRequests: 600, intervalMs: 60_000, maxConcurrent: 4 };

/** No idempotency header is documented, so POSTs are retried only when a failure proves nothing was processed. */
export const icloudReadyProfile: VendorProfile = {
  name: 'iCloudReady',
  defaultBaseUrl: ICLOUDREADY_BASE_URL,
  auth: headerAuth('Bearer'),
  apiKeyEnv: 'ICLOUDREADY_API_KEY',
  baseUrlEnv: 'ICLOUDREADY_BASE_URL',
  rateLimit: politeBudget,
  readErrorBody,
  prepareSchema: compileSchema,
};
