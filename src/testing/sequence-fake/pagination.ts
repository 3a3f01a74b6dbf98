import { invalid } from './fail.js';
import { queryInteger } from './validate.js';

interface Listed {
  id: string;
  created_at: string;
}

export interface PageInfo {
  end_cursor: string | null;
  has_next_page: boolean;
}

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

function readTime(query: URLSearchParams, name: string): number | undefined {
  const raw = query.get(name);
  if (raw === null) return undefined;
  const time = Date.parse(raw);
  if (Number.isNaN(time)) invalid(`${name} must be an ISO 8601 date-time.`);
  return time;
}

/** Items created within the `from`/`to` query parameters (inclusive). */
export function createdWithin<T extends Listed>(items: T[], query: URLSearchParams): T[] {
  const from = readTime(query, 'from') ?? -Infinity;
  const to = readTime(query, 'to') ?? Infinity;
  return items.filter((item) => {
    const created = Date.parse(item.created_at);
    return created >= from && created <= to;
  });
}

/** Newest first by `created_at`; of equal times, the later added first. */
function newestFirst<T extends Listed>(items: T[]): T[] {
  return [...items].reverse().sort((a, b) => Date.parse(b.created_at) - Date.parse(a.created_at));
}

/** One `first`/`after` page of `items` (already filtered), newest first, each shown by `view`. */
export function cursorPage<T extends Listed>(
  items: T[],
  query: URLSearchParams,
  view: (item: T) => unknown = (item) => item,
): { data: unknown[]; page_info: PageInfo } {
  const first = queryInteger(query, 'first', 20, 100);
  const sorted = newestFirst(items);
  const after = query.get('after');
  let start = 0;
  if (after !== null) {
    const id = decodeCursor(after);
    start = sorted.findIndex((item) => item.id === id) + 1;
    if (start === 0) invalid(`after '${after}' does not point into this listing.`);
  }
  const data = sorted.slice(start, start + first);
  const hasNext = start + first < sorted.length;
  const last = data.at(-1);
  return {
    data: data.map(view),
    page_info: { end_cursor: hasNext && last ? encodeCursor(last.id) : null, has_next_page: hasNext },
  };
}
