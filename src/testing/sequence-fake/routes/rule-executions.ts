import { route } from '../call.js';
import { notFound } from '../fail.js';
import { createdWithin, cursorPage } from '../pagination.js';
import { queryEnum, requiredQuery } from '../validate.js';
import { executionSummary, executionView } from '../views.js';

export const ruleExecutionRoutes = [
  route('GET', 'rule-executions', ({ state, query }) => {
    const ruleId = requiredQuery(query, 'rule_id');
    const status = queryEnum(query, 'status', ['in_progress', 'executed', 'partial', 'failed']);
    const trigger = queryEnum(query, 'trigger_type', ['manual', 'scheduled', 'on_funds_transferred']);
    const matching = state.executions.filter(
      (e) =>
        e.rule_id === ruleId &&
        (status === undefined || e.status === status) &&
        (trigger === undefined || e.trigger_type === trigger),
    );
    return cursorPage(createdWithin(matching, query), query, executionSummary);
  }),
  route('GET', 'rule-executions/:id', ({ state, params }) => ({
    data: executionView(
      state.executions.find((e) => e.id === params.id) ?? notFound('Rule execution', params.id!),
    ),
  })),
];
