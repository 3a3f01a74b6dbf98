import { denied, fail } from './fail.js';
import type { PlatformFakeKey, PlatformFakePermission } from './model.js';

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
