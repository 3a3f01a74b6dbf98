import { DEFAULT_MAX_BODY_BYTES, type FakeApi, type FakeOptions } from '../fake-api.js';
import type { FakeCall, FakeDialect, Middleware, Route } from './fake-call.js';
import { bodyCap, NOT_JSON } from './middleware/guards.js';
import { faults, latency, NetworkFault } from './middleware/simulation.js';
import { parseRequest } from './parse-request.js';
import { queryObject, readInput } from './read-input.js';
import { FakeReply } from './reply.js';
import { matchRoute } from './route.js';

/** One API: its route table, its state, and the middleware that makes it answer like the vendor. */
export interface FakeDefinition<S> {
  readonly name: string;
  readonly apiKey: string;
  readonly prefixes: readonly string[];
  /** A fresh state: what the fake starts with and what reset() restores. */
  initialState(): S;
  readonly routes: readonly Route<S>[];
  /** The API's own middleware, outermost first; the route's handler runs inside the last. */
  readonly middleware: readonly Middleware<S>[];
  readonly dialect: FakeDialect;
  /** Brings time-driven state up to date (settling, scheduled sends), before each handler and each read of `state`. */
  advance?(state: S, now: number): void;
}

/**
 * A fake from its definition. Each request runs latency, faults and the body cap, then the API's middleware, then
 * its route's handler (or the API's 404, or its 400 for a body that is not JSON). A reply thrown at any depth
 * answers from there; anything else thrown is the API's 500.
 */
export function createFake<S extends object>(
  definition: FakeDefinition<S>,
  options: FakeOptions,
): FakeApi<S> {
  const { dialect, prefixes } = definition;
  const now = options.now ?? Date.now;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const state = definition.initialState();
  const serials = new Map<string, number>();
  const serial = (kind: string) => serials.set(kind, (serials.get(kind) ?? 0) + 1).get(kind)!;
  const handle: Middleware<S> = (call) => {
    if (!call.route) return dialect.notFound(call);
    if (call.bodyError) return dialect.invalidBody(NOT_JSON);
    definition.advance?.(state, call.now);
    const result = call.route.handle(call);
    return result instanceof FakeReply ? result : new FakeReply(200, result);
  };
  const chain = [
    latency<S>(options.latencyMs),
    faults<S>(options.faults, dialect),
    bodyCap<S>(maxBodyBytes, dialect),
    ...definition.middleware,
    handle,
  ];
  async function run(index: number, call: FakeCall<S>): Promise<FakeReply> {
    try {
      return await chain[index]!(call, () => run(index + 1, call));
    } catch (error) {
      if (error instanceof FakeReply) return error;
      if (error instanceof NetworkFault || call.signal.aborted) throw error;
      return dialect.failure(500, `The fake failed: ${String(error)}`);
    }
  }

  return {
    name: definition.name,
    apiKey: definition.apiKey,
    pathPrefixes: prefixes,
    get state() {
      definition.advance?.(state, now());
      return state;
    },
    reset() {
      for (const key of Object.keys(state)) delete (state as Record<string, unknown>)[key];
      Object.assign(state, definition.initialState());
      serials.clear();
    },
    async fetch(request) {
      const parsed = await parseRequest(request, prefixes, maxBodyBytes);
      const match = matchRoute(definition.routes, parsed.prefix, parsed.method, parsed.segments);
      const refuse = (message: string) => dialect.invalidBody(message).throw();
      const call: FakeCall<S> = {
        ...parsed,
        ...match,
        state,
        now: now(),
        serial,
        requestId: '',
        requestIdSent: false,
        read: (schema, value = parsed.body) => readInput(schema, value, refuse),
        readQuery: (schema) => readInput(schema, queryObject(parsed.query, schema), refuse),
      };
      return (await run(0, call)).toResponse();
    },
  };
}
