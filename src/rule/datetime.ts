import { formatWallClock, parseWallClock } from '../core/time-zone.js';

/** Rule reads zone-less timestamps as its own local time. */
const RULE_TIME_ZONE = 'Europe/Stockholm';

/** A `Date` as Rule expects it: `YYYY-MM-DD HH:MM:SS` in Stockholm time. */
export function toRuleDateTime(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new RangeError('Invalid Date');
  return formatWallClock(date, RULE_TIME_ZONE);
}

/** Rule's zone-less `YYYY-MM-DD HH:MM:SS` (e.g. a 429's Retry-After) as epoch ms; `undefined` if not one. */
export function parseRuleDateTime(text: string): number | undefined {
  return parseWallClock(text, RULE_TIME_ZONE);
}

/** A `Date` as a Rule `date` field value: `YYYY-MM-DD` in Stockholm time. */
export function toRuleDate(date: Date): string {
  return toRuleDateTime(date).slice(0, 10);
}
