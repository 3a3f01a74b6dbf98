import { accountRoutes } from './accounts.js';
import { cardRoutes } from './cards.js';
import { ruleExecutionRoutes } from './rule-executions.js';
import { ruleRoutes } from './rules.js';
import { transferRoutes } from './transfers.js';

/** The 18 operations of Sequence API v1; transfers stay `processing` for `settleAfterMs`. */
export const sequenceRoutes = (settleAfterMs: number) => [
  ...accountRoutes,
  ...ruleRoutes(settleAfterMs),
  ...ruleExecutionRoutes,
  ...transferRoutes(settleAfterMs),
  ...cardRoutes,
];
