import { RequestValidationError } from './errors/request-validation-error.js';

/**
 * A caller's value as one URL path segment: percent-encoded, and never empty, `.` or `..`, which URL parsing would
 * resolve (even as `%2E%2E`) into another path than the one meant.
 */
export function pathSegment(value: string | number, what: string): string {
  const text = String(value);
  if (text === '' || text === '.' || text === '..') {
    throw new RequestValidationError([{ message: `${what} cannot be empty, "." or ".."` }], what);
  }
  return encodeURIComponent(text);
}
