import type * as z from 'zod/mini';
import type { PagePromise } from '../../core/pagination/page-promise.js';
import type { RequestOptions } from '../../core/request-options.js';
import type { SequencePlatformError } from '../errors.js';
import {
  zListExternalTransactionsQuery,
  zListExternalTransactionsResponse,
} from '../generated/v1/zod.gen.js';
import { exactWithTimes, queryOf } from '../input.js';
import { needsPermission } from '../permissions.js';
import { PlatformResource } from '../resource.js';
import type { ExternalTransaction } from '../types.js';

const listSchema = exactWithTimes(zListExternalTransactionsQuery);

/**
 * `externalTransactions.list` filters: `accountIds` (required: one or more connected external accounts),
 * `direction`, `status`, `from`/`to` on the transaction date (a `Date` or RFC 3339; up to 90 days back), `page`,
 * `pageSize` (≤ 100).
 */
export type ListExternalTransactionsParams = z.input<typeof listSchema>;

/** Transactions on connected accounts Sequence does not manage, for visibility (`/external-transactions`). */
export class ExternalTransactions extends PlatformResource {
  /** Transactions of the given external accounts, newest first, page by page. `GET /external-transactions` */
  list(
    params: ListExternalTransactionsParams,
    options?: RequestOptions,
  ): PagePromise<ExternalTransaction, SequencePlatformError> {
    return this.paginate<ExternalTransaction>(
      () => ({
        method: 'GET',
        path: 'external-transactions',
        query: queryOf(listSchema, params, 'external transaction filters'),
        schema: zListExternalTransactionsResponse,
        hints: needsPermission('READ_TRANSFERS', 'including the accounts asked about'),
      }),
      options,
    );
  }
}
