import * as z from 'zod/mini';
import { RequestValidationError } from '../core/errors/request-validation-error.js';
import type { RequestOptions } from '../core/request-options.js';
import { isPlainObject } from './auth.js';
import { validateInput } from './validate-input.js';

/** A header value the SDK sends as given: printable ASCII, no surrounding space (ids, keys, order numbers). */
const HEADER_TOKEN = /^[\x21-\x7e](?:[\x20-\x7e]{0,253}[\x21-\x7e])?$/;

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether text is Unicode at all: URL encoding throws on a lone surrogate, and `URLSearchParams` mangles it. */
export function isWellFormed(text: string): boolean {
  return !LONE_SURROGATE.test(text);
}

const token = (what: string) =>
  z.string().check(z.regex(HEADER_TOKEN, `${what} must be 1-255 printable ASCII characters`));

/** An HTTP field name (RFC 9110 `token`). */
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/** A value `Headers` takes as it is: bytes (code points up to U+00FF), no NUL, CR or LF. */
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

// zod's records skip an own `__proto__` key, which `Headers` would still read (a bare TypeError when sent) and
// which no object the SDK merges headers into can hold: refused first.
const headersSchema = (what: string) =>
  z.pipe(
    z.custom<object>((value) => !(isPlainObject(value) && Object.hasOwn(value, '__proto__')), {
      error: `${what} cannot name __proto__`,
    }),
    z.record(
      z.string().check(z.regex(HEADER_NAME, `${what} names must be HTTP header names`)),
      z.string().check(z.regex(HEADER_VALUE, `${what} values must be Latin-1 text without line breaks`)),
    ),
  );

const optionsSchema = z.nullish(
  z.object({
    signal: z.optional(z.instanceof(AbortSignal, { error: 'signal must be an AbortSignal' })),
    // Finite; beyond about 24.8 days the transport caps timers at what they can hold.
    timeout: z.optional(z.number().check(z.gte(1, 'timeout must be at least 1 ms'))),
    totalTimeout: z.optional(z.number().check(z.gte(1, 'totalTimeout must be at least 1 ms'))),
    maxRetries: z.optional(z.int().check(z.gte(0, 'maxRetries cannot be negative'))),
    idempotencyKey: z.optional(token('idempotencyKey')),
    requestId: z.optional(token('requestId')),
    headers: z.optional(headersSchema('headers')),
    // Values are checked where they become URL text or JSON (the transport).
    extraQuery: z.optional(z.record(z.string(), z.unknown())),
    extraBody: z.optional(z.record(z.string(), z.unknown())),
    extraHeaders: z.optional(headersSchema('extraHeaders')),
  }),
);

/** The per-call options, checked: anything a caller passes that cannot be honoured is a `RequestValidationError`. */
export function checkRequestOptions(options: unknown): RequestOptions {
  if (options === null) throw new RequestValidationError([{ message: 'expected an object' }], 'options');
  // Pages pass their options on to every page's call, most often `{}`: nothing to check there.
  if (isEmptyPlainObject(options)) return options as RequestOptions;
  validateInput(optionsSchema, options, 'options');
  return (options ?? {}) as RequestOptions;
}

function isEmptyPlainObject(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Object.getPrototypeOf(value) !== Object.prototype)
    return false;
  for (const _ in value) return false;
  return true;
}

/** A body must survive `JSON.stringify` (no BigInt, no cycles) before anything is sent; returns its JSON text. */
export function checkJsonBody(body: unknown): string {
  try {
    return JSON.stringify(body);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new RequestValidationError([{ message: `cannot be sent as JSON (${reason})` }], 'body');
  }
}

/** A query value goes into a URL as text: strings must be well-formed Unicode, numbers finite. */
export function checkQueryValue(name: string, value: unknown): void {
  const items = Array.isArray(value) ? value : [value];
  for (const item of items) {
    const ok =
      (typeof item === 'string' && isWellFormed(item)) ||
      (typeof item === 'number' && Number.isFinite(item)) ||
      (typeof item === 'boolean' && !Array.isArray(value));
    if (!ok) {
      throw new RequestValidationError(
        [{ message: 'must be a string (well-formed Unicode), a finite number or a boolean', path: [name] }],
        'query',
      );
    }
  }
}

/** ASCII control characters (CR and LF among them), which no path sends as meant. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const CONTROL = /[\x00-\x1f\x7f]/;
/** `.` and `..` as URL parsing reads a segment, percent-encoded dots included. */
const DOT_SEGMENT = /^(?:\.|%2e){1,2}$/i;

/**
 * A path relative to the base URL, as a caller may write it: it cannot climb out of the base path (`..`, also as
 * `%2e%2e` or behind a backslash, which URLs read as `/`), and holds no control character or lone surrogate.
 */
export function checkPath(path: string): void {
  const [route = ''] = path.split(/[?#]/, 1);
  const problem = CONTROL.test(path)
    ? 'must not contain control characters (line breaks included)'
    : !isWellFormed(path)
      ? 'must be well-formed Unicode (it holds a lone surrogate)'
      : route.split(/[/\\]/).some((segment) => DOT_SEGMENT.test(segment))
        ? 'must not contain "." or ".." segments: it would leave the base URL\'s path'
        : undefined;
  if (problem) throw new RequestValidationError([{ message: problem, path: ['path'] }], 'request');
}
