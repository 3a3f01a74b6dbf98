import type * as z from 'zod/mini';
import type { PagePromise } from '../../core/pagination/page-promise.js';
import type { RequestOptions } from '../../core/request-options.js';
import type { SequencePlatformError } from '../errors.js';
import { zListTransactionsQuery, zListTransactionsResponse } from '../generated/v1/zod.gen.js';
import { exactWithTimes, queryOf } from '../input.js';
import { needsPermission } from '../permissions.js';
import { PlatformResource } from '../resource.js';
import type { CardTransaction } from '../types.js';

const listSchema = exactWithTimes(zListTransactionsQuery);

/**
 * `cardTransactions.list` filters: `accountId` (required: the pod that funded them), `cardId`, `from`/`to` (a `Date`
 * or RFC 3339), `page`, `pageSize` (≤ 100).
 */
export type ListCardTransactionsParams = z.input<typeof listSchema>;

/** Settled purchases and refunds on Sequence-issued cards (`/card-transactions`; "coming soon" in the document). */
export class CardTransactions extends PlatformResource {
  /** A pod's card transactions, newest first, page by page. `GET /card-transactions` */
  list(
    params: ListCardTransactionsParams,
    options?: RequestOptions,
  ): PagePromise<CardTransaction, SequencePlatformError> {
    return this.paginate<CardTransaction>(
      () => ({
        method: 'GET',
        path: 'card-transactions',
        query: queryOf(listSchema, params, 'card transaction filters'),
        schema: zListTransactionsResponse,
        hints: needsPermission('READ_TRANSFERS', 'including this account'),
      }),
      options,
    );
  }
}
