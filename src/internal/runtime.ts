/**
 * Environment variables where a runtime has them (Node, Bun, Deno with --allow-env); `undefined` elsewhere, and
 * `null` when the runtime refuses to read them (Deno without --allow-env throws on access), so a message can say so.
 */
export function readEnv(name: string): string | undefined | null {
  const proc = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process;
  try {
    const value = proc?.env?.[name];
    return value === undefined || value === '' ? undefined : value.trim();
  } catch {
    return null;
  }
}

/** True in a browser page or browser worker; false in Node, Bun, Deno and edge workers. */
export function isBrowser(): boolean {
  const g = globalThis as { window?: { document?: unknown }; navigator?: { userAgent?: string } };
  if (typeof g.window?.document !== 'undefined') return true;
  const scope = (globalThis as { WorkerGlobalScope?: unknown }).WorkerGlobalScope;
  return typeof scope !== 'undefined' && !/Cloudflare-Workers/.test(g.navigator?.userAgent ?? '');
}

/** UTF-8-safe base64 without Node's `Buffer`, so it works in browsers and edge workers. */
export function encodeBase64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  return bytesToBase64(bytes);
}

/** Base64 of raw bytes (attachments). */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  // Chunked so String.fromCharCode's argument list stays far below engine limits.
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/** Inverse of `encodeBase64`. */
export function decodeBase64(base64: string): string {
  const binary = atob(base64);
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}
