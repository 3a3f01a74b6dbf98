/** The server's view of a key's budget, read from either header family Rule and others send. */
export interface ObservedBudget {
  limit: number | undefined;
  remaining: number | undefined;
}

function intHeader(headers: Headers, name: string): number | undefined {
  const raw = headers.get(name);
  if (raw === null || !/^\s*\d+\s*$/.test(raw)) return undefined;
  return Number(raw);
}

/** `X-RateLimit-Limit/Remaining`, or `RequestsCount-Allowed/Current` (current = used, not remaining). */
export function readBudget(headers: Headers): ObservedBudget | undefined {
  const limit = intHeader(headers, 'x-ratelimit-limit') ?? intHeader(headers, 'requestscount-allowed');
  let remaining = intHeader(headers, 'x-ratelimit-remaining');
  const used = intHeader(headers, 'requestscount-current');
  if (remaining === undefined && used !== undefined && limit !== undefined)
    remaining = Math.max(0, limit - used);
  if (limit === undefined && remaining === undefined) return undefined;
  return { limit, remaining };
}
