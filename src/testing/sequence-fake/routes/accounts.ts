import { reply } from '../../kernel/reply.js';
import { isoAt, newId, route, type SequenceCall } from '../call.js';
import { findAccount } from '../lookup.js';
import type { AccountRecord } from '../model.js';
import { bodyObject, optionalString, queryEnum, requiredString } from '../validate.js';
import { accountListItem } from '../views.js';

const ACCOUNT_TYPES = ['income_source', 'pod', 'external_account'] as const;

function createIncomeSource(call: SequenceCall) {
  const input = bodyObject(call.body);
  const created = isoAt(call.now);
  const account: AccountRecord = {
    id: newId(call, 'acc'),
    name: requiredString(input, 'nickname'),
    type: 'income_source',
    description: null,
    external_account_type: null,
    beneficiary_name: null,
    institution_name: null,
    can_be_source: true,
    can_be_destination: false,
    routing_number: null,
    bank_account_number: null,
    balance: null,
    savings_target_in_cents: null,
    linked_account: null,
    created_at: created,
    updated_at: created,
    deleted_at: null,
  };
  optionalString(input, 'icon');
  call.state.accounts.push(account);
  return reply(201, { data: account });
}

export const accountRoutes = [
  route('GET', 'accounts', ({ state, query }) => {
    const type = queryEnum(query, 'type', ACCOUNT_TYPES);
    return { data: state.accounts.filter((a) => type === undefined || a.type === type).map(accountListItem) };
  }),
  route('GET', 'accounts/:id', ({ state, params }) => ({ data: findAccount(state, params.id!) })),
  route('POST', 'accounts/income-sources', createIncomeSource),
  route('DELETE', 'accounts/:id', ({ state, params }) => {
    // Permanent, as documented.
    state.accounts.splice(state.accounts.indexOf(findAccount(state, params.id!)), 1);
    return reply(204);
  }),
];
