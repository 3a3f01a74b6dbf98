import type * as z from 'zod/mini';
import type { APIPromise } from '../../core/api-promise.js';
import type { PagePromise } from '../../core/pagination/page-promise.js';
import type { RequestOptions } from '../../core/request-options.js';
import type { Transport } from '../../internal/transport.js';
import type { SequencePlatformError } from '../errors.js';
import {
  zGetAccountPath,
  zGetAccountResponse,
  zListAccountsQuery,
  zListAccountsResponse,
} from '../generated/v1/zod.gen.js';
import { exact, idPath, queryOf } from '../input.js';
import { needsPermission } from '../permissions.js';
import { PlatformResource } from '../resource.js';
import type { Account, AccountSummary } from '../types.js';
import { AccountTransfers } from './account-transfers.js';

const listSchema = exact(zListAccountsQuery);

/** `accounts.list` filters: `type`, `state` (`ALL` includes deleted accounts), `page`, `pageSize` (≤ 100). */
export type ListAccountsParams = z.input<typeof listSchema>;

/** Accounts: income sources, pods and external accounts (`/accounts`). */
export class Accounts extends PlatformResource {
  /** An account's transfers (`/accounts/{accountId}/transfers`). */
  readonly transfers: AccountTransfers;

  constructor(transport: Transport) {
    super(transport);
    this.transfers = new AccountTransfers(transport);
  }

  /** The organization's accounts (deleted ones only with `state: 'ALL'`), page by page. `GET /accounts` */
  list(
    params: ListAccountsParams = {},
    options?: RequestOptions,
  ): PagePromise<AccountSummary, SequencePlatformError> {
    return this.paginate<AccountSummary>(
      () => ({
        method: 'GET',
        path: 'accounts',
        query: queryOf(listSchema, params, 'account filters'),
        schema: zListAccountsResponse,
        hints: needsPermission('READ_ACCOUNTS', 'listing the accounts'),
      }),
      options,
    );
  }

  /** One account with its account numbers and current balance. `GET /accounts/{id}` */
  get(id: string, options?: RequestOptions): APIPromise<Account, SequencePlatformError> {
    return this.call(
      () => ({
        method: 'GET',
        path: `accounts/${idPath(zGetAccountPath.shape.id, id, 'account id')}`,
        schema: zGetAccountResponse,
        hints: needsPermission('READ_ACCOUNTS', 'including this account'),
      }),
      options,
    );
  }
}
