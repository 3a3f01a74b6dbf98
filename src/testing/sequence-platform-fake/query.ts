import { inputReaders } from '../kernel/input.js';
import { invalid } from './fail.js';

/** Readers of query values, refusing a bad one with 400 INVALID_PARAMETERS. */
export const { queryEnum: oneOf, queryInteger } = inputReaders(invalid);

/** `accountIds[]=a&accountIds[]=b`, `accountIds=a&accountIds=b` or a mix: at least one is required. */
export function idList(query: URLSearchParams, name: string): string[] {
  const ids = [...query.getAll(`${name}[]`), ...query.getAll(name)];
  return ids.length > 0 ? ids : invalid(`${name} is required`);
}

/** What a listing filters on. */
export interface Filters<T> {
  /** Parameter → its allowed values (`null`: any) and the item's value it must equal when given. */
  equal?: Record<string, [readonly string[] | null, (item: T) => unknown]>;
  /** The item's time that `from`/`to` (inclusive, any RFC 3339 date-time) bound. */
  time?: (item: T) => string;
  /** The item's execution mode, which `executionMode` selects (`LIVE` unless asked otherwise). */
  mode?: (item: T) => string;
}

/** The query's filters as one predicate; a malformed value is a 400. */
export function filter<T>(query: URLSearchParams, filters: Filters<T>): (item: T) => boolean {
  const equal = Object.entries(filters.equal ?? {}).map(([name, [allowed, value]]) => {
    const wanted = allowed ? oneOf(query, name, allowed) : (query.get(name) ?? undefined);
    return (item: T) => wanted === undefined || value(item) === wanted;
  });
  const [from, to] = ['from', 'to'].map((name) => {
    const raw = query.get(name);
    const time = raw === null ? undefined : Date.parse(raw);
    return Number.isNaN(time) ? invalid(`${name} must be an RFC 3339 date-time`) : time;
  });
  const mode = filters.mode
    ? (oneOf(query, 'executionMode', ['ALL', 'LIVE', 'SIMULATION']) ?? 'LIVE')
    : 'ALL';
  return (item) => {
    const at = filters.time ? Date.parse(filters.time(item)) : 0;
    return (
      equal.every((test) => test(item)) &&
      (from === undefined || at >= from) &&
      (to === undefined || at <= to) &&
      (mode === 'ALL' || filters.mode?.(item) === mode)
    );
  };
}

/** One `page`/`pageSize` page (defaults 1 and 10, at most 100) of `items`, newest first by `time` when given. */
export function page<T>(items: T[], query: URLSearchParams, time?: (item: T) => string) {
  const number = queryInteger(query, 'page', 1);
  const pageSize = queryInteger(query, 'pageSize', 10, 100);
  // Of equal times, the later added first.
  const sorted = time
    ? [...items].reverse().sort((a, b) => Date.parse(time(b)) - Date.parse(time(a)))
    : items;
  const start = (number - 1) * pageSize;
  const hasNextPage = start + pageSize < sorted.length;
  return {
    items: sorted.slice(start, start + pageSize),
    pagination: { page: number, pageSize, hasNextPage },
  };
}
