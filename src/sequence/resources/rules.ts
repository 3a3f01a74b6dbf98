import * as z from 'zod/mini';
import type { APIPromise } from '../../core/api-promise.js';
import type { RequestOptions } from '../../core/request-options.js';
import { refineField, withElement } from '../../internal/refine-field.js';
import { validateInput, validateQuery } from '../../internal/validate-input.js';
import type { SequenceError } from '../errors.js';
import {
  zCreateRuleBody,
  zGetRuleResponse,
  zListRulesQuery,
  zListRulesResponse,
  zRule,
  zRuleAction,
  zRuleStep,
  zTransferCap,
  zTriggerRuleBody,
  zTriggerRuleResponse,
} from '../generated/v1/zod.gen.js';
import { idCheck, idPath } from '../input.js';
import { cents } from '../money.js';
import { SequenceResource } from '../resource.js';
import { needsScope } from '../scopes.js';
import type { Rule, RuleSummary, TriggerRuleResult } from '../types.js';

/** Created and updated rules come back disabled; anything else contradicts Sequence's docs and is reported. */
const disabledRuleSchema = z.looseObject({
  request_id: z.string(),
  data: z.extend(zRule, { status: z.literal('disabled') }),
});

/**
 * Whatever else an answer of another shape holds, a rule it shows (in the envelope, or in place of it) is disabled:
 * an enabled one would move money before anyone reviewed it, a safety violation rather than another acknowledgement.
 */
const disabled = { status: z.optional(z.literal('disabled')) };
const showsNoEnabledRule = z.looseObject({ ...disabled, data: z.optional(z.looseObject(disabled)) });

/** A cap's `amount_in_cents` is integer cents, whole, positive and a safe integer, like every amount. */
const transferCap = z.extend(zTransferCap, {
  amount_in_cents: z.optional(cents(zTransferCap.shape.amount_in_cents.def.innerType)),
});

/** An action's `amount_in_cents` (and its cap's) is integer cents like every amount; `null` stays allowed. */
const ruleAction = z.extend(zRuleAction, {
  amount_in_cents: z.nullish(cents(zRuleAction.shape.amount_in_cents.def.innerType.def.innerType)),
  limit: z.nullish(transferCap),
});

const ruleStep = z.extend(zRuleStep, {
  actions: z.optional(withElement(zRuleStep.shape.actions.def.innerType, ruleAction)),
});

/**
 * A rule's configuration. `status` may be left out: the SDK always sends `disabled`, since Sequence leaves every
 * created or updated rule disabled whatever `status` says (a person enables it in the Sequence app).
 */
const ruleInput = z.extend(zCreateRuleBody, {
  status: z.optional(zCreateRuleBody.shape.status),
  steps: withElement(zCreateRuleBody.shape.steps, ruleStep),
});

/** For MANUAL rules, `manual_execute_amount` (integer cents) overrides the transfer amount. */
const triggerParams = z.extend(zTriggerRuleBody, {
  manual_execute_amount: z.optional(cents(zTriggerRuleBody.shape.manual_execute_amount.def.innerType)),
});

const listParams = z.extend(zListRulesQuery, {
  source_id: refineField(zListRulesQuery.shape.source_id, idCheck),
});

export type RuleInput = z.input<typeof ruleInput>;
/** What `rules.create`/`rules.update` return: Sequence leaves every created or updated rule disabled. */
export type DisabledRule = z.output<typeof disabledRuleSchema>['data'];
export type TriggerRuleParams = z.input<typeof triggerParams>;
export type ListRulesParams = z.input<typeof listParams>;

/** The wire body: the rule, validated, with `status: 'disabled'`. */
function ruleBody(input: unknown, context: string): unknown {
  return { ...validateInput(ruleInput, input, context), status: 'disabled' };
}

/** Rules: what moves money, and when (`/rules`). */
export class Rules extends SequenceResource {
  /** Every rule (summaries), optionally for one source account (not paginated). `GET /rules` */
  list(params: ListRulesParams = {}, options?: RequestOptions): APIPromise<RuleSummary[], SequenceError> {
    return this.call(
      () => ({
        method: 'GET',
        path: 'rules',
        query: validateQuery(listParams, params, 'rules.list'),
        schema: zListRulesResponse,
        hints: needsScope('LIST_RULES'),
      }),
      options,
    );
  }

  /** One rule with its trigger, steps, conditions and actions. `GET /rules/{id}` */
  get(id: string, options?: RequestOptions): APIPromise<Rule, SequenceError> {
    return this.call(
      () => ({
        method: 'GET',
        path: `rules/${idPath(id, 'id', 'rules.get')}`,
        schema: zGetRuleResponse,
        hints: needsScope('READ_RULES', 'the rule must be in its resources'),
      }),
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
      () => ({
        method: 'POST',
        path: 'rules',
        body: ruleBody(input, 'rules.create'),
        schema: disabledRuleSchema,
        invariant: showsNoEnabledRule,
      }),
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
        path: `rules/${idPath(id, 'id', 'rules.update')}`,
        body: ruleBody(input, 'rules.update'),
        schema: disabledRuleSchema,
        invariant: showsNoEnabledRule,
      }),
      options,
    );
  }

  /** Soft-deletes a rule: deactivated and hidden in the app, not removed. `DELETE /rules/{id}` */
  delete(id: string, options?: RequestOptions): APIPromise<void, SequenceError> {
    return this.callWith(
      // Documented as an empty answer; any body a server adds (JSON or not) is ignored.
      () => ({ method: 'DELETE', path: `rules/${idPath(id, 'id', 'rules.delete')}`, ignoreBody: true }),
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
    params: TriggerRuleParams = {},
    options?: RequestOptions,
  ): APIPromise<TriggerRuleResult, SequenceError> {
    return this.call(
      () => ({
        method: 'POST',
        path: `rules/${idPath(id, 'id', 'rules.trigger')}/trigger`,
        body: validateInput(triggerParams, params, 'rules.trigger'),
        schema: zTriggerRuleResponse,
        hints: needsScope('TRIGGER_RULES', 'the rule must be in its resources'),
      }),
      options,
    );
  }
}
