import { isObject } from './parse-request.js';

/**
 * Readers of request values for APIs that refuse a bad one with a plain 400: each refuses through the API's own
 * `invalid`, in the same words.
 */
export const inputReaders = (invalid: (message: string) => never) => ({
  /** The body as an object; a missing body is `{}` when `optional`. */
  bodyObject(body: unknown, optional = false): Record<string, unknown> {
    if (body === undefined && optional) return {};
    return isObject(body) ? body : invalid('The request body must be a JSON object.');
  },
  /** A positive safe integer (cents, counts). */
  positiveInteger(value: unknown, name: string): number {
    const ok = typeof value === 'number' && Number.isSafeInteger(value) && value >= 1;
    return ok ? value : invalid(`${name} must be a positive integer.`);
  },
  requiredString(object: Record<string, unknown>, name: string): string {
    const value = object[name];
    return typeof value === 'string' && value !== '' ? value : invalid(`${name} is required.`);
  },
  optionalString(object: Record<string, unknown>, name: string): string | null {
    const value = object[name] ?? null;
    return value === null || typeof value === 'string' ? value : invalid(`${name} must be a string.`);
  },
  /** A required query parameter (`rule_id`, `account_id`). */
  requiredQuery(query: URLSearchParams, name: string): string {
    return query.get(name) || invalid(`The ${name} query parameter is required.`);
  },
  /** An optional enum query parameter: its value, or undefined. */
  queryEnum(query: URLSearchParams, name: string, allowed: readonly string[]): string | undefined {
    const value = query.get(name) ?? undefined;
    return value === undefined || allowed.includes(value)
      ? value
      : invalid(`${name} must be one of ${allowed.join(', ')}.`);
  },
  /** An integer query parameter from 1 to `max` (page numbers and sizes), or `fallback` when absent. */
  queryInteger(query: URLSearchParams, name: string, fallback: number, max = Infinity): number {
    const raw = query.get(name);
    const value = raw === null ? fallback : Number(raw);
    return Number.isInteger(value) && value >= 1 && value <= max
      ? value
      : invalid(`${name} must be an integer from 1${max < Infinity ? ` to ${max}` : ''}.`);
  },
});
