import { zCreateIncomeSourceRequest, zListAccountsQuery } from '../../../sequence/generated/v1/zod.gen.js';
import { matches } from '../../kernel/listing.js';
import { reply } from '../../kernel/reply.js';
import { isoAt, newId, route, type SequenceCall } from '../call.js';
import { byId } from '../lookup.js';
import type { AccountRecord } from '../model.js';
import { accountListItem } from '../views.js';

function createIncomeSource(call: SequenceCall) {
  const { nickname } = call.read(zCreateIncomeSourceRequest);
  const created = isoAt(call.now);
  const account: AccountRecord = {
    id: newId(call, 'acc'),
    name: nickname,
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
  call.state.accounts.push(account);
  return reply(201, { data: account });
}

export const accountRoutes = [
  route('GET', 'accounts', ({ state, readQuery }) => {
    const { type } = readQuery(zListAccountsQuery);
    return { data: state.accounts.filter((a) => matches(a, { type })).map(accountListItem) };
  }),
  route('GET', 'accounts/:id', ({ state, params }) => ({
    data: byId(state.accounts, params.id!, 'Account'),
  })),
  route('POST', 'accounts/income-sources', createIncomeSource),
  route('DELETE', 'accounts/:id', ({ state, params }) => {
    // Permanent, as documented.
    state.accounts.splice(state.accounts.indexOf(byId(state.accounts, params.id!, 'Account')), 1);
    return reply(204);
  }),
];
