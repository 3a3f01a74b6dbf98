import type { Operation } from '../operation.js';

/**
 * The following page number, or `null` at the end. Where the server says whether more follow (`hasMore`), that
 * decides; otherwise a page that came back short of `pageSize`, or the server's total page count, ends the listing.
 * An empty page always ends it: with page numbers nothing can follow an empty page, and a server that claims
 * otherwise would be walked forever.
 */
export function nextFromPageNumber(
  current: Operation,
  received: number,
  pageSize: number,
  options: { param?: string; totalPages?: number | undefined; hasMore?: boolean | undefined } = {},
): Operation | null {
  const param = options.param ?? 'page';
  const page = Number(current.query?.[param] ?? 1);
  if (received === 0 || options.hasMore === false) return null;
  if (options.hasMore === undefined && received < pageSize) return null;
  if (options.totalPages !== undefined && page >= options.totalPages) return null;
  return { ...current, query: { ...current.query, [param]: page + 1 } };
}
