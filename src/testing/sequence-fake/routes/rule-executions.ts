import { zListRuleExecutionsQuery } from '../../../sequence/generated/v1/zod.gen.js';
import { matches } from '../../kernel/listing.js';
import { route } from '../call.js';
import { byId } from '../lookup.js';
import { cursorPage } from '../pagination.js';
import { executionSummary, wireView } from '../views.js';

export const ruleExecutionRoutes = [
  route('GET', 'rule-executions', ({ state, readQuery }) => {
    const query = readQuery(zListRuleExecutionsQuery);
    const { rule_id, status, trigger_type } = query;
    const matching = state.executions.filter((e) => matches(e, { rule_id, status, trigger_type }));
    return cursorPage(matching, query, executionSummary);
  }),
  route('GET', 'rule-executions/:id', ({ state, params }) => ({
    data: wireView(byId(state.executions, params.id!, 'Rule execution')),
  })),
];
