import { describe, expect, it } from 'vitest';
import { RequestValidationError } from '../../src/core/errors/request-validation-error.js';
import { ResponseValidationError } from '../../src/core/errors/response-validation-error.js';
import type { RuleInput } from '../../src/sequence/resources/rules.js';
import {
  BASE,
  describeDocumentedCall,
  disabledRuleBody,
  expectRefusedUnsent,
  expectRequest,
  INVALID_CENTS,
  ruleInput,
  useSequenceTest,
} from './sequence-contract.js';
import { sequenceV1 } from './sequence-mock.js';

const { mock, seen, answer, seq } = useSequenceTest();

const RULE_OPERATIONS = ['listRules', 'getRule', 'createRule', 'updateRule', 'deleteRule', 'triggerRule'];
const requestExamples = (operationId: string) =>
  Object.keys(sequenceV1.operation(operationId).requestExamples);

/** A documented 2xx rule body, with the rule's status replaced. */
function ruleAnswer(operationId: 'createRule' | 'updateRule', status: string) {
  const documented = sequenceV1.response(operationId, operationId === 'createRule' ? '201' : '200') as {
    data: object;
  };
  return { ...documented, data: { ...documented.data, status } };
}

describe('rules', () => {
  for (const operationId of RULE_OPERATIONS) describeDocumentedCall(mock, seq, operationId);

  it('lists rules without a query when no source is given, keeping the docs’ casing', async () => {
    answer('listRules', { example: 'mixed' });
    const rules = await seq.rules.list();
    expect(seen[0]!.url.href).toBe(`${BASE}/rules`);
    expect(rules.map((r) => [r.status, r.trigger_type])).toEqual([
      ['enabled', 'ON_FUNDS_TRANSFERRED'],
      ['disabled', 'SCHEDULED'],
    ]);
  });

  it('reads a rule with nested all/any conditions as documented', async () => {
    answer('getRule', { example: 'scheduledWithGroups' });
    const rule = await seq.rules.get('rule_01HXYZ5678');
    expect(rule.trigger).toMatchObject({ type: 'SCHEDULED', schedule_type: 'MONTHLY' });
    expect(rule.steps?.[0]?.conditions?.all).toHaveLength(2);
    expect(rule.steps?.[0]?.actions?.[0]?.limit).toEqual({ period: 'PER_MONTH', amount_in_cents: 200_000 });
  });

  it('URL-encodes rule ids in every path', async () => {
    for (const operationId of ['getRule', 'updateRule', 'deleteRule', 'triggerRule']) answer(operationId);
    const id = 'rule 01?x#y&é';
    await seq.rules.get(id);
    await seq.rules.update(id, ruleInput('updateRule'));
    await seq.rules.delete(id);
    await seq.rules.trigger(id);
    const encoded = `${BASE}/rules/rule%2001%3Fx%23y%26%C3%A9`;
    expect(seen.map((r) => `${r.method} ${r.url.href}`)).toEqual([
      `GET ${encoded}`,
      `PUT ${encoded}`,
      `DELETE ${encoded}`,
      `POST ${encoded}/trigger`,
    ]);
  });

  it.each([
    ['getRule', () => seq.rules.get('')],
    ['updateRule', () => seq.rules.update('rule_1/trigger', ruleInput('updateRule'))],
    ['deleteRule', () => seq.rules.delete('')],
    ['triggerRule', () => seq.rules.trigger('rules/../accounts')],
  ])('%s refuses an empty id or one with a slash, sending nothing', async (operationId, send) => {
    await expectRefusedUnsent(mock, operationId, send, /^rules\.\w+: id/);
  });
});

