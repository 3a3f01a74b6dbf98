import { RequestValidationError } from '../core/errors/request-validation-error.js';
import { formatWallClock, parseWallClock } from '../internal/time-zone.js';

/** Rule reads zone-less timestamps as its own local time. */
const RULE_TIME_ZONE = 'Europe/Stockholm';

/** Rule's format has room for four-digit years only. */
const RULE_DATE_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

/**
 * A `Date` as Rule expects it: `YYYY-MM-DD HH:MM:SS` in Stockholm time. An invalid `Date`, or one outside the
 * years 1-9999 (Stockholm time), is refused.
 */
export function toRuleDateTime(date: Date): string {
  // Intl prints years before 1 AD without their era ("0003" for 2 BC), so those are refused up front.
  const text = date.getUTCFullYear() > 0 ? formatWallClock(date, RULE_TIME_ZONE) : '';
  if (!RULE_DATE_TIME.test(text)) {
    throw new RequestValidationError(
      [{ message: 'a date must be a valid Date in the years 1-9999' }],
      'date',
    );
  }
  return text;
}

/** Rule's zone-less `YYYY-MM-DD HH:MM:SS` (e.g. a 429's Retry-After) as epoch ms; `undefined` if not one. */
export function parseRuleDateTime(text: string): number | undefined {
  return parseWallClock(text, RULE_TIME_ZONE);
}

/** Whether `text` is Rule's `YYYY-MM-DD HH:MM:SS` naming a real date and time (not `2024-02-30`, not `24:00:00`). */
export const isRuleDateTime = (text: string): boolean => Number.isFinite(parseRuleDateTime(text));

/** A `Date` as a Rule `date` field value: `YYYY-MM-DD` in Stockholm time. */
export function toRuleDate(date: Date): string {
  return toRuleDateTime(date).slice(0, 10);
}
