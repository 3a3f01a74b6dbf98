import type * as z from 'zod/mini';
import type { APIPromise } from '../../core/api-promise.js';
import type { PagePromise } from '../../core/pagination/page-promise.js';
import type { RequestOptions } from '../../core/request-options.js';
import type { Transport } from '../../internal/transport.js';
import type { SequencePlatformError } from '../errors.js';
import {
  zGetRulePath,
  zGetRuleResponse,
  zListRulesQuery,
  zListRulesResponse,
  zTriggerRuleBody,
  zTriggerRulePath,
  zTriggerRuleResponse,
} from '../generated/v1/zod.gen.js';
import { bodyOf, exact, idPath, queryOf } from '../input.js';
import { needsPermission } from '../permissions.js';
import { PlatformResource } from '../resource.js';
import type { Rule, RuleSummary, TriggerRuleResult } from '../types.js';
import { RuleExecutions } from './rule-executions.js';

const listSchema = exact(zListRulesQuery);
const triggerSchema = exact(zTriggerRuleBody);

/** `rules.list` filters: `sourceId` (the source account), `page`, `pageSize` (≤ 100). */
export type ListRulesParams = z.input<typeof listSchema>;

/**
 * The body of `rules.trigger`: `executeAmount` (whole cents, ≥ 0: the incoming amount that amount-derived actions and
 * `TRANSFER_AMOUNT` conditions see; fixed-amount actions ignore it) and `simulation` (`true`: a dry run that moves
 * no money).
 */
export type TriggerRuleBody = z.input<typeof triggerSchema>;

/** Rules: the money flows set up in Sequence's dashboard (`/rules`). */
export class Rules extends PlatformResource {
  /** A rule's executions (`/rules/{ruleId}/executions`). */
  readonly executions: RuleExecutions;

  constructor(transport: Transport) {
    super(transport);
    this.executions = new RuleExecutions(transport);
  }

  /** The organization's rules (summaries; `isSupported: false` ones cannot be read whole), page by page. `GET /rules` */
  list(
    params: ListRulesParams = {},
    options?: RequestOptions,
  ): PagePromise<RuleSummary, SequencePlatformError> {
    return this.paginate<RuleSummary>(
      () => ({
        method: 'GET',
        path: 'rules',
        query: queryOf(listSchema, params, 'rule filters'),
        schema: zListRulesResponse,
        hints: needsPermission('READ_RULES', 'listing the rules'),
      }),
      options,
    );
  }

  /** One rule with its trigger, steps, conditions and actions. `GET /rules/{id}` */
  get(id: string, options?: RequestOptions): APIPromise<Rule, SequencePlatformError> {
    return this.call(
      () => ({
        method: 'GET',
        path: `rules/${idPath(zGetRulePath.shape.id, id, 'rule id')}`,
        schema: zGetRuleResponse,
        hints: needsPermission('READ_RULES', 'including this rule'),
      }),
      options,
    );
  }

  /**
   * Runs a rule now, whatever its trigger, and answers at once (202) with the execution to follow
   * (`rules.executions.waitForExecution`). `{ simulation: true }` is a dry run: the execution and its transfers are
   * marked `SIMULATION` and no money moves. Sent with an idempotency key made once for this call and reused on every
   * retry (or your own `idempotencyKey`, 1-36 of `A-Za-z0-9._:/|-`), so a retried trigger runs once; a
   * `409 RULE_EXECUTION_IN_PROGRESS` (the first attempt still running) is retried with the same key after a pause.
   * `POST /rules/{id}/trigger`
   */
  trigger(
    id: string,
    body: TriggerRuleBody = {},
    options?: RequestOptions,
  ): APIPromise<TriggerRuleResult, SequencePlatformError> {
    return this.call(
      () => ({
        method: 'POST',
        path: `rules/${idPath(zTriggerRulePath.shape.id, id, 'rule id')}/trigger`,
        body: bodyOf(triggerSchema, body, 'trigger'),
        schema: zTriggerRuleResponse,
        hints: needsPermission('TRIGGER_RULES', 'including this rule'),
      }),
      options,
    );
  }
}