describe('rules.create', () => {
  it.each(requestExamples('createRule'))('sends the documented "%s" body, status disabled', async (name) => {
    answer('createRule');
    const rule = await seq.rules.create(ruleInput('createRule', name));
    expectRequest(seen[0], {
      method: 'POST',
      url: '/rules',
      body: disabledRuleBody('createRule', name),
      mutating: true,
    });
    expect(rule.status).toBe('disabled');
  });

  it('sends status disabled even when a caller slips in status: enabled', async () => {
    answer('createRule');
    const input = { ...ruleInput('createRule'), status: 'enabled' } as RuleInput;
    await seq.rules.create(input);
    expect((seen[0]!.body as { status: string }).status).toBe('disabled');
  });

  it('reports a server that answers a create with an enabled rule (ResponseValidationError)', async () => {
    answer('createRule', { body: ruleAnswer('createRule', 'enabled') });
    const error = await seq.rules.create(ruleInput('createRule')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(seen).toHaveLength(1);
  });

  it.each([
    ['no trigger', { steps: [] }],
    ['no steps', { trigger: { type: 'MANUAL' } }],
    ['a trigger without a type', { trigger: { account_id: 'acc_1' }, steps: [] }],
    ['steps that are not an array', { trigger: { type: 'MANUAL' }, steps: {} }],
  ])('refuses a rule with %s, sending nothing', async (_, input) => {
    await expectRefusedUnsent(
      mock,
      'createRule',
      () => seq.rules.create(input as unknown as RuleInput),
      /rule/,
    );
  });
});

/** The documented rule with its first step's first action changed. */
function withAction(operationId: 'createRule' | 'updateRule', name: string, change: object): RuleInput {
  const input = ruleInput(operationId, name);
  const [step, ...steps] = input.steps;
  const [action, ...actions] = step!.actions!;
  return { ...input, steps: [{ ...step, actions: [{ ...action, ...change }, ...actions] }, ...steps] };
}

describe('rule actions: amounts are integer cents, percentages 0-100 (refused before sending)', () => {
  it.each(INVALID_CENTS)('rules.create refuses an action amount_in_cents %s', async (_, amount) => {
    const input = withAction('createRule', 'manual', { amount_in_cents: amount });
    await expectRefusedUnsent(
      mock,
      'createRule',
      () => seq.rules.create(input),
      /^rules\.create: steps\[0\]\.actions\[0\]\.amount_in_cents: an amount must be /,
    );
  });

  it('rules.update refuses a negative action amount, naming its path', async () => {
    const input = withAction('updateRule', 'raisePercentage', { type: 'FIXED', amount_in_cents: -100 });
    await expectRefusedUnsent(
      mock,
      'updateRule',
      () => seq.rules.update('rule_01HXYZ1234', input),
      /^rules\.update: steps\[0\]\.actions\[0\]\.amount_in_cents: an amount must be positive\.?$/,
    );
  });

  it.each(INVALID_CENTS)('refuses a cap (limit) amount_in_cents %s', async (_, amount) => {
    const input = withAction('createRule', 'manual', {
      limit: { period: 'PER_MONTH', amount_in_cents: amount },
    });
    await expectRefusedUnsent(
      mock,
      'createRule',
      () => seq.rules.create(input),
      /^rules\.create: steps\[0\]\.actions\[0\]\.limit\.amount_in_cents: an amount must be /,
    );
  });

  it.each([
    ['below 0', -1, /must be at least 0/],
    ['above 100', 100.5, /must be at most 100/],
  ])('refuses a percentage_value %s', async (_, percentage, message) => {
    const input = withAction('createRule', 'autoSave', { percentage_value: percentage });
    await expectRefusedUnsent(mock, 'createRule', () => seq.rules.create(input), message);
    await expectRefusedUnsent(
      mock,
      'createRule',
      () => seq.rules.create(input),
      /^rules\.create: steps\[0\]\.actions\[0\]\.percentage_value /,
    );
  });

  it('sends 0 and 100 percent, a fractional percentage and a null amount as given', async () => {
    for (const change of [
      { percentage_value: 0 },
      { percentage_value: 100 },
      { percentage_value: 12.5 },
      { amount_in_cents: null },
    ]) {
      answer('createRule');
      const input = withAction('createRule', 'autoSave', change);
      await seq.rules.create(input);
      expect(seen.at(-1)!.body).toEqual({ ...input, status: 'disabled' });
    }
    expect(seen).toHaveLength(4);
  });
});

describe('rules.update', () => {
  it('replaces the rule with the documented body, switching an enabled rule to disabled', async () => {
    answer('updateRule');
    const documented = sequenceV1.request('updateRule', 'raisePercentage') as { status: string };
    expect(documented.status).toBe('enabled');
    const rule = await seq.rules.update('rule_01HXYZ1234', ruleInput('updateRule', 'raisePercentage'));
    expectRequest(seen[0], {
      method: 'PUT',
      url: '/rules/rule_01HXYZ1234',
      body: { ...documented, status: 'disabled' },
      mutating: true,
    });
    expect(rule.status).toBe('disabled');
  });

  it('sends nested all/any conditions (open in the docs) verbatim', async () => {
    answer('updateRule');
    const scheduled = (sequenceV1.response('getRule', '200', 'scheduledWithGroups') as { data: RuleInput })
      .data;
    const input: RuleInput = {
      nickname: 'Monthly Amex payment',
      trigger: { type: 'SCHEDULED', schedule_type: 'MONTHLY', start_date: '2024-03-01T09:00:00Z' },
      steps: scheduled.steps,
    };
    await seq.rules.update('rule_01HXYZ5678', input);
    expect(seen[0]!.body).toEqual({ ...input, status: 'disabled' });
  });

  it('refuses a trigger field the docs do not define, naming the one it most likely meant', async () => {
    const call = seq.rules.update('rule_01HXYZ5678', {
      // @ts-expect-error schedule_typ is not a trigger field
      trigger: { type: 'SCHEDULED', schedule_typ: 'MONTHLY' },
      steps: [],
    });
    const error = await call.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestValidationError);
    expect((error as Error).message).toBe(
      'rules.update: trigger.schedule_typ: unknown option; did you mean schedule_type?',
    );
    expect(seen).toHaveLength(0);
  });

  it('reports a server that leaves an updated rule enabled (ResponseValidationError)', async () => {
    answer('updateRule', { body: ruleAnswer('updateRule', 'enabled') });
    const error = await seq.rules.update('rule_01HXYZ1234', ruleInput('updateRule')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseValidationError);
  });
});

