import type * as z from 'zod/mini';
import type { APIPromise } from '../../core/api-promise.js';
import type { PagePromise } from '../../core/pagination/page-promise.js';
import type { RequestOptions } from '../../core/request-options.js';
import type { SequencePlatformError } from '../errors.js';
import {
  zGetRuleExecutionPath,
  zGetRuleExecutionResponse,
  zListRuleExecutionsPath,
  zListRuleExecutionsQuery,
  zListRuleExecutionsResponse,
} from '../generated/v1/zod.gen.js';
import { exactWithTimes, idPath, queryOf } from '../input.js';
import { needsPermission } from '../permissions.js';
import { PlatformResource } from '../resource.js';
import type { RuleExecution, RuleExecutionStatus, RuleExecutionSummary } from '../types.js';
import { type WaitOptions, waitForStatus } from '../wait-for.js';

const listSchema = exactWithTimes(zListRuleExecutionsQuery);

/**
 * `rules.executions.list` filters: `status`, `triggerType`, `executionMode` (default `LIVE`; `SIMULATION` for dry
 * runs, `ALL` for both), `from`/`to` (a `Date` or RFC 3339), `page`, `pageSize` (≤ 100).
 */
export type ListRuleExecutionsParams = z.input<typeof listSchema>;

/** Statuses after which an execution does not change, spelled as the document spells them. */
const FINAL: readonly RuleExecutionStatus[] = ['EXECUTED', 'PARTIAL', 'FAILED'];

const hints = needsPermission('READ_RULES', 'including this rule');

/** What happened when a rule ran (`/rules/{ruleId}/executions`). */
export class RuleExecutions extends PlatformResource {
  /** A rule's executions, newest first, page by page. `GET /rules/{ruleId}/executions` */
  list(
    ruleId: string,
    params: ListRuleExecutionsParams = {},
    options?: RequestOptions,
  ): PagePromise<RuleExecutionSummary, SequencePlatformError> {
    return this.paginate<RuleExecutionSummary>(
      () => ({
        method: 'GET',
        path: `rules/${idPath(zListRuleExecutionsPath.shape.ruleId, ruleId, 'rule id')}/executions`,
        query: queryOf(listSchema, params, 'rule execution filters'),
        schema: zListRuleExecutionsResponse,
        hints,
      }),
      options,
    );
  }

  /**
   * One execution with its trigger details, outcome and transfer ids. Right after a trigger it may briefly answer
   * 404 (`waitForExecution` allows for that). `GET /rules/{ruleId}/executions/{id}`
   */
  get(
    ruleId: string,
    id: string,
    options?: RequestOptions,
  ): APIPromise<RuleExecution, SequencePlatformError> {
    return this.call(() => {
      const rule = idPath(zGetRuleExecutionPath.shape.ruleId, ruleId, 'rule id');
      const execution = idPath(zGetRuleExecutionPath.shape.id, id, 'rule execution id');
      return {
        method: 'GET',
        path: `rules/${rule}/executions/${execution}`,
        schema: zGetRuleExecutionResponse,
        hints,
      };
    }, options);
  }

  /**
   * Polls `GET /rules/{ruleId}/executions/{id}` with growing pauses until the execution is `EXECUTED`, `PARTIAL` or
   * `FAILED`, and returns it. A 404 on the id just received counts as "not visible yet" for `notFoundGraceMs`
   * (default 30 s). Throws `WaitTimeoutError` (with the last state seen) after `timeoutMs` (default 5 minutes).
   */
  waitForExecution(
    ruleId: string,
    id: string,
    wait?: WaitOptions,
    options?: RequestOptions,
  ): Promise<RuleExecution> {
    return waitForStatus(`Rule execution ${id}`, (o) => this.get(ruleId, id, o), FINAL, wait, options);
  }
}
