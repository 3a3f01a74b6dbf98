import type { SequenceFakeState } from './model.js';
import type { PageInfo } from './pagination.js';

/** What a route handler gets: the state, the request's parts, the clock and an id maker. */
export interface FakeContext {
  readonly state: SequenceFakeState;
  /** The fake's clock at this request (epoch ms). */
  readonly now: number;
  readonly settleAfterMs: number;
  /** A new id with a prefix (`rule`, `rex`, `txr`, …). */
  newId(prefix: string): string;
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  /** The parsed JSON body, or undefined when there is none. */
  readonly body: unknown;
}

/** A success: `data` goes into `{request_id, data}` (nothing for 204), `page_info` beside it on cursor lists. */
export interface Reply {
  status: number;
  data?: unknown;
  page_info?: PageInfo;
}

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Below `/api/v1`, with `:id` for a path parameter. */
  pattern: string;
  handle(ctx: FakeContext): Reply;
}

export const isoAt = (ms: number): string => new Date(ms).toISOString();
