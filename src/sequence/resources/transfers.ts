import * as z from 'zod/mini';
import type { APIPromise } from '../../core/api-promise.js';
import { AbortError } from '../../core/errors/abort-error.js';
import { NotFoundError } from '../../core/errors/status-errors.js';
import type { PagePromise } from '../../core/pagination/page-promise.js';
import type { RequestOptions } from '../../core/request-options.js';
import { checkRequestOptions } from '../../internal/check-request.js';
import { abortableSleep } from '../../internal/sleep.js';
import { validateArgument, validateInput, validateQuery } from '../../internal/validate-input.js';
import type { SequenceError } from '../errors.js';
import {
  zCreateTransferBody,
  zCreateTransferResponse,
  zGetTransferResponse,
  zListTransfersQuery,
  zListTransfersResponse,
} from '../generated/v1/zod.gen.js';
import { idCheck, idPath } from '../input.js';
import { cents } from '../money.js';
import { SequenceResource } from '../resource.js';
import { needsScope } from '../scopes.js';
import { TransferNotSettledError } from '../transfer-not-settled-error.js';
import type { Transfer } from '../types.js';

/** Statuses after which a transfer does not change any more. */
const FINAL_STATUSES = new Set(['complete', 'incomplete', 'error', 'cancelled']);

/** A transfer: `amount_in_cents` is integer cents (`100000` is $1,000.00), whole, positive and a safe integer. */
const createParams = z.extend(zCreateTransferBody, {
  source_account_id: zCreateTransferBody.shape.source_account_id.check(idCheck),
  destination_account_id: zCreateTransferBody.shape.destination_account_id.check(idCheck),
  amount_in_cents: cents(zCreateTransferBody.shape.amount_in_cents),
});

/** `account_id` (required by Sequence: transfers are listed per account), filters, `first` (≤ 100) and `after`. */
const listParams = z.extend(zListTransfersQuery, {
  account_id: zListTransfersQuery.shape.account_id.check(idCheck),
});

export type CreateTransferParams = z.input<typeof createParams>;
export type ListTransfersParams = z.input<typeof listParams>;

/** How `waitUntilSettled` polls: the SDK's own options (no wire counterpart). */
const waitSchema = z.strictObject({
  /** Give up after this long (ms). Default 5 minutes. */
  timeoutMs: z.optional(z.number().check(z.gte(0, 'cannot be negative'))),
  /** First wait between polls (ms), doubling up to `maxIntervalMs`. Default 1 s. */
  intervalMs: z.optional(z.number().check(z.gte(1, 'must be at least 1'))),
  /** Longest wait between polls (ms). Default 30 s. */
  maxIntervalMs: z.optional(z.number().check(z.gte(1, 'must be at least 1'))),
  signal: z.optional(z.instanceof(AbortSignal, { error: 'must be an AbortSignal' })),
});

export type WaitUntilSettledOptions = z.input<typeof waitSchema>;

const readHints = needsScope('READ_TRANSFERS', 'the source or destination account must be in its resources');

/** Transfers: money moving between accounts (`/transfers`). */
export class Transfers extends SequenceResource {
  /** An account's transfers, newest first, page by page (card transactions excluded). `GET /transfers` */
  list(params: ListTransfersParams, options?: RequestOptions): PagePromise<Transfer, SequenceError> {
    return this.paginate(
      () => ({
        method: 'GET',
        path: 'transfers',
        query: validateQuery(listParams, params, 'transfers.list'),
        schema: zListTransfersResponse,
        hints: readHints,
      }),
      options,
    );
  }

  /** One transfer. Right after a create it may briefly answer 404. `GET /transfers/{id}` */
  get(id: string, options?: RequestOptions): APIPromise<Transfer, SequenceError> {
    return this.call(
      () => ({
        method: 'GET',
        path: `transfers/${idPath(id, 'id', 'transfers.get')}`,
        schema: zGetTransferResponse,
        hints: readHints,
      }),
      options,
    );
  }

  /**
   * Moves money from one account to another. Asynchronous: the result is usually still `processing`; use
   * `waitUntilSettled` for the final state. Sent with an idempotency key made once for this call and reused on
   * every retry (pass your own, e.g. an order id, to make the transfer unique across processes and restarts).
   * `POST /transfers`
   */
  create(params: CreateTransferParams, options?: RequestOptions): APIPromise<Transfer, SequenceError> {
    return this.call(
      () => ({
        method: 'POST',
        path: 'transfers',
        body: validateInput(createParams, params, 'transfers.create'),
        schema: zCreateTransferResponse,
        hints: needsScope(
          'MANUAL_TRANSFER',
          'with an entry whose source and target match, and max_amount ≥ the amount',
        ),
      }),
      options,
    );
  }

  /**
   * Polls `GET /transfers/{id}` with growing pauses until the transfer reaches a final status (`complete`,
   * `incomplete`, `error`, `cancelled`) and returns it. A 404 just after creation is treated as "not visible yet".
   * Throws `TransferNotSettledError` (with the last state seen) after `timeoutMs`.
   */
  async waitUntilSettled(
    id: string,
    wait: WaitUntilSettledOptions = {},
    options?: RequestOptions,
  ): Promise<Transfer> {
    const {
      timeoutMs = 300_000,
      intervalMs = 1_000,
      maxIntervalMs = 30_000,
    } = validateArgument(waitSchema, wait, 'wait', 'transfers.waitUntilSettled');
    const signals = [wait.signal, checkRequestOptions(options).signal].filter(
      (s): s is AbortSignal => s !== undefined,
    );
    const signal = signals.length > 0 ? AbortSignal.any(signals) : undefined;
    const deadline = Date.now() + timeoutMs;
    let last: Transfer | undefined;
    for (let pause = intervalMs; ; pause = Math.min(pause * 2, maxIntervalMs)) {
      const outcome = await this.get(id, { ...options, ...(signal ? { signal } : {}) }).safe();
      if (outcome.ok) {
        last = outcome.data;
        if (FINAL_STATUSES.has(String(last.status))) return last;
      } else if (!(outcome.error instanceof NotFoundError) || last !== undefined) {
        throw outcome.error;
      }
      const left = deadline - Date.now();
      if (left <= 0) throw new TransferNotSettledError(id, timeoutMs, last);
      await abortableSleep(Math.min(pause, left), signal).catch((reason: unknown) => {
        throw new AbortError(reason);
      });
    }
  }
}
