import type { FakeCall, Middleware } from '../fake-call.js';
import { reply } from '../reply.js';

/** Adds an API's documented headers to every answer that passes through (a header the answer has wins). */
export const documentedHeaders =
  <S>(headers: (call: FakeCall<S>) => Record<string, string>): Middleware<S> =>
  async (call, next) => {
    const answer = await next();
    return answer.withHeaders({ ...headers(call), ...answer.headers });
  };

/** Gives each request an id, the caller's `header` when sent, else a made one, and echoes it in `header`. */
export const requestId =
  <S>(header: string, make: (call: FakeCall<S>) => string): Middleware<S> =>
  async (call, next) => {
    const sent = call.headers.get(header);
    call.requestIdSent = Boolean(sent);
    call.requestId = sent || make(call);
    const answer = await next();
    return answer.withHeaders({ [header]: call.requestId, ...answer.headers });
  };

/** Wraps the body of every success (that has one) in the API's envelope. */
export const envelope =
  <S>(wrap: (body: unknown, call: FakeCall<S>) => unknown): Middleware<S> =>
  async (call, next) => {
    const answer = await next();
    const { status, body, headers } = answer;
    return status < 300 && body !== undefined ? reply(status, wrap(body, call), headers) : answer;
  };
