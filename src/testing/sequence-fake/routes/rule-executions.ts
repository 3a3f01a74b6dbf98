import type { Route } from '../context.js';
import { notFound } from '../fail.js';
import { createdWithin, cursorPage } from '../pagination.js';
import { queryEnum, requiredQuery } from '../validate.js';
import { executionSummary, executionView } from '../views.js';

export const ruleExecutionRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/rule-executions',
    handle: ({ state, query }) => {
      const ruleId = requiredQuery(query, 'rule_id');
      const status = queryEnum(query, 'status', ['in_progress', 'executed', 'partial', 'failed']);
      const trigger = queryEnum(query, 'trigger_type', ['manual', 'scheduled', 'on_funds_transferred']);
      const matching = state.executions.filter(
        (e) =>
          e.rule_id === ruleId &&
          (status === undefined || e.status === status) &&
          (trigger === undefined || e.trigger_type === trigger),
      );
      const page = cursorPage(createdWithin(matching, query), query);
      return { status: 200, data: page.data.map(executionSummary), page_info: page.page_info };
    },
  },
  {
    method: 'GET',
    pattern: '/rule-executions/:id',
    handle: ({ state, params }) => {
      const execution =
        state.executions.find((e) => e.id === params.id) ?? notFound('Rule execution', params.id!);
      return { status: 200, data: executionView(execution) };
    },
  },
];
