import type { Operation } from '../operation.js';

/**
 * The same listing from `cursor` on, or `null` when the server says there is no more (or gives no cursor). A
 * cursor the listing has already followed is caught when it is followed (`PageTrail`).
 */
export function nextFromCursor(
  current: Operation,
  cursor: string | null | undefined,
  hasMore: boolean,
  param = 'after',
): Operation | null {
  if (!hasMore || !cursor) return null;
  return { ...current, query: { ...current.query, [param]: cursor } };
}
