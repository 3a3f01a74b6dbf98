import { PaginationError } from '../errors/pagination-error.js';
import { redactUrl } from '../redact.js';
import type { Operation } from '../transport.js';

/**
 * The operation behind a server-given "next" link, or `null` at the end. The link is followed only on the configured
 * origin; any credential it embeds is removed so the client's own auth is applied once, the client's way.
 */
export function nextFromLink(
  link: unknown,
  current: Operation,
  baseUrl: URL,
  credentialParams: readonly string[],
): Operation | null {
  if (typeof link !== 'string' || link.trim() === '') return null;
  let url: URL;
  try {
    url = new URL(link, baseUrl);
  } catch {
    throw new PaginationError(`Next page link is not a URL: ${JSON.stringify(redactUrl(link))}`);
  }
  if (url.origin !== baseUrl.origin) {
    throw new PaginationError(
      `Refusing to follow a next page link to ${url.origin}: only ${baseUrl.origin} receives this client's credentials`,
    );
  }
  const strip = new Set(credentialParams.map((p) => p.toLowerCase()));
  for (const name of [...url.searchParams.keys()]) {
    if (strip.has(name.toLowerCase())) url.searchParams.delete(name);
  }
  if (url.href === currentUrl(current, baseUrl)) {
    throw new PaginationError('Next page link repeats the current page; stopping to avoid an endless loop');
  }
  return { method: 'GET', path: url.href, ...(current.schema ? { schema: current.schema } : {}) };
}

function currentUrl(op: Operation, baseUrl: URL): string | undefined {
  return /^https?:\/\//i.test(op.path) ? new URL(op.path, baseUrl).href : undefined;
}
