import { formatWallClock } from '../core/time-zone.js';

/** Rule reads zone-less timestamps as its own local time. */
const RULE_TIME_ZONE = 'Europe/Stockholm';

/** A `Date` as Rule expects it: `YYYY-MM-DD HH:MM:SS` in Stockholm time. */
export function toRuleDateTime(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new RangeError('Invalid Date');
  return formatWallClock(date, RULE_TIME_ZONE);
}

/** A `Date` as a Rule `date` field value: `YYYY-MM-DD` in Stockholm time. */
export function toRuleDate(date: Date): string {
  return toRuleDateTime(date).slice(0, 10);
}
