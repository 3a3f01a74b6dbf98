/** Sequence's API key scopes, and which resources each can be limited to (from its docs' scope table). */
const SCOPES = {
  LIST_ACCOUNTS: 'no resource limit',
  READ_ACCOUNTS: 'account IDs or *',
  LIST_RULES: 'no resource limit',
  READ_RULES: 'rule IDs or *',
  TRIGGER_RULES: 'rule IDs or *',
  READ_RULE_EXECUTIONS: 'rule IDs or *',
  READ_TRANSFERS: 'account IDs or *',
  MANUAL_TRANSFER: '{ source, target, max_amount? } sets',
  READ_CARDS: 'account IDs or *',
} as const;

export type Scope = keyof typeof SCOPES;

/** The `hints` of an operation: a 403 names the scope the key needs. */
export function needsScope(scope: Scope, detail = ''): { 403: string } {
  return {
    403: `this call needs an API key with scope ${scope} (${SCOPES[scope]})${detail ? `; ${detail}` : ''}`,
  };
}
