/** A fresh UUID v4 idempotency key; `crypto.randomUUID` exists in Node 22+, browsers, Deno, Bun and workerd. */
export function newIdempotencyKey(): string {
  return globalThis.crypto.randomUUID();
}
