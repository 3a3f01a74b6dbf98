import { ConfigurationError } from '../core/errors/configuration-error.js';
import type { QueryValue } from '../core/raw-request.js';
import { refuseAuthName } from './auth.js';
import { checkPath, checkQueryValue } from './check-request.js';
import type { Operation } from './operation.js';
import { sameOrigin } from './url-safety.js';

/** Where ky sends an operation: its input (a path under ky's `prefix`, or an absolute URL) and query parameters. */
export interface RequestTarget {
  input: string | URL;
  searchParams: Array<[string, string]>;
}

/**
 * The input and query for one call. A relative path is checked (it cannot leave the base path) and ky puts it under
 * the base URL; an absolute URL (a server-given next link) must be on the base URL's origin. `extraQuery` joins the
 * documented query, replacing a parameter of the same name; `authParam` (query auth) cannot be set by either.
 */
export function requestTarget(
  op: Operation<unknown>,
  baseUrl: URL,
  extraQuery: Record<string, QueryValue> | undefined,
  authParam: string | undefined,
): RequestTarget {
  let input: string | URL;
  if (/^https?:\/\//i.test(op.path)) {
    input = new URL(op.path);
    // Defence in depth: pagination already refuses foreign links before they get here.
    if (!sameOrigin(input, baseUrl))
      throw new ConfigurationError(`Refusing to send credentials to ${input.origin}`);
  } else {
    checkPath(op.path);
    input = op.path;
  }
  if (extraQuery) refuseAuthName(extraQuery, authParam, 'extraQuery');
  const searchParams: Array<[string, string]> = [];
  for (const [name, value] of Object.entries({ ...op.query, ...extraQuery })) {
    if (value === undefined || value === null) continue;
    checkQueryValue(name, value);
    if (Array.isArray(value)) for (const item of value) searchParams.push([name, String(item)]);
    else searchParams.push([name, String(value)]);
  }
  return { input, searchParams };
}
