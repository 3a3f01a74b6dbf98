import { countRequest, type RateLimitBudget, type RateLimitWindow } from '../fixed-window.js';
import { matchRoute } from '../sequence-fake/router.js';
import { fail, invalid, PlatformFakeError } from './fail.js';
import type { PlatformFakeKey, PlatformFakeState } from './model.js';
import { settleDue } from './money.js';
import { type PlatformRoute, platformRoutes } from './routes.js';

export const PLATFORM_PREFIX = '/platform/v1';

/** "Sequence remembers the result for 24 hours." */
const IDEMPOTENCY_WINDOW_MS = 24 * 60 * 60 * 1000;
const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:/|-]{1,36}$/;

type Key = PlatformFakeKey & { id: string };

/** What one request runs against: the fake's state, keys, clock, timings and id makers. */
export interface PlatformRuntime {
  state: PlatformFakeState;
  /** The fake's API keys, each with the id its audit log entries carry. */
  keys: readonly Key[];
  rateLimit: RateLimitBudget | undefined;
  /** One window per key: "the 100 req/min limit is per key". */
  windows: Map<string, RateLimitWindow>;
  now(): number;
  visibleAfterMs: number;
  settleAfterMs: number;
  /** How long a keyed write stays in flight before it is answered (a retry meanwhile gets 409). */
  processingMs: number;
  newId(): string;
  newRequestId(): string;
}

/** JSON with sorted keys: the same body with its keys in another order is the same request. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value !== 'object' || value === null) return JSON.stringify(value) ?? '';
  const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
}

async function readBody(request: Request): Promise<unknown> {
  const text = await request.text();
  try {
    return text.trim() === '' ? undefined : JSON.parse(text);
  } catch {
    return invalid('The request body is not valid JSON');
  }
}

/** `Authorization: Bearer <key>`, counted against that key's window. */
function authenticate(request: Request, rt: PlatformRuntime, now: number): Key {
  const token = request.headers.get('authorization')?.match(/^Bearer (.+)$/)?.[1];
  const key = rt.keys.find((k) => k.key === token) ?? fail(401, 'UNAUTHORIZED', 'Unauthorized');
  if (!rt.rateLimit) return key;
  const window = rt.windows.get(key.id) ?? { startedAt: Number.NEGATIVE_INFINITY, count: 0 };
  rt.windows.set(key.id, window);
  const { allowed, resetAt } = countRequest(window, rt.rateLimit, now);
  if (allowed) return key;
  const message = 'Rate limit exceeded. Maximum 100 requests per minute per token.';
  const retryAfter = String(Math.max(1, Math.ceil((resetAt - now) / 1000)));
  throw new PlatformFakeError(429, 'RATE_LIMIT_EXCEEDED', message, { 'retry-after': retryAfter });
}

/**
 * A keyed write's earlier answer to replay, or undefined when it is new (then it is marked in flight). The same key
 * for another body is 400 IDEMPOTENCY_KEY_MISMATCH; while the first is in flight, 409 `route.inProgress`.
 */
function recall(rt: PlatformRuntime, id: string, fingerprint: string, route: PlatformRoute, now: number) {
  const earlier = rt.state.idempotency.get(id);
  if (!earlier || earlier.expiresAtMs <= now) {
    rt.state.idempotency.set(id, { fingerprint, expiresAtMs: now + IDEMPOTENCY_WINDOW_MS });
    return undefined;
  }
  if (earlier.fingerprint !== fingerprint) {
    const message =
      'Idempotency-Key was already used with a different request body. Use a fresh key for new operations.';
    fail(400, 'IDEMPOTENCY_KEY_MISMATCH', message);
  }
  const what = route.inProgress === 'TRANSFER_IN_PROGRESS' ? 'A transfer' : 'A rule execution';
  return (
    earlier.answer ??
    fail(
      409,
      route.inProgress!,
      `${what} with the same idempotency key is already in progress. Retry shortly.`,
    )
  );
}

/** The route for a request below `/platform/v1`, if the API has that method on that path. */
function locate(url: URL, method: string) {
  const at = url.pathname.indexOf(PLATFORM_PREFIX);
  try {
    return at < 0
      ? undefined
      : matchRoute(platformRoutes, method, url.pathname.slice(at + PLATFORM_PREFIX.length));
  } catch {
    return undefined; // malformed percent-encoding
  }
}

/**
 * One request: route (a method a path does not have is a plain-text 404), `Bearer` auth, the per-key rate limit,
 * idempotency (replay for 24 h, 409 while in flight, 400 on a reused key), the route, the `{data, requestId}`
 * envelope, and an audit log entry.
 */
export async function handlePlatformRequest(request: Request, rt: PlatformRuntime): Promise<Response> {
  const url = new URL(request.url);
  const match = locate(url, request.method);
  if (!match) return new Response('Not Found', { status: 404, headers: { 'content-type': 'text/plain' } });
  const requestId = rt.newRequestId();
  const reply = (status: number, text: string, headers: Record<string, string> = {}) =>
    new Response(text, {
      status,
      headers: { 'content-type': 'application/json', 'x-request-id': requestId, ...headers },
    });
  const now = rt.now();
  let key: Key | undefined;
  let pending: string | undefined;
  const audit = (outcome: 'SUCCESS' | 'FAILURE', errorCode: string | null) => {
    const { id: apiKeyId, name: apiKeyName = 'Sandbox key' } = key ?? { id: undefined };
    if (apiKeyId === undefined) return;
    const entry = { id: rt.newId(), createdAt: new Date(now).toISOString(), apiKeyId, apiKeyName };
    rt.state.auditLogs.push({
      ...entry,
      path: url.pathname,
      action: match.route.action,
      requestId,
      outcome,
      errorCode,
    });
  };
  try {
    key = authenticate(request, rt, now);
    const body = match.route.method === 'GET' ? undefined : await readBody(request);
    settleDue(rt.state, now);
    const idempotencyKey = match.route.inProgress ? request.headers.get('idempotency-key') : null;
    if (idempotencyKey !== null) {
      if (!IDEMPOTENCY_KEY.test(idempotencyKey)) invalid('idempotency-key must be 1-36 of A-Za-z0-9._:/|-');
      const id = `${key.id} ${idempotencyKey}`;
      const earlier = recall(rt, id, `${url.pathname} ${canonical(body)}`, match.route, now);
      if (earlier) return reply(earlier.status, earlier.body);
      pending = id;
      if (rt.processingMs > 0) await new Promise((resolve) => setTimeout(resolve, rt.processingMs));
    }
    const { status, data } = match.route.handle({
      ...rt,
      now: rt.now(),
      key,
      ...match,
      query: url.searchParams,
      body,
    });
    const text = JSON.stringify({ data, requestId });
    const record = pending === undefined ? undefined : rt.state.idempotency.get(pending);
    if (record) record.answer = { status, body: text };
    audit('SUCCESS', null);
    return reply(status, text);
  } catch (error) {
    // A failed keyed write is forgotten: the same key may try again.
    if (pending !== undefined) rt.state.idempotency.delete(pending);
    const known = error instanceof PlatformFakeError ? error : undefined;
    const code = known?.code ?? 'UNEXPECTED_ERROR';
    audit('FAILURE', code);
    const message = known?.message ?? `The fake failed: ${String(error)}`;
    return reply(known?.status ?? 500, JSON.stringify({ error: { code, message } }), known?.headers);
  }
}
