import type { FakeCall, Middleware } from '../fake-call.js';
import { type FakeReply, reply } from '../reply.js';

/** A successful mutating request, remembered under its idempotency key. */
export interface IdempotencyRecord {
  /** Method, path and canonical body of the first request. */
  fingerprint: string;
  status: number;
  /** The JSON body sent, or null for an empty answer. */
  body: string | null;
  request_id: string;
  expires_at_ms: number;
}

export interface IdempotencyOptions<S> {
  /** The request header carrying the key (default `idempotency-key`), and how long a key is remembered (24 h). */
  header?: string;
  windowMs?: number;
  store(state: S): Map<string, IdempotencyRecord>;
  /** The answer to a key reused for another request. */
  mismatch(): FakeReply;
  /** The answer to a key whose first request is still being processed (Sequence Platform's 409); default: none. */
  inFlight?(call: FakeCall<S>): FakeReply;
}

/** Per store, the keys whose first request is still being processed, with its fingerprint. */
const processing = new WeakMap<Map<string, IdempotencyRecord>, Map<string, string>>();

/** JSON with sorted keys, so the same body sent with its keys in another order is still the same request. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value !== 'object' || value === null) return JSON.stringify(value) ?? '';
  const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
}

/**
 * Replays the first answer to a mutating request sent again with the same key within the window, marked
 * `Idempotent-Replayed: true`, without running it again. Only successes are remembered. With `inFlight`, a request
 * whose key's first request is still running gets that answer instead of running too.
 */
export const idempotency =
  <S>({
    header = 'idempotency-key',
    windowMs = 24 * 60 * 60 * 1000,
    store,
    mismatch,
    inFlight,
  }: IdempotencyOptions<S>): Middleware<S> =>
  async (call, next) => {
    const key = call.method === 'GET' ? null : call.headers.get(header);
    if (!key) return next();
    const records = store(call.state);
    const fingerprint = `${call.method} ${call.url.pathname} ${canonical(call.body)}`;
    const earlier = records.get(key);
    if (earlier && earlier.expires_at_ms > call.now) {
      if (earlier.fingerprint !== fingerprint) return mismatch();
      if (!call.requestIdSent) call.requestId = earlier.request_id;
      const type: Record<string, string> =
        earlier.body === null ? {} : { 'content-type': 'application/json' };
      return reply(earlier.status, earlier.body ?? undefined, { ...type, 'idempotent-replayed': 'true' });
    }
    records.delete(key);
    const running = processing.get(records) ?? new Map<string, string>();
    processing.set(records, running);
    const first = running.get(key);
    if (inFlight && first !== undefined) return first === fingerprint ? inFlight(call) : mismatch();
    if (inFlight) running.set(key, fingerprint);
    const answer = await next().finally(() => running.delete(key));
    if (answer.status < 400) {
      const { status } = answer;
      records.set(key, {
        fingerprint,
        status,
        body: answer.text(),
        request_id: call.requestId,
        expires_at_ms: call.now + windowMs,
      });
    }
    return answer;
  };
