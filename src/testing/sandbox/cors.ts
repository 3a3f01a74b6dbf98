import { ConfigurationError } from '../../core/errors/configuration-error.js';

/** The browser origins allowed when none are named: pages served from this machine, on any port. */
export const LOOPBACK_ORIGINS: readonly string[] = [
  'http://localhost:*',
  'http://127.0.0.1:*',
  'http://[::1]:*',
];

const ALLOWED = {
  'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
  'access-control-allow-headers':
    'authorization, content-type, idempotency-key, x-request-id, x-called-reason',
  'access-control-expose-headers':
    'x-request-id, retry-after, x-ratelimit-limit, x-ratelimit-remaining, requestscount-allowed, requestscount-current, ' +
    'x-errorpercent-limit, x-errorpercent-current, idempotent-replayed',
  'access-control-max-age': '600',
};

/** `http://localhost:5173` exactly, `http://localhost:*` on any port, or `*` for every origin. */
function originMatcher(pattern: string): (origin: URL) => boolean {
  if (pattern === '*') return () => true;
  const anyPort = pattern.endsWith(':*');
  const text = anyPort ? pattern.slice(0, -2) : pattern;
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {}
  // An origin is scheme, host and port only: `http://localhost:5173/app` is a mistake, not an origin.
  const isOrigin =
    url !== undefined &&
    url.origin !== 'null' &&
    !url.hostname.includes('*') &&
    url.pathname === '/' &&
    !url.search &&
    !url.hash &&
    !url.username &&
    !url.password &&
    !(anyPort && url.port);
  if (!url || !isOrigin) {
    throw new ConfigurationError(
      `A CORS origin is "scheme://host[:port]", "scheme://host:*" (any port) or "*", got ${JSON.stringify(pattern)}`,
    );
  }
  const { protocol, hostname, origin } = url;
  return anyPort
    ? (candidate) => candidate.protocol === protocol && candidate.hostname === hostname
    : (candidate) => candidate.origin === origin;
}

/** Whether a request's `Origin` may call the sandbox, for a list of origin patterns (see `originMatcher`). */
export function originPolicy(patterns: readonly string[]): (origin: string) => boolean {
  const matchers = patterns.map(originMatcher);
  return (origin) => {
    let url: URL;
    try {
      url = new URL(origin);
    } catch {
      return false; // `null` (sandboxed frames, file://) and anything else that names no origin
    }
    return matchers.some((matches) => matches(url));
  };
}

/** Header names as HTTP spells them (a token), so a preflight's list is echoed only when it is one. */
const HEADER_NAMES = /^[!#$%&'*+.^_`|~0-9a-z-]+(?:\s*,\s*[!#$%&'*+.^_`|~0-9a-z-]+)*$/i;

/**
 * The CORS headers that let a page on `origin` (already allowed) read the answer. `privateNetwork`: Chrome asked
 * whether a public page may reach this loopback server (it may, when the user named its origin).
 * `requestedHeaders`: a preflight's `Access-Control-Request-Headers`, allowed as well, since the origin is trusted
 * and a client may send headers of its own (`defaultHeaders`, `extraHeaders`, a tracing hook's).
 */
export function corsHeaders(
  origin: string,
  privateNetwork: boolean,
  requestedHeaders?: string,
): Record<string, string> {
  const requested = requestedHeaders?.trim();
  const allowHeaders = ALLOWED['access-control-allow-headers'];
  return {
    ...ALLOWED,
    'access-control-allow-headers':
      requested && HEADER_NAMES.test(requested)
        ? `${allowHeaders}, ${requested.toLowerCase()}`
        : allowHeaders,
    'access-control-allow-origin': origin,
    vary: 'Origin',
    ...(privateNetwork ? { 'access-control-allow-private-network': 'true' } : {}),
  };
}
