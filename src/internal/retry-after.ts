/** Reads a zone-less `YYYY-MM-DD HH:MM:SS` in the API's own time zone, as epoch ms; `undefined` if not one. */
export type LocalTimeReader = (text: string) => number | undefined;

/** IMF-fixdate and the obsolete RFC 850 / asctime forms all start with a day name. */
const HTTP_DATE = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,? /;

/**
 * The wait a response asks for, in milliseconds, or `undefined` when it asks for none.
 * Understands `retry-after-ms`, and `Retry-After` as seconds, as an HTTP-date and, given `readLocalTime`, as a
 * zone-less local timestamp (Rule sends Europe/Stockholm time). Dates are measured against the response's own
 * `Date` header, so a skewed local clock does not distort the wait.
 */
export function parseRetryAfter(
  headers: Headers,
  now: () => number = Date.now,
  readLocalTime?: LocalTimeReader,
): number | undefined {
  const ms = headers.get('retry-after-ms');
  if (ms !== null && /^\s*\d+(\.\d+)?\s*$/.test(ms)) return atMostSafe(Number(ms));

  const value = headers.get('retry-after')?.trim();
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return atMostSafe(Number(value) * 1000);

  // Date.parse is lenient ("-1" parses as a year), so only HTTP-date-shaped text reaches it.
  const target = readLocalTime?.(value) ?? (HTTP_DATE.test(value) ? Date.parse(value) : Number.NaN);
  if (Number.isNaN(target)) return undefined;
  const serverNow = Date.parse(headers.get('date') ?? '');
  return Math.max(0, target - (Number.isNaN(serverNow) ? now() : serverNow));
}

/** A wait of hundreds of digits stays a finite "too long" (`Infinity` reached `RateLimitError` JSON as `null`). */
const atMostSafe = (ms: number) => Math.min(ms, Number.MAX_SAFE_INTEGER);

/** Epoch seconds are ten digits today; a smaller `X-RateLimit-Reset` counts seconds from now (both forms exist). */
const EPOCH_SECONDS = 1e9;

/**
 * The wait until `X-RateLimit-Reset` (ms), read as epoch seconds (Laravel, GitHub) or, when small, as seconds from
 * now; measured against the response's `Date` header like `Retry-After` dates.
 */
export function parseRateLimitReset(headers: Headers, now: () => number = Date.now): number | undefined {
  const value = headers.get('x-ratelimit-reset')?.trim();
  if (!value || !/^\d+(\.\d+)?$/.test(value)) return undefined;
  const seconds = Number(value);
  if (seconds < EPOCH_SECONDS) return seconds * 1000;
  const serverNow = Date.parse(headers.get('date') ?? '');
  return Math.max(0, seconds * 1000 - (Number.isNaN(serverNow) ? now() : serverNow));
}

/**
 * The wait a response states, in ms: `Retry-After` / `retry-after-ms` (see `parseRetryAfter`), else
 * `X-RateLimit-Reset`; `undefined` when it states none.
 */
export function statedWait(
  headers: Headers,
  readLocalTime?: LocalTimeReader,
  now: () => number = Date.now,
): number | undefined {
  return parseRetryAfter(headers, now, readLocalTime) ?? parseRateLimitReset(headers, now);
}
