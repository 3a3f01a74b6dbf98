import { matches, newestFirst } from '../kernel/listing.js';
import { invalid } from './fail.js';

/** One `page`/`pageSize` page of `items`, each shown by `view`. */
export function page<T>(
  items: readonly T[],
  { page, pageSize }: { page: number; pageSize: number },
  view: (item: T) => unknown = (item) => item,
) {
  const start = (page - 1) * pageSize;
  return {
    items: items.slice(start, start + pageSize).map(view),
    pagination: { page, pageSize, hasNextPage: start + pageSize < items.length },
  };
}

/** What a listing's query may narrow by, beyond equal values: a time window, and an execution mode. */
interface Narrowing {
  from?: string | undefined;
  to?: string | undefined;
  executionMode?: 'ALL' | 'LIVE' | 'SIMULATION' | undefined;
}

/**
 * The items with the values `wanted` names, within the query's `from`/`to` by `time` and of its `executionMode`
 * (`LIVE` unless asked otherwise), newest first.
 */
export function narrow<T extends object>(
  items: readonly T[],
  query: Narrowing,
  time: (item: T) => string,
  wanted: Record<string, unknown> = {},
): T[] {
  const mode = query.executionMode === 'ALL' ? undefined : query.executionMode;
  const kept = items.filter((item) => matches(item, { ...wanted, ...(mode && { executionMode: mode }) }));
  return newestFirst(kept, time, query, invalid);
}
