import { countRequest, type RateLimitBudget, type RateLimitWindow } from '../fixed-window.js';
import { invalid, SequenceFakeError } from './fail.js';
import { fingerprint, recall, remember } from './idempotency.js';
import type { SequenceFakeState } from './model.js';
import { matchRoute } from './router.js';
import { sequenceRoutes } from './routes/index.js';
import { settleDue } from './settle.js';

export const SEQUENCE_PREFIX = '/api/v1';

/** What one request runs against: the fake's current state, clock and id makers. */
export interface SequenceRuntime {
  apiKey: string;
  /** Requests per window, or undefined for no limit. */
  rateLimit: RateLimitBudget | undefined;
  window: RateLimitWindow;
  state: SequenceFakeState;
  now(): number;
  settleAfterMs: number;
  newId(prefix: string): string;
  newRequestId(): string;
}

async function readBody(request: Request): Promise<unknown> {
  const text = await request.text();
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return invalid('The request body is not valid JSON.');
  }
}

/** The route a request asks for (below `/api/v1`), else a 404. */
function locate(request: Request) {
  const url = new URL(request.url);
  const at = url.pathname.indexOf(SEQUENCE_PREFIX);
  const path = url.pathname.slice(at + SEQUENCE_PREFIX.length);
  const match = at < 0 ? undefined : matchRoute(sequenceRoutes, request.method, path);
  if (!match) {
    const message = `No operation ${request.method} ${url.pathname}.`;
    throw new SequenceFakeError(404, 'resource_not_found', message);
  }
  return { ...match, path, query: url.searchParams };
}

/**
 * One request: auth, route, body, `Idempotency-Key` replay (24 h, mutating calls, successes only), the handler,
 * and the `{request_id, data}` envelope with `X-Request-ID` echoed.
 */
export async function handleSequenceRequest(request: Request, rt: SequenceRuntime): Promise<Response> {
  const sentRequestId = request.headers.get('x-request-id');
  const requestId = sentRequestId || rt.newRequestId();
  const respond = (status: number, body: string | null, extra: Record<string, string> = {}) => {
    const headers: Record<string, string> = { 'x-request-id': requestId, ...extra };
    if (body !== null) headers['content-type'] = 'application/json';
    return new Response(body, { status, headers });
  };
  try {
    if (request.headers.get('authorization') !== `ApiKey ${rt.apiKey}`) {
      throw new SequenceFakeError(401, 'unauthorized', 'Missing or invalid API key.');
    }
    if (rt.rateLimit) {
      const { allowed, resetAt } = countRequest(rt.window, rt.rateLimit, rt.now());
      if (!allowed) {
        const retryAfter = String(Math.max(1, Math.ceil((resetAt - rt.now()) / 1000)));
        const message = `More than ${rt.rateLimit.maxRequests} requests in ${rt.rateLimit.intervalMs / 1000} s.`;
        return respond(429, JSON.stringify({ error: { code: 'rate_limit_exceeded', message } }), {
          'retry-after': retryAfter,
        });
      }
    }
    const { route, params, path, query } = locate(request);
    const body = request.method === 'GET' ? undefined : await readBody(request);
    const now = rt.now();
    settleDue(rt.state, now);

    const key = request.method === 'GET' ? null : request.headers.get('idempotency-key');
    const print = fingerprint(request.method, path, body);
    const earlier = key ? recall(rt.state, key, print, now) : undefined;
    if (earlier) {
      const replayed = { 'x-request-id': sentRequestId || earlier.request_id, 'idempotent-replayed': 'true' };
      return respond(earlier.status, earlier.body, replayed);
    }

    const reply = route.handle({ ...rt, now, params, query, body });
    const { data, page_info } = reply;
    const text = reply.status === 204 ? null : JSON.stringify({ request_id: requestId, data, page_info });
    const answer = { fingerprint: print, status: reply.status, body: text, request_id: requestId };
    if (key) remember(rt.state, key, answer, now);
    return respond(reply.status, text);
  } catch (error) {
    const known = error instanceof SequenceFakeError;
    const status = known ? error.status : 500;
    const code = known ? error.code : 'unexpected_error';
    const message = known ? error.message : `The fake failed: ${String(error)}`;
    return respond(status, JSON.stringify({ error: { code, message } }));
  }
}
