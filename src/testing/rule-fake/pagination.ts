import type { Handler } from '../kernel/fake-call.js';
import type { RuleCall } from './call.js';
import { badFields, fail } from './call.js';
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

type Lists = {
  [K in keyof RuleFakeState as RuleFakeState[K] extends unknown[] ? K : never]: RuleFakeState[K];
};

/** A handler listing the state's `list` page by page under `key`, each item in its wire shape. */
export function listing<L extends keyof Lists>(
  key: string,
  list: L,
  wire: (item: Lists[L][number], state: RuleFakeState) => unknown,
): Handler<RuleFakeState> {
  return (call) => paginate<Lists[L][number]>(call, call.state[list], key, (item) => wire(item, call.state));
}
