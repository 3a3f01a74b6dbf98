import * as z from 'zod/mini';
import type { APIPromise, RequestOptions } from '../../core/index.js';
import { validateInput } from '../../core/validate-input.js';
import type { SequenceError } from '../errors.js';
import {
  zCreateRuleBody,
  zGetRuleResponse,
  zListRulesQuery,
  zListRulesResponse,
  zRule,
  zTriggerRuleResponse,
} from '../generated/v1/zod.gen.js';
import { idPath, queryOf } from '../input.js';
import { centsSchema } from '../money.js';
import { SequenceResource } from '../resource.js';
import { needsScope } from '../scopes.js';
import type { DisabledRule, Rule, RuleInput, RuleSummary, TriggerRuleResult } from '../types.js';

/** Created and updated rules come back disabled; anything else contradicts Sequence's docs and is reported. */
const disabledRuleSchema = z.looseObject({
  request_id: z.string(),
  data: z.extend(zRule, { status: z.literal('disabled') }),
});

const triggerSchema = z.strictObject({ manual_execute_amount: z.optional(centsSchema) });

/** The wire body: `status` is always `disabled`, since Sequence leaves new and updated rules disabled anyway. */
function ruleBody(input: RuleInput): unknown {
  return validateInput(zCreateRuleBody, { ...input, status: 'disabled' }, 'rule');
}

/** Rules: what moves money, and when (`/rules`). */
export class Rules extends SequenceResource {
  /** Every rule (summaries), optionally for one source account (not paginated). `GET /rules` */
  list(
    params: { source_id?: string } = {},
    options?: RequestOptions,
  ): APIPromise<RuleSummary[], SequenceError> {
    return this.call(
      () => ({
        method: 'GET',
        path: 'rules',
        query: queryOf(zListRulesQuery, params, 'rule filters'),
        schema: zListRulesResponse,
        hints: needsScope('LIST_RULES'),
      }),
      (body) => body.data,
      options,
    );
  }

  /** One rule with its trigger, steps, conditions and actions. `GET /rules/{id}` */
  get(id: string, options?: RequestOptions): APIPromise<Rule, SequenceError> {
    return this.call(
      () => ({
        method: 'GET',
        path: `rules/${idPath(id, 'rule id')}`,
        schema: zGetRuleResponse,
        hints: needsScope('READ_RULES', 'the rule must be in its resources'),
      }),
      (body) => body.data,
      options,
    );
  }

  /**
   * Creates a rule. It is always created **disabled**: a person must review and enable it in the Sequence app
   * before it can be triggered (the result's type says so). `POST /rules`
   * @beta Sequence lists this endpoint as coming soon.
   */
  create(input: RuleInput, options?: RequestOptions): APIPromise<DisabledRule, SequenceError> {
    return this.call(
      () => ({ method: 'POST', path: 'rules', body: ruleBody(input), schema: disabledRuleSchema }),
      (body) => body.data,
      options,
    );
  }

  /**
   * Replaces a rule's whole configuration (send every field). An enabled rule becomes **disabled** and must be
   * re-enabled in the Sequence app before it can be triggered again. `PUT /rules/{id}`
   * @beta Sequence lists this endpoint as coming soon.
   */
  update(id: string, input: RuleInput, options?: RequestOptions): APIPromise<DisabledRule, SequenceError> {
    return this.call(
      () => ({
        method: 'PUT',
        path: `rules/${idPath(id, 'rule id')}`,
        body: ruleBody(input),
        schema: disabledRuleSchema,
      }),
      (body) => body.data,
      options,
    );
  }

  /** Soft-deletes a rule: deactivated and hidden in the app, not removed. `DELETE /rules/{id}` */
  delete(id: string, options?: RequestOptions): APIPromise<void, SequenceError> {
    return this.call(
      // Documented as an empty answer; any body a server adds (JSON or not) is ignored.
      () => ({ method: 'DELETE', path: `rules/${idPath(id, 'rule id')}`, ignoreBody: true }),
      () => undefined,
      options,
    );
  }

  /**
   * Starts a rule execution now, whatever its trigger type. For MANUAL rules, `manual_execute_amount` (integer
   * cents) overrides the transfer amount. Sent with an idempotency key made once for this call and reused on every
   * retry (or your own `idempotencyKey`), so a retried trigger never runs twice. Poll the result's `execution_id`
   * with `ruleExecutions.get`. `POST /rules/{id}/trigger`
   */
  trigger(
    id: string,
    params: { manual_execute_amount?: number } = {},
    options?: RequestOptions,
  ): APIPromise<TriggerRuleResult, SequenceError> {
    return this.call(
      () => ({
        method: 'POST',
        path: `rules/${idPath(id, 'rule id')}/trigger`,
        body: validateInput(triggerSchema, params, 'trigger'),
        schema: zTriggerRuleResponse,
        hints: needsScope('TRIGGER_RULES', 'the rule must be in its resources'),
      }),
      (body) => body.data,
      options,
    );
  }
}
