import { isoAt, type Route } from '../context.js';
import { findRule } from '../lookup.js';
import type { RuleRecord } from '../model.js';
import { readRuleInput } from '../rule-input.js';
import { triggerRule } from '../trigger-rule.js';
import { ruleSourceId, ruleSummary } from '../views.js';

export const ruleRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/rules',
    handle: ({ state, query }) => {
      const sourceId = query.get('source_id');
      const rules = state.rules.filter(
        (r) => r.deleted_at === null && (sourceId === null || ruleSourceId(r) === sourceId),
      );
      return { status: 200, data: rules.map((r) => ruleSummary(state, r)) };
    },
  },
  {
    method: 'GET',
    pattern: '/rules/:id',
    handle: ({ state, params }) => ({ status: 200, data: findRule(state, params.id!) }),
  },
  {
    method: 'POST',
    pattern: '/rules',
    handle: (ctx) => {
      const created = isoAt(ctx.now);
      // Always disabled, whatever `status` says: a person enables rules in the Sequence app.
      const rule: RuleRecord = {
        id: ctx.newId('rule'),
        ...readRuleInput(ctx),
        status: 'disabled',
        is_supported: true,
        created_at: created,
        updated_at: created,
        deleted_at: null,
      };
      ctx.state.rules.push(rule);
      return { status: 201, data: rule };
    },
  },
  {
    method: 'PUT',
    pattern: '/rules/:id',
    handle: (ctx) => {
      const rule = findRule(ctx.state, ctx.params.id!);
      // A full replacement, and an enabled rule is disabled until a person re-enables it.
      Object.assign(rule, readRuleInput(ctx), { status: 'disabled', updated_at: isoAt(ctx.now) });
      return { status: 200, data: rule };
    },
  },
  {
    method: 'DELETE',
    pattern: '/rules/:id',
    handle: ({ state, params, now }) => {
      // Soft delete: deactivated and hidden, but kept.
      Object.assign(findRule(state, params.id!), { status: 'disabled', deleted_at: isoAt(now) });
      return { status: 204 };
    },
  },
  { method: 'POST', pattern: '/rules/:id/trigger', handle: triggerRule },
];
