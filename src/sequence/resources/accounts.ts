import type * as z from 'zod/mini';
import type { APIPromise } from '../../core/api-promise.js';
import type { RequestOptions } from '../../core/request-options.js';
import { validateInput, validateQuery } from '../../internal/validate-input.js';
import type { SequenceError } from '../errors.js';
import {
  zCreateIncomeSourceBody,
  zCreateIncomeSourceResponse,
  zGetAccountResponse,
  zListAccountsQuery,
  zListAccountsResponse,
} from '../generated/v1/zod.gen.js';
import { idPath } from '../input.js';
import { SequenceResource } from '../resource.js';
import { needsScope } from '../scopes.js';
import type { Account } from '../types.js';

export type ListAccountsParams = z.input<typeof zListAccountsQuery>;
export type CreateIncomeSourceParams = z.input<typeof zCreateIncomeSourceBody>;

/** Accounts: income sources, pods and external accounts (`/accounts`). */
export class Accounts extends SequenceResource {
  /** Every account of the organization, optionally of one type (not paginated). `GET /accounts` */
  list(params: ListAccountsParams = {}, options?: RequestOptions): APIPromise<Account[], SequenceError> {
    return this.call(
      () => ({
        method: 'GET',
        path: 'accounts',
        query: validateQuery(zListAccountsQuery, params, 'accounts.list'),
        schema: zListAccountsResponse,
        hints: needsScope('LIST_ACCOUNTS'),
      }),
      options,
    );
  }

  /** One account with its masked details and balance. `GET /accounts/{id}` */
  get(id: string, options?: RequestOptions): APIPromise<Account, SequenceError> {
    return this.call(
      () => ({
        method: 'GET',
        path: `accounts/${idPath(id, 'id', 'accounts.get')}`,
        schema: zGetAccountResponse,
        hints: needsScope('READ_ACCOUNTS', 'the account must be in its resources'),
      }),
      options,
    );
  }

  /**
   * Creates an income source for payroll or other inflows. Sent with an idempotency key, reused on retries.
   * `POST /accounts/income-sources`
   * @beta Sequence lists this endpoint as coming soon.
   */
  createIncomeSource(
    params: CreateIncomeSourceParams,
    options?: RequestOptions,
  ): APIPromise<Account, SequenceError> {
    return this.call(
      () => ({
        method: 'POST',
        path: 'accounts/income-sources',
        body: validateInput(zCreateIncomeSourceBody, params, 'accounts.createIncomeSource'),
        schema: zCreateIncomeSourceResponse,
      }),
      options,
    );
  }

  /**
   * Deletes an account permanently (any type); this cannot be undone. `DELETE /accounts/{id}`
   * @beta Sequence lists this endpoint as coming soon.
   */
  delete(id: string, options?: RequestOptions): APIPromise<void, SequenceError> {
    return this.callWith(
      // Documented as an empty answer; any body a server adds (JSON or not) is ignored.
      () => ({ method: 'DELETE', path: `accounts/${idPath(id, 'id', 'accounts.delete')}`, ignoreBody: true }),
      () => undefined,
      options,
    );
  }
}
