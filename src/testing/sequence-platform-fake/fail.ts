import { reply } from '../kernel/reply.js';
import type { PlatformFakeKey, PlatformFakePermission } from './model.js';

/** The Platform's error answer: `{error: {code, message}}`. */
export const platformError = (status: number, code: string, message: string) =>
  reply(status, { error: { code, message } });

/** Stops the handler with an error answer. */
export function fail(status: number, code: string, message: string): never {
  return platformError(status, code, message).throw();
}

/** 400 INVALID_PARAMETERS. */
export function invalid(message: string): never {
  return fail(400, 'INVALID_PARAMETERS', message);
}

/** 403 ACCESS_DENIED, in the document's words. */
export function denied(): never {
  return fail(403, 'ACCESS_DENIED', 'API key does not have required permissions to access this resource');
}

/** 404 `<ENTITY>_NOT_FOUND`: absent, or not visible to this key. */
export function notFound(code: string, entity: string): never {
  return fail(404, code, `${entity} does not exist or you don't have access to it`);
}

type Name = PlatformFakePermission['permission'];

/** The key's entry for a permission, or 403 ACCESS_DENIED. */
export function entry(key: PlatformFakeKey, name: Name): PlatformFakePermission {
  return key.permissions.find((p) => p.permission === name) ?? denied();
}

/** Whether the key's permission covers a resource id (`*` covers all). */
export function covers(key: PlatformFakeKey, name: Name, id: string | null | undefined): boolean {
  const resources = key.permissions.find((p) => p.permission === name)?.resources;
  return resources === '*' || (Array.isArray(resources) && resources.some((r) => r === id));
}

/** 403 ACCESS_DENIED unless the key's permission covers every id. */
export function requireAll(key: PlatformFakeKey, name: Name, ids: readonly string[]): void {
  entry(key, name);
  if (!ids.every((id) => covers(key, name, id))) denied();
}

/**
 * A manual transfer needs a `MANUAL_TRANSFER` entry whose `source` and `target` are the two accounts (or `*`); over
 * that entry's `max_amount` is 403 MAXIMUM_AMOUNT_EXCEEDED.
 */
export function requireTransfer(key: PlatformFakeKey, source: string, target: string, amount: number): void {
  const { resources } = entry(key, 'MANUAL_TRANSFER');
  if (resources === '*') return;
  const match = (resources as Array<{ source: string; target: string; max_amount?: number }>).find(
    (r) => r.source === source && r.target === target,
  );
  if (!match) denied();
  if (match.max_amount !== undefined && amount > match.max_amount) {
    fail(
      403,
      'MAXIMUM_AMOUNT_EXCEEDED',
      `Transfer amount exceeds the maximum allowed amount of ${match.max_amount}`,
    );
  }
}
