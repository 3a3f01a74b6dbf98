import { PaginationError } from '../../core/errors/pagination-error.js';
import type { NextPage } from '../../core/pagination/page.js';
import type { Operation } from '../operation.js';
import { redactUrl } from '../redact.js';
import { operationUrl } from './page-trail.js';

/**
 * What follows a page whose server-given "next" link is `link`: `null` at the end, the operation that fetches it,
 * or a refusal (`PaginationError`) for a link that is not a URL or leads to another origin, which only following
 * it throws. The link is followed only on the configured origin; any credential it embeds is removed so the
 * client's own auth is applied once, the client's way.
 */
export function nextFromLink(
  link: unknown,
  current: Operation,
  baseUrl: URL,
  credentialParams: readonly string[],
): NextPage {
  if (typeof link !== 'string' || link.trim() === '') return null;
  let url: URL;
  try {
    // Relative to the page that carried it, as a browser resolves a link: `?page=2` keeps that page's path.
    url = new URL(link, operationUrl(current, baseUrl));
  } catch {
    return new PaginationError(`Next page link is not a URL: ${JSON.stringify(redactUrl(link))}`);
  }
  if (url.origin !== baseUrl.origin) {
    return new PaginationError(
      `Refusing to follow a next page link to ${url.origin}: only ${baseUrl.origin} receives this client's credentials`,
    );
  }
  const strip = new Set(credentialParams.map((p) => p.toLowerCase()));
  for (const name of [...url.searchParams.keys()]) {
    if (strip.has(name.toLowerCase())) url.searchParams.delete(name);
  }
  return { method: 'GET', path: url.href, ...(current.schema ? { schema: current.schema } : {}) };
}
