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

/** The `hints` of an operation: a 403 names the permission the key needs (the operation's `x-required-scope`). */
export function needsPermission(permission: SequencePlatformPermission, detail: string): { 403: string } {
  return { 403: `this call needs an API key with ${permission} (${PERMISSIONS[permission]}) ${detail}` };
}
