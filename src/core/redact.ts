const MASK = '***';
/** Query parameters whose values are credentials wherever they appear (Rule accepts `?apikey=`). */
const SECRET_PARAMS = new Set(['apikey', 'api_key', 'access_token', 'token', 'key']);

/** A URL with credential query values and userinfo masked; safe to log or put on an error. */
export function redactUrl(input: string | URL): string {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return String(input).replace(/([?&](?:apikey|api_key|access_token|token|key)=)[^&#]*/gi, `$1${MASK}`);
  }
  if (url.password) url.password = MASK;
  for (const name of [...url.searchParams.keys()]) {
    if (SECRET_PARAMS.has(name.toLowerCase())) url.searchParams.set(name, MASK);
  }
  // URLSearchParams percent-encodes the mask; keep it readable.
  return url.href.replaceAll(encodeURIComponent(MASK), MASK);
}

export type Redactor = (text: string) => string;

/** Replaces every occurrence of the given secrets (raw and percent-encoded) in a text. */
export function createRedactor(secrets: ReadonlyArray<string | undefined>): Redactor {
  const variants = new Set<string>();
  for (const secret of secrets) {
    if (!secret || secret.length < 4) continue;
    variants.add(secret);
    variants.add(encodeURIComponent(secret));
  }
  const ordered = [...variants].sort((a, b) => b.length - a.length);
  return (text) => {
    let out = text;
    for (const secret of ordered) out = out.replaceAll(secret, MASK);
    return out;
  };
}

/**
 * A copy of an error chain with redacted messages and only name, message and `code` kept. Raw fetch errors
 * can hold the outgoing `Request`, headers included, so they never become a public `cause` themselves.
 */
export function sanitizeCause(error: unknown, redact: Redactor, depth = 0): Error | undefined {
  if (error === undefined || error === null || depth > 4) return undefined;
  const source = error instanceof Error ? error : new Error(String(error));
  const copy = new Error(redact(source.message), { cause: sanitizeCause(source.cause, redact, depth + 1) });
  copy.name = source.name;
  copy.stack = `${copy.name}: ${copy.message}`;
  const code = (source as { code?: unknown }).code;
  if (typeof code === 'string' || typeof code === 'number') Object.assign(copy, { code });
  return copy;
}
