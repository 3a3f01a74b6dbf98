/** The permissions an API key carries, and what each can be limited to (the document's permissions table). */
const PERMISSIONS = {
  READ_ACCOUNTS: 'all accounts or a list of account IDs',
  READ_RULES: 'all rules or a list of rule IDs',
  TRIGGER_RULES: 'all rules or a list of rule IDs',
  READ_TRANSFERS: 'all accounts or a list of account IDs',
  MANUAL_TRANSFER: '{ source, target, max_amount? } entries',
  READ_AUDIT_LOGS: 'the organization',
} as const;

export type SequencePlatformPermission = keyof typeof PERMISSIONS;

/**
 * The `hints` of an operation: a 403 `ACCESS_DENIED` (or one without a code) names the permission the key needs
 * (the operation's `x-required-scope`). The other 403 codes (`RULE_DEACTIVATED`, `INVALID_RULE`,
 * `MAXIMUM_AMOUNT_EXCEEDED`) are refusals a key's permissions cannot change, so they get no such hint.
 */
export function needsPermission(
  permission: SequencePlatformPermission,
  detail: string,
): { 403: (code: string | undefined) => string | undefined } {
  const hint = `this call needs an API key with ${permission} (${PERMISSIONS[permission]}) ${detail}`;
  return { 403: (code) => (code === undefined || code === 'ACCESS_DENIED' ? hint : undefined) };
}
