import type { Handler } from '../kernel/fake-call.js';
import type { RuleCall } from './call.js';
import { badFields, fail } from './replies.js';
import type { RuleFakeState } from './state.js';

const MAX_LIMIT = 100;

function positiveInt(query: URLSearchParams, name: string, fallback: number): number {
  const raw = query.get(name);
  if (raw === null || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < 1)
    badFields({ [name]: [`The ${name} must be a positive integer.`] });
  return Number(raw);
}

/**
 * One page of `items` under `key`, with `meta.next`: the request's own URL (origin and any other parameters,
 * `apikey` included when the caller sent it there) with `page + 1`; null on the last page.
 */
export function paginate<T>(
  { query, url }: RuleCall,
  items: readonly T[],
  key: string,
  wire: (item: T) => unknown,
) {
  const limit = positiveInt(query, 'limit', MAX_LIMIT);
  if (limit > MAX_LIMIT) fail(400, 'LimitExceed', "Limit can't exceed 100.");
  const page = positiveInt(query, 'page', 1);
  const start = (page - 1) * limit;
  let next: string | null = null;
  if (start + limit < items.length) {
    const link = new URL(url);
    const params = new URLSearchParams({ page: String(page + 1), limit: String(limit) });
    for (const [name, value] of query) if (name !== 'page' && name !== 'limit') params.append(name, value);
    link.search = params.toString();
    next = link.href;
  }
  return { [key]: items.slice(start, start + limit).map(wire), meta: { next } };
}

/** A handler listing `items` of the state page by page under `key`. */
export function listing<T>(
  key: string,
  items: (state: RuleFakeState) => readonly T[],
  wire: (item: T, state: RuleFakeState) => unknown,
): Handler<RuleFakeState> {
  return (call) => paginate(call, items(call.state), key, (item) => wire(item, call.state));
}
