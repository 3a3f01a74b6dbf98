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

/** The redactor of a client with no secret to mask: text stays as it is. */
export const keep: Redactor = (text) => text;

/**
 * Secrets shorter than this are refused where they are configured (an API key, a Redis password): masking every
 * occurrence of two or three characters would garble every message, and such a key is a mistake, not a key.
 */
export const MIN_SECRET_LENGTH = 4;

/**
 * Replaces every occurrence of the given secrets in a text, in every form a request or a careless server puts
 * them in: as written, percent-encoded as a URI component or as a form value (`!'()~` and spaces too, as
 * `URLSearchParams` writes a query-auth key; either hex case), and escaped inside a JSON string (`"` and `\`,
 * and `\/` as PHP writes a slash). Parsed values go through `redactValue`, which sees JSON's escapes decoded.
 */
export function createRedactor(secrets: ReadonlyArray<string | undefined>): Redactor {
  const forms = new Set<string>();
  for (const secret of secrets) if (secret) for (const form of writtenForms(secret)) forms.add(form);
  if (forms.size === 0) return keep;
  // Longest first, so a form that contains another is masked whole.
  const alternatives = [...forms].sort((a, b) => b.length - a.length).map(asPattern);
  const pattern = new RegExp(alternatives.join('|'), 'g');
  return (text) => text.replace(pattern, MASK);
}

function writtenForms(secret: string): string[] {
  const json = JSON.stringify(secret).slice(1, -1);
  const form = new URLSearchParams([['', secret]]).toString().slice(1);
  return [secret, encodeURIComponent(secret), form, json, json.replaceAll('/', '\\/')];
}

/** The form as a regular expression, its percent-escapes matching in either hex case. */
function asPattern(form: string): string {
  return form
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replace(
      /%([0-9A-F])([0-9A-F])/g,
      (_, high: string, low: string) => `%[${high}${high.toLowerCase()}][${low}${low.toLowerCase()}]`,
    );
}

/**
 * A copy of a JSON-like value (a parsed body, validation issues, headers) with every string and every key
 * redacted, however deep it nests (walked without recursion). Used for every body and value an error carries.
 * `inPlace` masks the value itself instead, changing only what holds a secret: for a value fresh from `JSON.parse`
 * that nothing else holds yet, where copying a 100-subscriber page would cost several times the walk (measured).
 */
export function redactValue<T>(value: T, redact: Redactor, inPlace = false): T {
  if (typeof value === 'string') return redact(value) as T;
  if (typeof value !== 'object' || value === null) return value;
  const copies = new Map<object, object>();
  const pending: object[] = [];
  const copyOf = (source: object): object => {
    let copy = copies.get(source);
    if (!copy) {
      copy = inPlace ? source : Array.isArray(source) ? new Array(source.length) : {};
      copies.set(source, copy);
      pending.push(source);
    }
    return copy;
  };
  const root = copyOf(value);
  for (let source = pending.pop(); source !== undefined; source = pending.pop()) {
    const target = copies.get(source)!;
    const isArray = Array.isArray(source);
    for (const [key, inner] of Object.entries(source)) {
      const out =
        typeof inner === 'string'
          ? redact(inner)
          : typeof inner === 'object' && inner !== null
            ? copyOf(inner)
            : inner;
      const name = isArray ? key : redact(key);
      if (target === source) {
        if (name === key && out === inner) continue;
        if (name !== key) delete source[key as keyof typeof source];
      }
      // defineProperty: a body's own "__proto__" key stays a key instead of becoming the copy's prototype.
      Object.defineProperty(target, name, {
        value: out,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
  }
  return root as T;
}

/** A JSON string literal, escapes included; unrolled so that it never backtracks. */
const JSON_STRING = /"[^"\\]*(?:\\.[^"\\]*)*"/g;

/**
 * An answer's text masked as `redactValue` masks its parsed value. JSON is masked string by string (keys too), each
 * decoded, redacted and written again where it held a secret; numbers and escapes stay as sent, so the text stays
 * JSON and parses to the masked value, even with a key of digits or one that a string's escapes only seem to spell.
 */
export function redactBodyText(text: string, json: boolean, redact: Redactor): string {
  if (!json) return redact(text);
  return text.replace(JSON_STRING, (literal) => {
    const value: string = JSON.parse(literal);
    const masked = redact(value);
    return masked === value ? literal : JSON.stringify(masked);
  });
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
