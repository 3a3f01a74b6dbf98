import { SequenceFakeError } from './fail.js';
import type { IdempotencyRecord, SequenceFakeState } from './model.js';

/** How long a key is remembered. */
export const IDEMPOTENCY_WINDOW_MS = 24 * 60 * 60 * 1000;

/** JSON with sorted keys, so the same body sent with its keys in another order is still the same request. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? '';
}

export function fingerprint(method: string, path: string, body: unknown): string {
  return `${method} ${path} ${canonical(body)}`;
}

/**
 * The remembered answer for a key still within its 24 hours (expired keys are forgotten); the key reused for
 * another request is a 400 `idempotency_key_mismatch`.
 */
export function recall(
  state: SequenceFakeState,
  key: string,
  print: string,
  now: number,
): IdempotencyRecord | undefined {
  const record = state.idempotency.get(key);
  if (record && record.expires_at_ms <= now) state.idempotency.delete(key);
  if (!record || record.expires_at_ms <= now) return undefined;
  if (record.fingerprint !== print) {
    const message = 'This Idempotency-Key was already used with a different request body.';
    throw new SequenceFakeError(400, 'idempotency_key_mismatch', message);
  }
  return record;
}

export function remember(
  state: SequenceFakeState,
  key: string,
  record: Omit<IdempotencyRecord, 'expires_at_ms'>,
  now: number,
): void {
  state.idempotency.set(key, { ...record, expires_at_ms: now + IDEMPOTENCY_WINDOW_MS });
}
