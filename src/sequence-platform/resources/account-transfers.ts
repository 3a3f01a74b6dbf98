import type * as z from 'zod/mini';
import type { PagePromise } from '../../core/pagination/page-promise.js';
import type { RequestOptions } from '../../core/request-options.js';
import type { SequencePlatformError } from '../errors.js';
import {
  zListAccountTransfersPath,
  zListAccountTransfersQuery,
  zListAccountTransfersResponse,
} from '../generated/v1/zod.gen.js';
import { exactWithTimes, idPath, queryOf } from '../input.js';
import { needsPermission } from '../permissions.js';
import { PlatformResource } from '../resource.js';
import type { Transfer } from '../types.js';

const listSchema = exactWithTimes(zListAccountTransfersQuery);

/**
 * `accounts.transfers.list` filters: `accountRole`, `direction`, `status`, `origin`, `executionMode` (default
 * `LIVE`; `SIMULATION` for dry runs, `ALL` for both), `rule_execution_id`, `from`/`to` (a `Date` or RFC 3339),
 * `page`, `pageSize` (≤ 100).
 */
export type ListAccountTransfersParams = z.input<typeof listSchema>;

/** One account's transfers (`/accounts/{accountId}/transfers`). */
export class AccountTransfers extends PlatformResource {
  /**
   * Transfers in or out of an account, newest first, page by page (card transactions excluded).
   * `GET /accounts/{accountId}/transfers`
   */
  list(
    accountId: string,
    params: ListAccountTransfersParams = {},
    options?: RequestOptions,
  ): PagePromise<Transfer, SequencePlatformError> {
    return this.paginate<Transfer>(
      () => ({
        method: 'GET',
        path: `accounts/${idPath(zListAccountTransfersPath.shape.accountId, accountId, 'account id')}/transfers`,
        query: queryOf(listSchema, params, 'transfer filters'),
        schema: zListAccountTransfersResponse,
        hints: needsPermission('READ_TRANSFERS', 'including this account'),
      }),
      options,
    );
  }
}
