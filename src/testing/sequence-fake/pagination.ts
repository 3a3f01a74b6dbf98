import { newestFirst } from '../kernel/listing.js';
import { invalid } from './call.js';

/** Cursors look like the docs' (`Y3Vyc29yOnJleF8wMUhBQkMzNDU2` is base64 of `cursor:rex_01HABC3456`). */
const encodeCursor = (id: string) => btoa(`cursor:${id}`);

function decodeCursor(cursor: string): string {
  try {
    const text = atob(cursor);
    if (text.startsWith('cursor:')) return text.slice('cursor:'.length);
  } catch {
    // not base64: refused below
  }
  return invalid(`after '${cursor}' is not a cursor this API returned.`);
}

/**
 * One `first`/`after` page of `items` (already filtered) created within the query's `from`/`to`, newest first,
 * each shown by `view`.
 */
export function cursorPage<T extends { id: string; created_at: string }>(
  items: T[],
  query: { first: number; after?: string | undefined; from?: string | undefined; to?: string | undefined },
  view: (item: T) => unknown = (item) => item,
) {
  const sorted = newestFirst(items, (item) => item.created_at, query, invalid);
  let start = 0;
  if (query.after !== undefined) {
    const id = decodeCursor(query.after);
    start = sorted.findIndex((item) => item.id === id) + 1;
    if (start === 0) invalid(`after '${query.after}' does not point into this listing.`);
  }
  const data = sorted.slice(start, start + query.first);
  const hasNext = start + query.first < sorted.length;
  const last = data.at(-1);
  return {
    data: data.map(view),
    page_info: { end_cursor: hasNext && last ? encodeCursor(last.id) : null, has_next_page: hasNext },
  };
}
