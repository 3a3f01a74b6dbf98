import * as z from 'zod/mini';
import type { APIPromise } from '../../core/api-promise.js';
import type { PagePromise } from '../../core/pagination/page-promise.js';
import type { RequestOptions } from '../../core/request-options.js';
import { validateQuery } from '../../internal/validate-input.js';
import type { SequenceError } from '../errors.js';
import {
  zGetRuleExecutionResponse,
  zListRuleExecutionsQuery,
  zListRuleExecutionsResponse,
} from '../generated/v1/zod.gen.js';
import { idCheck, idPath, timestamp } from '../input.js';
import { SequenceResource } from '../resource.js';
import { needsScope } from '../scopes.js';
import type { RuleExecution, RuleExecutionSummary } from '../types.js';

/**
 * `rule_id` (required by Sequence: executions are listed per rule), filters, `from`/`to` as a `Date` or an ISO 8601
 * string with a zone, `first` (page size, at most 100; Sequence's default is 20) and `after` (resumes from a page's
 * `end_cursor`).
 */
const listParams = z.extend(zListRuleExecutionsQuery, {
  rule_id: zListRuleExecutionsQuery.shape.rule_id.check(idCheck),
  from: timestamp(zListRuleExecutionsQuery.shape.from),
  to: timestamp(zListRuleExecutionsQuery.shape.to),
});

export type ListRuleExecutionsParams = z.input<typeof listParams>;

const hints = needsScope('READ_RULE_EXECUTIONS', 'the rule must be in its resources');

/** Rule executions: what happened when a rule ran (`/rule-executions`). */
export class RuleExecutions extends SequenceResource {
  /**
   * A rule's executions, newest first, page by page (cursor `first`/`after`, following `page_info.end_cursor`).
   * `GET /rule-executions`
   */
  list(
    params: ListRuleExecutionsParams,
    options?: RequestOptions,
  ): PagePromise<RuleExecutionSummary, SequenceError> {
    return this.paginate(
      () => ({
        method: 'GET',
        path: 'rule-executions',
        query: validateQuery(listParams, params, 'ruleExecutions.list'),
        schema: zListRuleExecutionsResponse,
        hints,
      }),
      options,
    );
  }

  /**
   * One execution with its trigger details, outcome and transfer ids. Right after a trigger it may briefly answer
   * 404 while Sequence catches up. `GET /rule-executions/{id}`
   */
  get(id: string, options?: RequestOptions): APIPromise<RuleExecution, SequenceError> {
    return this.call(
      () => ({
        method: 'GET',
        path: `rule-executions/${idPath(id, 'id', 'ruleExecutions.get')}`,
        schema: zGetRuleExecutionResponse,
        hints,
      }),
      options,
    );
  }
}
