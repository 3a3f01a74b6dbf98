/** What one cell must end in: the call's outcome and what the server saw. */
export interface Expected {
  /** `'ok'`, or the error class name (with the status for an API error). */
  outcome: string;
  /** Requests that reached the server. */
  requests: number;
  /** Writes the server applied. */
  writes: number;
}

const ok = (requests: number, writes = 1): Expected => ({ outcome: 'ok', requests, writes });
const fails = (outcome: string, requests: number, writes: number): Expected => ({
  outcome,
  requests,
  writes,
});

type Row = readonly [Expected, Expected, Expected, Expected];
const everywhere = (e: Expected): Row => [e, e, e, e];

const RVE = 'ResponseValidationError';
const serverWaitAsked: Row = [ok(2, 0), ok(2), ok(2), ok(2)];

/**
 * The expected matrix, by fault id, in the column order GET, Rule POST, Sequence POST, DELETE (DESIGN.md §2):
 * reads, DELETEs and keyed Sequence POSTs retry connection failures, timeouts, 429 and 5xx; Rule's unkeyed POST
 * retries only a 429 or a refused connection, the failures that prove nothing was processed. Redirects are never
 * followed, a 2xx body that cannot be read is never retried, and a server wait above the cap is not waited for.
 * A retried DELETE whose first attempt went through meets Rule's 404: the subscriber is gone either way.
 */
const BY_FAULT: Record<string, Row> = {
  refused: [ok(1, 0), ok(1), ok(1), ok(1)],
  'reset-before-headers': [ok(2, 0), fails('ConnectionError', 1, 1), ok(2), fails('NotFoundError 404', 2, 1)],
  'reset-mid-body': [ok(2, 0), fails('ConnectionError', 1, 1), ok(2), fails('NotFoundError 404', 2, 1)],
  stall: [ok(2, 0), fails('TimeoutError', 1, 1), ok(2), fails('NotFoundError 404', 2, 1)],
  'slow-body': [ok(2, 0), fails('TimeoutError', 1, 1), ok(2), fails('NotFoundError 404', 2, 1)],
  drip: [ok(1, 0), ok(1), ok(1), ok(1)],
  'truncated-json': [fails(RVE, 1, 0), fails(RVE, 1, 1), fails(RVE, 1, 1), fails(RVE, 1, 1)],
  'html-502': [ok(2, 0), fails('InternalServerError 502', 1, 0), ok(2), ok(2)],
  '429-seconds': serverWaitAsked,
  '429-http-date': serverWaitAsked,
  '429-stockholm': serverWaitAsked,
  '429-ms': serverWaitAsked,
  '429-bare': serverWaitAsked,
  '429-too-long': everywhere(fails('RateLimitError 429', 1, 0)),
  '5xx-storm': [
    fails('InternalServerError 503', 3, 0),
    fails('InternalServerError 503', 1, 0),
    fails('InternalServerError 503', 3, 0),
    fails('InternalServerError 503', 3, 0),
  ],
  'wrong-content-type': [ok(1, 0), ok(1), ok(1), ok(1)],
  'html-200': everywhere(fails(RVE, 1, 0)),
  'huge-body': [fails(RVE, 1, 0), fails(RVE, 1, 1), fails(RVE, 1, 1), fails(RVE, 1, 1)],
  // A write resolves whatever shape its JSON answer takes (Rule's acknowledged ones with what they can read, the
  // others with the body as sent): the write happened (issue 16). Only the read refuses it.
  'echo-200': [fails(RVE, 1, 0), ok(1), ok(1), ok(1)],
  'deep-200': [ok(1, 0), ok(1), ok(1), ok(1)],
  'long-id-200': [fails(RVE, 1, 0), ok(1), ok(1), ok(1)],
  redirect: everywhere(fails('ApiError 307', 1, 0)),
};

/**
 * The Sequence Platform's two POSTs (`rules.trigger`, `transfers.create`) carry an idempotency key like Sequence's
 * `transfers.create`, so their columns expect what the Sequence POST's does.
 */
export const EXPECTED: Record<string, readonly Expected[]> = Object.fromEntries(
  Object.entries(BY_FAULT).map(([fault, row]) => [fault, [...row, row[2], row[2]]]),
);
