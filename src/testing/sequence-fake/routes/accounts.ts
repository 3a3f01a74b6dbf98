import { isoAt, type Route } from '../context.js';
import { findAccount } from '../lookup.js';
import type { AccountRecord } from '../model.js';
import { bodyObject, optionalString, queryEnum, requiredString } from '../validate.js';
import { accountListItem } from '../views.js';

const ACCOUNT_TYPES = ['income_source', 'pod', 'external_account'] as const;

export const accountRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/accounts',
    handle: ({ state, query }) => {
      const type = queryEnum(query, 'type', ACCOUNT_TYPES);
      const accounts = state.accounts.filter((a) => type === undefined || a.type === type);
      return { status: 200, data: accounts.map(accountListItem) };
    },
  },
  {
    method: 'GET',
    pattern: '/accounts/:id',
    handle: ({ state, params }) => ({ status: 200, data: findAccount(state, params.id!) }),
  },
  {
    method: 'POST',
    pattern: '/accounts/income-sources',
    handle: (ctx) => {
      const input = bodyObject(ctx.body);
      const created = isoAt(ctx.now);
      const account: AccountRecord = {
        id: ctx.newId('acc'),
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
      ctx.state.accounts.push(account);
      return { status: 201, data: account };
    },
  },
  {
    method: 'DELETE',
    pattern: '/accounts/:id',
    handle: ({ state, params }) => {
      // Permanent, as documented.
      state.accounts.splice(state.accounts.indexOf(findAccount(state, params.id!)), 1);
      return { status: 204 };
    },
  },
];
