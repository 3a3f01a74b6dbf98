import type { Operation } from '../transport.js';

/**
 * The following page number, or `null` when this page came back short of `pageSize` (or empty), or when the server's
 * own total page count says it was the last.
 */
export function nextFromPageNumber(
  current: Operation,
  received: number,
  pageSize: number,
  options: { param?: string; totalPages?: number | undefined } = {},
): Operation | null {
  const param = options.param ?? 'page';
  const page = Number(current.query?.[param] ?? 1);
  if (received === 0 || received < pageSize) return null;
  if (options.totalPages !== undefined && page >= options.totalPages) return null;
  return { ...current, query: { ...current.query, [param]: page + 1 } };
}
