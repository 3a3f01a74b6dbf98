import * as z from 'zod/mini';
import type { APIPromise, PagePromise, RequestOptions } from '../../core/index.js';
import type { SequenceError } from '../errors.js';
import { zGetRuleExecutionResponse, zListRuleExecutionsResponse } from '../generated/v1/zod.gen.js';
import { firstSchema, idPath, idSchema, queryOf, timestampSchema } from '../input.js';
import { SequenceResource } from '../resource.js';
import { needsScope } from '../scopes.js';
import type { RuleExecution, RuleExecutionSummary } from '../types.js';

export interface ListRuleExecutionsParams {
  /** Required by Sequence: executions are listed per rule. */
  rule_id: string;
  status?: 'in_progress' | 'executed' | 'partial' | 'failed';
  trigger_type?: 'manual' | 'scheduled' | 'on_funds_transferred';
  /** Created at or after: a `Date` or an ISO 8601 string with a zone. */
  from?: Date | string;
  /** Created at or before. */
  to?: Date | string;
  /** Page size, at most 100 (Sequence's default is 20). */
  first?: number;
}

const listSchema = z.strictObject({
  rule_id: idSchema,
  status: z.optional(z.enum(['in_progress', 'executed', 'partial', 'failed'])),
  trigger_type: z.optional(z.enum(['manual', 'scheduled', 'on_funds_transferred'])),
  from: timestampSchema,
  to: timestampSchema,
  first: firstSchema,
});

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
        query: queryOf(listSchema, params, 'rule execution filters'),
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
        path: `rule-executions/${idPath(id, 'rule execution id')}`,
        schema: zGetRuleExecutionResponse,
        hints,
      }),
      (body) => body.data,
      options,
    );
  }
}
