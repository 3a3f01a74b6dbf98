const NAIVE_TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/;
/** Rule sends zone-less timestamps in its own local time. */
const NAIVE_TIMESTAMP_ZONE = 'Europe/Stockholm';

/**
 * The wait a response asks for, in milliseconds, or `undefined` when it asks for none.
 * Understands `retry-after-ms`, and `Retry-After` as seconds, as an HTTP-date and as Rule's zone-less
 * `YYYY-MM-DD HH:MM:SS` (Europe/Stockholm). Dates are measured against the response's own `Date` header, so a
 * skewed local clock does not distort the wait.
 */
export function parseRetryAfter(headers: Headers, now: () => number = Date.now): number | undefined {
  const ms = headers.get('retry-after-ms');
  if (ms !== null && /^\s*\d+(\.\d+)?\s*$/.test(ms)) return Math.max(0, Number(ms));

  const value = headers.get('retry-after')?.trim();
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value) * 1000;

  const target = parseNaiveTimestamp(value) ?? Date.parse(value);
  if (Number.isNaN(target)) return undefined;
  const serverNow = Date.parse(headers.get('date') ?? '');
  return Math.max(0, target - (Number.isNaN(serverNow) ? now() : serverNow));
}

function parseNaiveTimestamp(value: string): number | undefined {
  const m = NAIVE_TIMESTAMP.exec(value);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  // The zone's offset at that wall-clock time; a second pass settles the hour around DST changes.
  const first = asUtc - zoneOffset(asUtc);
  return asUtc - zoneOffset(first);
}

let offsetFormatter: Intl.DateTimeFormat | undefined;

/** Built on first use: constructing it costs more than the rest of this module's import. */
function formatter(): Intl.DateTimeFormat {
  offsetFormatter ??= new Intl.DateTimeFormat('en-US', {
    timeZone: NAIVE_TIMESTAMP_ZONE,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  return offsetFormatter;
}

/** Milliseconds the zone is ahead of UTC at the given instant. */
function zoneOffset(instant: number): number {
  const parts: Record<string, number> = {};
  for (const { type, value } of formatter().formatToParts(instant)) parts[type] = Number(value);
  const wall = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return wall - Math.floor(instant / 1000) * 1000;
}