describe('rules.trigger', () => {
  it.each(requestExamples('triggerRule'))('sends the documented "%s" body', async (name) => {
    answer('triggerRule');
    const body = sequenceV1.request('triggerRule', name) as { manual_execute_amount?: number };
    const result = await seq.rules.trigger('rule_01HXYZ1234', { ...body });
    expectRequest(seen[0], { method: 'POST', url: '/rules/rule_01HXYZ1234/trigger', body, mutating: true });
    expect(result.execution_id).toBe('rex_01HJKL7777');
  });

  it('sends an empty object when called without parameters', async () => {
    answer('triggerRule', { example: 'idOnly' });
    const result = await seq.rules.trigger('rule_01HXYZ1234');
    expect(seen[0]!.body).toEqual({});
    expect(result).toEqual({ execution_id: 'rex_01HJKL7778' });
  });

  it.each(INVALID_CENTS)('refuses manual_execute_amount %s, sending nothing', async (_, amount) => {
    await expectRefusedUnsent(
      mock,
      'triggerRule',
      () => seq.rules.trigger('rule_01HXYZ1234', { manual_execute_amount: amount as number }),
      /amount/,
    );
  });

  it('refuses parameters Sequence does not document, sending nothing', async () => {
    const params = { manual_execute_amount: 5000, amount_in_cents: 5000 } as {
      manual_execute_amount: number;
    };
    await expectRefusedUnsent(mock, 'triggerRule', () => seq.rules.trigger('rule_01HXYZ1234', params));
  });
});
