import type * as z from 'zod/mini';
import type { APIPromise } from '../../core/api-promise.js';
import type { PagePromise } from '../../core/pagination/page-promise.js';
import type { RequestOptions } from '../../core/request-options.js';
import type { SequencePlatformError } from '../errors.js';
import {
  zCreateTransferBody,
  zCreateTransferResponse,
  zGetTransferPath,
  zGetTransferResponse,
  zListTransfersQuery,
  zListTransfersResponse,
} from '../generated/v1/zod.gen.js';
import { bodyOf, exact, exactWithTimes, idPath, queryOf } from '../input.js';
import { needsPermission } from '../permissions.js';
import { PlatformResource } from '../resource.js';
import type { Transfer, TransferStatus } from '../types.js';
import { type WaitOptions, waitForStatus } from '../wait-for.js';

const listSchema = exactWithTimes(zListTransfersQuery);
const createSchema = exact(zCreateTransferBody);

/**
 * `transfers.list` filters: `accountIds` (required: one or more accounts, either side of the transfer),
 * `direction`, `status`, `origin`, `executionMode` (default `LIVE`; `SIMULATION` for dry runs, `ALL` for both),
 * `rule_execution_id`, `from`/`to` (a `Date` or RFC 3339), `page`, `pageSize` (≤ 100).
 */
export type ListTransfersParams = z.input<typeof listSchema>;

/**
 * The body of `transfers.create`: `sourceAccountId`, `destinationAccountId`, `amountInCents` (whole cents, ≥ 100),
 * `description` (the ACH statement label: ≤ 10 letters, digits or spaces) and `simulation` (`true`: a dry run that
 * moves no money).
 */
export type CreateTransferBody = z.input<typeof createSchema>;

/** Statuses after which a transfer does not change, spelled as the document spells them. */
const FINAL: readonly TransferStatus[] = ['COMPLETE', 'INCOMPLETE', 'ERROR', 'CANCELLED'];

const readHints = needsPermission('READ_TRANSFERS', 'including the accounts asked about');

/** Transfers: money moving in, out of and between Sequence accounts (`/transfers`). */
export class Transfers extends PlatformResource {
  /**
   * Transfers where any of `accountIds` is the source or destination, newest first, page by page (card
   * transactions excluded). `GET /transfers`
   */
  list(params: ListTransfersParams, options?: RequestOptions): PagePromise<Transfer, SequencePlatformError> {
    return this.paginate<Transfer>(
      () => ({
        method: 'GET',
        path: 'transfers',
        query: queryOf(listSchema, params, 'transfer filters'),
        schema: zListTransfersResponse,
        hints: readHints,
      }),
      options,
    );
  }

  /**
   * One transfer. Right after a create it may briefly answer 404 (`waitForTransfer` allows for that).
   * `GET /transfers/{id}`
   */
  get(id: string, options?: RequestOptions): APIPromise<Transfer, SequencePlatformError> {
    return this.call(
      () => ({
        method: 'GET',
        path: `transfers/${idPath(zGetTransferPath.shape.id, id, 'transfer id')}`,
        schema: zGetTransferResponse,
        hints: readHints,
      }),
      options,
    );
  }

  /**
   * Moves money by ACH and answers at once (201), usually `PROCESSING`; `waitForTransfer` follows it to a final
   * status. `{ simulation: true }` is a dry run: the transfer is marked `SIMULATION` and no money moves. Sent with an
   * idempotency key made once for this call and reused on every retry (pass your own, e.g. an order id, 1-36 of
   * `A-Za-z0-9._:/|-`, to make the transfer unique across processes and restarts); a `409 TRANSFER_IN_PROGRESS`
   * (the first attempt still running) is retried with the same key after a pause. `POST /transfers`
   */
  create(body: CreateTransferBody, options?: RequestOptions): APIPromise<Transfer, SequencePlatformError> {
    return this.call(
      () => ({
        method: 'POST',
        path: 'transfers',
        body: bodyOf(createSchema, body, 'transfer'),
        schema: zCreateTransferResponse,
        hints: needsPermission(
          'MANUAL_TRANSFER',
          'with an entry whose source and target are these accounts, and max_amount ≥ the amount',
        ),
      }),
      options,
    );
  }

  /**
   * Polls `GET /transfers/{id}` with growing pauses until the transfer is `COMPLETE`, `INCOMPLETE`, `ERROR` or
   * `CANCELLED`, and returns it. A 404 on the id just received counts as "not visible yet" for `notFoundGraceMs`
   * (default 30 s). Throws `WaitTimeoutError` (with the last state seen) after `timeoutMs` (default 5 minutes).
   */
  waitForTransfer(id: string, wait?: WaitOptions, options?: RequestOptions): Promise<Transfer> {
    return waitForStatus(`Transfer ${id}`, (o) => this.get(id, o), FINAL, wait, options);
  }
}
