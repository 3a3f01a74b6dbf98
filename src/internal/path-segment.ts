import { RequestValidationError } from '../core/errors/request-validation-error.js';
import { isWellFormed } from './check-request.js';

/**
 * A caller's value as one URL path segment: percent-encoded, and never empty, `.` or `..`, which URL parsing would
 * resolve (even as `%2E%2E`) into another path than the one meant. Only text and finite numbers qualify, and text
 * must be well-formed Unicode (a lone surrogate cannot be percent-encoded).
 */
export function pathSegment(value: string | number, what: string): string {
  const usable =
    (typeof value === 'string' && isWellFormed(value)) ||
    (typeof value === 'number' && Number.isFinite(value));
  if (!usable) {
    throw new RequestValidationError(
      [{ message: `${what} must be text (well-formed Unicode) or a number` }],
      what,
    );
  }
  const text = String(value);
  if (text === '' || text === '.' || text === '..') {
    throw new RequestValidationError([{ message: `${what} cannot be empty, "." or ".."` }], what);
  }
  return encodeURIComponent(text);
}
