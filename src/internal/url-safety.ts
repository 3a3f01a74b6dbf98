import { ConfigurationError } from '../core/errors/configuration-error.js';

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

export function isLoopback(url: URL): boolean {
  return LOOPBACK.test(url.hostname);
}

/**
 * Parses a base URL and refuses plain `http://` off loopback unless explicitly allowed. `source` names where the URL
 * came from in messages (the option, or an environment variable such as `RULE_BASE_URL`).
 */
export function checkBaseUrl(baseUrl: string, allowInsecureHttp: boolean, source: string): URL {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new ConfigurationError(`${source} is not an absolute URL: ${JSON.stringify(baseUrl)}`);
  }
  if (url.username || url.password) {
    throw new ConfigurationError(`${source} must not carry credentials; pass apiKey instead`);
  }
  // Paths are joined under the base URL's path: a query or fragment there would either be dropped with the last
  // path segment or end up in the middle of every URL. Per-call parameters go in `query` or `extraQuery`.
  if (url.search || url.hash || /[?#]/.test(baseUrl)) {
    throw new ConfigurationError(
      `${source} must not have a query string or fragment: ${url.origin}${url.pathname} is the form it takes`,
    );
  }
  if (url.protocol === 'https:') return url;
  if (url.protocol === 'http:' && (isLoopback(url) || allowInsecureHttp)) return url;
  throw new ConfigurationError(
    `Refusing ${source} ${url.protocol}//${url.host}: the API key would travel unencrypted. Use https, or set allowInsecureHttp: true.`,
  );
}

/** Joins a path onto the base URL without dropping the base's own path (`/api/v2`), as ky's `prefix` does. */
export function joinUrl(base: URL, path: string): URL {
  const root = base.href.endsWith('/') ? base.href : `${base.href}/`;
  return new URL(path.replace(/^\/+/, ''), root);
}

export function sameOrigin(a: URL, b: URL): boolean {
  return a.origin === b.origin;
}
