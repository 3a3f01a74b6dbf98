/** What every fake's listings do: keep the items a query names, newest first. */

/** Whether `item` has each value `wanted` names; an undefined one matches anything. */
export const matches = (item: object, wanted: Record<string, unknown>): boolean =>
  Object.entries(wanted).every(
    ([key, value]) => value === undefined || (item as Record<string, unknown>)[key] === value,
  );

/**
 * The items whose `time` is within `from`..`to` (inclusive; either may be absent), newest first; of equal times,
 * the later added first. A bound that is not a date-time is refused with `invalid`.
 */
export function newestFirst<T>(
  items: readonly T[],
  time: (item: T) => string,
  range: { from?: string | undefined; to?: string | undefined },
  invalid: (message: string) => never,
): T[] {
  const [from, to] = (['from', 'to'] as const).map((name) => {
    const bound = range[name] === undefined ? undefined : Date.parse(range[name]);
    return Number.isNaN(bound) ? invalid(`${name} must be a date-time`) : bound;
  });
  const at = (item: T) => Date.parse(time(item));
  return items
    .filter((item) => (from === undefined || at(item) >= from) && (to === undefined || at(item) <= to))
    .reverse()
    .sort((a, b) => at(b) - at(a));
}
