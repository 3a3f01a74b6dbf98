import type { Route } from '../context.js';
import { accountRoutes } from './accounts.js';
import { cardRoutes } from './cards.js';
import { ruleExecutionRoutes } from './rule-executions.js';
import { ruleRoutes } from './rules.js';
import { transferRoutes } from './transfers.js';

/** The 18 operations of Sequence API v1. */
export const sequenceRoutes: readonly Route[] = [
  ...accountRoutes,
  ...ruleRoutes,
  ...ruleExecutionRoutes,
  ...transferRoutes,
  ...cardRoutes,
];
