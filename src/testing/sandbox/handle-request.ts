import type { IncomingMessage } from 'node:http';
import type { FakeApi } from '../fake-api.js';
import { corsHeaders } from './cors.js';
import { readBody, toRequest } from './node-bridge.js';
import { hostNamesLoopback, ownOrigin } from './own-origin.js';

/** How one sandbox server answers, besides what its fake does. */
export interface SandboxPolicy {
  /** Answer only requests whose `Host` names loopback (the sandbox listens on loopback only). */
  loopbackOnly: boolean;
  allowsOrigin: (origin: string) => boolean;
  maxBodyBytes: number;
}

const refusal = (status: number, error: string, message: string, headers: Record<string, string> = {}) =>
  Response.json({ error, message }, { status, headers });

/**
 * One request to the sandbox: refused when its `Host` or `Origin` is not allowed (before the body is read, so a
 * refused cross-origin POST reaches no fake), 413 when its body passes the cap, else the fake's answer with CORS
 * headers for an allowed origin. Preflights are answered here.
 */
export async function handleRequest(
  req: IncomingMessage,
  fake: FakeApi,
  policy: SandboxPolicy,
): Promise<Response> {
  if (policy.loopbackOnly && !hostNamesLoopback(req)) {
    return refusal(
      403,
      'host_not_allowed',
      `This sandbox answers loopback host names only, not ${req.headers.host}`,
    );
  }
  const { origin } = req.headers;
  if (origin !== undefined && !policy.allowsOrigin(origin)) {
    return refusal(
      403,
      'origin_not_allowed',
      `Requests from ${origin} are refused; start the sandbox with --cors-origin ${origin} to allow them`,
    );
  }
  const cors =
    origin === undefined
      ? {}
      : corsHeaders(
          origin,
          req.headers['access-control-request-private-network'] === 'true',
          req.headers['access-control-request-headers'],
        );
  if (req.method === 'OPTIONS') return new Response(null, { status: 204, headers: cors });

  const body = await readBody(req, policy.maxBodyBytes);
  if (body === undefined) {
    const mib = Math.round((policy.maxBodyBytes / 2 ** 20) * 100) / 100;
    return refusal(413, 'RequestEntityTooLarge', `Request bodies are limited to ${mib} MiB`, cors);
  }
  const answer = await fake.fetch(toRequest(req, ownOrigin(req), body));
  // A copy: the fake's own Response may have immutable headers.
  const response = new Response(answer.body, answer);
  for (const [name, value] of Object.entries(cors)) response.headers.set(name, value);
  return response;
}
