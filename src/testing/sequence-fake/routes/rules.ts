import { zListRulesQuery } from '../../../sequence/generated/v1/zod.gen.js';
import { reply } from '../../kernel/reply.js';
import { isoAt, newId, route } from '../call.js';
import { findRule } from '../lookup.js';
import type { RuleRecord } from '../model.js';
import { readRuleInput } from '../rule-input.js';
import { triggerRule } from '../trigger-rule.js';
import { ruleSourceId, ruleSummary } from '../views.js';

export const ruleRoutes = (settleAfterMs: number) => [
  route('GET', 'rules', ({ state, readQuery }) => {
    const { source_id } = readQuery(zListRulesQuery);
    const rules = state.rules.filter(
      (r) => r.deleted_at === null && (source_id === undefined || ruleSourceId(r) === source_id),
    );
    return { data: rules.map((r) => ruleSummary(state, r)) };
  }),
  route('GET', 'rules/:id', ({ state, params }) => ({ data: findRule(state, params.id!) })),
  route('POST', 'rules', (call) => {
    const created = isoAt(call.now);
    // Always disabled, whatever `status` says: a person enables rules in the Sequence app.
    const rule: RuleRecord = {
      id: newId(call, 'rule'),
      ...readRuleInput(call),
      status: 'disabled',
      is_supported: true,
      created_at: created,
      updated_at: created,
      deleted_at: null,
    };
    call.state.rules.push(rule);
    return reply(201, { data: rule });
  }),
  route('PUT', 'rules/:id', (call) => {
    const rule = findRule(call.state, call.params.id!);
    // A full replacement, and an enabled rule is disabled until a person re-enables it.
    Object.assign(rule, readRuleInput(call), { status: 'disabled', updated_at: isoAt(call.now) });
    return { data: rule };
  }),
  route('DELETE', 'rules/:id', ({ state, params, now }) => {
    // Soft delete: deactivated and hidden, but kept.
    Object.assign(findRule(state, params.id!), { status: 'disabled', deleted_at: isoAt(now) });
    return reply(204);
  }),
  route('POST', 'rules/:id/trigger', (call) => triggerRule(call, settleAfterMs)),
];
