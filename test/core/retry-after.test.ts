import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from '../../src/internal/retry-after.js';
import { parseRuleDateTime } from '../../src/rule/datetime.js';

/** A clock far from every date used below, so a test passes only if the response's `Date` header is used. */
const WRONG_CLOCK = () => Date.UTC(2030, 0, 1);
const FAIL_CLOCK = () => {
  throw new Error('the local clock must not be read when the response has a Date header');
};

function parse(headers: Record<string, string>, now: () => number = FAIL_CLOCK): number | undefined {
  return parseRetryAfter(new Headers(headers), now, parseRuleDateTime);
}

describe('parseRetryAfter: seconds', () => {
  it('reads whole seconds as milliseconds', () => {
    expect(parse({ 'retry-after': '3' })).toBe(3_000);
    expect(parse({ 'retry-after': '0' })).toBe(0);
    expect(parse({ 'retry-after': '120' })).toBe(120_000);
  });

  it('reads decimal seconds', () => {
    expect(parse({ 'retry-after': '1.5' })).toBe(1_500);
    expect(parse({ 'retry-after': '0.25' })).toBe(250);
  });

  it('reads a wait too long for a number as the longest finite one, never Infinity', () => {
    expect(parse({ 'retry-after': '9'.repeat(400) })).toBe(Number.MAX_SAFE_INTEGER);
    expect(parse({ 'retry-after-ms': '9'.repeat(400) })).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('tolerates surrounding whitespace', () => {
    expect(parse({ 'retry-after': '  7  ' })).toBe(7_000);
  });
});

describe('parseRetryAfter: HTTP-date', () => {
  it('measures an HTTP-date against the response Date header, not the local clock', () => {
    const wait = parse(
      { 'retry-after': 'Wed, 21 Oct 2015 07:28:30 GMT', date: 'Wed, 21 Oct 2015 07:28:00 GMT' },
      WRONG_CLOCK,
    );
    expect(wait).toBe(30_000);
  });

  it('falls back to the local clock when the response has no Date header', () => {
    const now = () => Date.parse('Wed, 21 Oct 2015 07:28:20 GMT');
    expect(parse({ 'retry-after': 'Wed, 21 Oct 2015 07:28:30 GMT' }, now)).toBe(10_000);
  });

  it('falls back to the local clock when the Date header is unparseable', () => {
    const now = () => Date.parse('Wed, 21 Oct 2015 07:28:25 GMT');
    expect(parse({ 'retry-after': 'Wed, 21 Oct 2015 07:28:30 GMT', date: 'yesterday-ish' }, now)).toBe(5_000);
  });
});

describe("parseRetryAfter: Rule's zone-less Europe/Stockholm timestamps", () => {
  it('reads a winter timestamp as UTC+1 (CET), measured against Date', () => {
    // 13:00:30 in Stockholm in January is 12:00:30 UTC.
    const wait = parse(
      { 'retry-after': '2024-01-15 13:00:30', date: 'Mon, 15 Jan 2024 12:00:00 GMT' },
      WRONG_CLOCK,
    );
    expect(wait).toBe(30_000);
  });

  it('reads a summer timestamp as UTC+2 (CEST), measured against Date', () => {
    // 14:00:30 in Stockholm in July is 12:00:30 UTC.
    const wait = parse(
      { 'retry-after': '2024-07-15 14:00:30', date: 'Mon, 15 Jul 2024 12:00:00 GMT' },
      WRONG_CLOCK,
    );
    expect(wait).toBe(30_000);
  });

  it('accepts a T separator between date and time', () => {
    expect(parse({ 'retry-after': '2024-01-15T13:00:05', date: 'Mon, 15 Jan 2024 12:00:00 GMT' })).toBe(
      5_000,
    );
  });

  it('uses the offset in force at the target time across the spring DST change', () => {
    // 2024-03-31: clocks go from 02:00 CET to 03:00 CEST (01:00 UTC). 01:59:50 CET = 00:59:50 UTC;
    // 03:00:10 CEST = 01:00:10 UTC.
    const wait = parse({ 'retry-after': '2024-03-31 03:00:10', date: 'Sun, 31 Mar 2024 00:59:50 GMT' });
    expect(wait).toBe(20_000);
  });

  it('uses the offset in force at the target time after the autumn DST change', () => {
    // 2024-10-27: clocks go from 03:00 CEST back to 02:00 CET (01:00 UTC). 03:00:10 is then CET = 02:00:10 UTC.
    const wait = parse({ 'retry-after': '2024-10-27 03:00:10', date: 'Sun, 27 Oct 2024 01:59:50 GMT' });
    expect(wait).toBe(20_000);
  });
});

describe('parseRetryAfter: retry-after-ms', () => {
  it('reads retry-after-ms as milliseconds', () => {
    expect(parse({ 'retry-after-ms': '250' })).toBe(250);
    expect(parse({ 'retry-after-ms': '12.5' })).toBe(12.5);
  });

  it('prefers retry-after-ms over Retry-After', () => {
    expect(parse({ 'retry-after-ms': '250', 'retry-after': '30' })).toBe(250);
  });

  it('ignores a malformed retry-after-ms and falls back to Retry-After', () => {
    expect(parse({ 'retry-after-ms': 'soon', 'retry-after': '2' })).toBe(2_000);
    expect(parse({ 'retry-after-ms': '-5', 'retry-after': '2' })).toBe(2_000);
  });
});

describe('parseRetryAfter: nothing usable', () => {
  it('returns undefined when neither header is present', () => {
    expect(parse({})).toBeUndefined();
    expect(parse({ date: 'Mon, 15 Jan 2024 12:00:00 GMT' })).toBeUndefined();
  });

  it('returns undefined for garbage values', () => {
    expect(parse({ 'retry-after': 'soon' })).toBeUndefined();
    expect(parse({ 'retry-after': 'Too Many Attempts.' })).toBeUndefined();
    expect(parse({ 'retry-after': '' })).toBeUndefined();
    expect(parse({ 'retry-after': '   ' })).toBeUndefined();
    expect(parse({ 'retry-after-ms': 'abc' })).toBeUndefined();
  });

  // Date.UTC would roll impossible fields over (month 13 → next year), turning a retryable 429 into a bogus
  // ~400-day wait that surfaces as a RateLimitError.
  it('returns undefined for a zone-less timestamp with out-of-range fields', () => {
    expect(
      parse({ 'retry-after': '2024-13-45 99:99:99', date: 'Mon, 15 Jan 2024 12:00:00 GMT' }),
    ).toBeUndefined();
    expect(
      parse({ 'retry-after': '2024-02-30 10:00:00', date: 'Mon, 15 Jan 2024 12:00:00 GMT' }),
    ).toBeUndefined();
  });

  it('leaves a zone-less timestamp unread for an API without a local-time reader', () => {
    const headers = new Headers({
      'retry-after': '2024-01-15 13:00:01',
      date: 'Mon, 15 Jan 2024 12:00:00 GMT',
    });
    expect(parseRetryAfter(headers, FAIL_CLOCK)).toBeUndefined();
  });

  it('does not let a lenient Date.parse read non-dates as dates', () => {
    expect(parse({ 'retry-after': '-1' })).toBeUndefined();
    expect(parse({ 'retry-after': 'abc 1' })).toBeUndefined();
  });
});

describe('parseRetryAfter: dates in the past', () => {
  it('gives 0 for an HTTP-date before the response Date', () => {
    expect(
      parse({ 'retry-after': 'Wed, 21 Oct 2015 07:27:00 GMT', date: 'Wed, 21 Oct 2015 07:28:00 GMT' }),
    ).toBe(0);
  });

  it('gives 0 for a Stockholm timestamp before the response Date', () => {
    // 12:59:00 CET = 11:59:00 UTC, a minute before the Date header.
    expect(parse({ 'retry-after': '2024-01-15 12:59:00', date: 'Mon, 15 Jan 2024 12:00:00 GMT' })).toBe(0);
  });

  it('gives 0 for a date behind the local clock when there is no Date header', () => {
    expect(parse({ 'retry-after': 'Wed, 21 Oct 2015 07:28:00 GMT' }, WRONG_CLOCK)).toBe(0);
  });
});
