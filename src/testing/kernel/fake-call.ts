import type { output, ZodMiniType } from 'zod/mini';
import type { ParsedRequest } from './parse-request.js';
import type { FakeReply } from './reply.js';

/** One request as a fake's middleware and handlers see it: parsed once, routed, with the fake's state and clock. */
export interface FakeCall<S> extends ParsedRequest {
  readonly state: S;
  /** The fake's clock at this request (epoch ms), read once so that one request sees one instant. */
  readonly now: number;
  /** The next number (1, 2, …) of the sequence `kind`, for ids; every sequence restarts on reset(). */
  serial(kind: string): number;
  /** The route for this path and method, and its decoded path parameters. */
  readonly route: Route<S> | undefined;
  readonly params: Readonly<Record<string, string>>;
  /** Without a route: the methods this path has routes for. */
  readonly allowed: readonly string[];
  /** This request's id (see `requestId`), and whether the caller chose it. */
  requestId: string;
  requestIdSent: boolean;
  /** The body (or `value`) as the API's schema reads it; input it refuses is the API's 400 naming the problems. */
  read<T extends ZodMiniType>(schema: T, value?: unknown): output<T>;
  /** The query as its schema reads it (see `queryObject`), checked the same way. */
  readQuery<T extends ZodMiniType>(schema: T): output<T>;
}

export type Handler<S> = (call: FakeCall<S>) => unknown;

/** One operation: `pattern` is below the API prefix; `:name` segments capture path parameters. */
export interface Route<S> {
  readonly method: string;
  /** The prefix it lives under (Rule's `/api/v3`); undefined: any of the fake's. */
  readonly prefix: string | undefined;
  readonly parts: readonly string[];
  readonly handle: Handler<S>;
}

/** One step around the handler: answers itself, or calls `next` and may change what comes back. */
export type Middleware<S> = (
  call: FakeCall<S>,
  next: () => Promise<FakeReply>,
) => FakeReply | Promise<FakeReply>;

/** How one API words the answers the kernel gives on its behalf. */
export interface FakeDialect {
  unauthorized(): FakeReply;
  /** No route for the path (`allowed` is empty) or for its method. */
  notFound(call: { method: string; url: URL; allowed: readonly string[] }): FakeReply;
  /** Input the API refuses: a body that is not JSON, or a body or query its schema refuses (`message` says why). */
  invalidBody(message: string): FakeReply;
  /** A body over `maxBodyBytes`. */
  tooLarge(maxBytes: number): FakeReply;
  /** A server failure (a handler that threw, or an injected fault); `detail` says which. */
  failure(status: number, detail: string): FakeReply;
}
