import * as z from 'zod/mini';
import {
  AbortError,
  type APIPromise,
  checkRequestOptions,
  NotFoundError,
  type PagePromise,
  type RequestOptions,
} from '../../core/index.js';
import { abortableSleep } from '../../core/sleep.js';
import { validateInput } from '../../core/validate-input.js';
import type { SequenceError } from '../errors.js';
import {
  zCreateTransferResponse,
  zGetTransferResponse,
  zListTransfersResponse,
} from '../generated/v1/zod.gen.js';
import { firstSchema, idPath, idSchema, queryOf } from '../input.js';
import { centsSchema } from '../money.js';
import { SequenceResource } from '../resource.js';
import { needsScope } from '../scopes.js';
import { TransferNotSettledError } from '../transfer-not-settled-error.js';
import type { Transfer } from '../types.js';

/** Statuses after which a transfer does not change any more. */
const FINAL_STATUSES = new Set(['complete', 'incomplete', 'error', 'cancelled']);

export interface CreateTransferParams {
  source_account_id: string;
  destination_account_id: string;
  /** Integer cents: `100000` is $1,000.00. Whole, positive, and a safe integer. */
  amount_in_cents: number;
  description?: string;
}

export interface ListTransfersParams {
  /** Required by Sequence: transfers are listed per account. */
  account_id: string;
  account_role?: 'source' | 'destination' | 'either';
  direction?: 'money_in' | 'money_out' | 'internal';
  origin?: 'paycheck' | 'check_deposit' | 'cashback' | 'user_pull' | 'rule' | 'user' | 'external_pull';
  status?: string;
  /** Page size, at most 100. */
  first?: number;
}

export interface WaitUntilSettledOptions {
  /** Give up after this long (ms). Default 5 minutes. */
  timeoutMs?: number;
  /** First wait between polls (ms), doubling up to `maxIntervalMs`. Default 1 s. */
  intervalMs?: number;
  /** Longest wait between polls (ms). Default 30 s. */
  maxIntervalMs?: number;
  signal?: AbortSignal;
}

const createSchema = z.strictObject({
  source_account_id: idSchema,
  destination_account_id: idSchema,
  amount_in_cents: centsSchema,
  description: z.optional(z.string()),
});

const listSchema = z.strictObject({
  account_id: idSchema,
  account_role: z.optional(z.enum(['source', 'destination', 'either'])),
  direction: z.optional(z.enum(['money_in', 'money_out', 'internal'])),
  origin: z.optional(
    z.enum(['paycheck', 'check_deposit', 'cashback', 'user_pull', 'rule', 'user', 'external_pull']),
  ),
  status: z.optional(z.string()),
  first: firstSchema,
});

const waitSchema = z.strictObject({
  timeoutMs: z.optional(z.number().check(z.gte(0, 'timeoutMs cannot be negative'))),
  intervalMs: z.optional(z.number().check(z.gte(1, 'intervalMs must be at least 1'))),
  maxIntervalMs: z.optional(z.number().check(z.gte(1, 'maxIntervalMs must be at least 1'))),
  signal: z.optional(z.instanceof(AbortSignal, { error: 'signal must be an AbortSignal' })),
});

const readHints = needsScope('READ_TRANSFERS', 'the source or destination account must be in its resources');

/** Transfers: money moving between accounts (`/transfers`). */
export class Transfers extends SequenceResource {
  /** An account's transfers, newest first, page by page (card transactions excluded). `GET /transfers` */
  list(params: ListTransfersParams, options?: RequestOptions): PagePromise<Transfer, SequenceError> {
    return this.paginate(
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

  /** One transfer. Right after a create it may briefly answer 404. `GET /transfers/{id}` */
  get(id: string, options?: RequestOptions): APIPromise<Transfer, SequenceError> {
    return this.call(
      () => ({
        method: 'GET',
        path: `transfers/${idPath(id, 'transfer id')}`,
        schema: zGetTransferResponse,
        hints: readHints,
      }),
      (body) => body.data,
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
        body: validateInput(createSchema, params, 'transfer'),
        schema: zCreateTransferResponse,
        hints: needsScope(
          'MANUAL_TRANSFER',
          'with an entry whose source and target match, and max_amount ≥ the amount',
        ),
      }),
      (body) => body.data,
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
    } = validateInput(waitSchema, wait, 'wait options');
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
