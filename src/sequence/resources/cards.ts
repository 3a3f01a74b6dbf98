import * as z from 'zod/mini';
import type { APIPromise, PagePromise, RequestOptions } from '../../core/index.js';
import type { SequenceError } from '../errors.js';
import {
  zGetCardResponse,
  zListCardsResponse,
  zListCardTransactionsResponse,
} from '../generated/v1/zod.gen.js';
import { firstSchema, idPath, idSchema, queryOf, timestampSchema } from '../input.js';
import { SequenceResource } from '../resource.js';
import { needsScope } from '../scopes.js';
import type { Card, CardTransaction } from '../types.js';

export interface ListCardsParams {
  /** Required by Sequence: the pod whose cards to list. */
  account_id: string;
  status?: 'active' | 'inactive' | 'frozen' | 'stolen' | 'lost';
  type?: 'virtual' | 'physical';
}

export interface ListCardTransactionsParams {
  direction?: 'debit' | 'credit';
  from?: Date | string;
  to?: Date | string;
  /** Page size, at most 100. */
  first?: number;
}

const listSchema = z.strictObject({
  account_id: idSchema,
  status: z.optional(z.enum(['active', 'inactive', 'frozen', 'stolen', 'lost'])),
  type: z.optional(z.enum(['virtual', 'physical'])),
});

const transactionsSchema = z.strictObject({
  direction: z.optional(z.enum(['debit', 'credit'])),
  from: timestampSchema,
  to: timestampSchema,
  first: firstSchema,
});

const hints = needsScope('READ_CARDS', "the card's account must be in its resources");

/**
 * Debit cards and their transactions (`/cards`).
 * @beta Sequence lists these endpoints as coming soon.
 */
export class Cards extends SequenceResource {
  /** A pod's cards (not paginated). `GET /cards` */
  list(params: ListCardsParams, options?: RequestOptions): APIPromise<Card[], SequenceError> {
    return this.call(
      () => ({
        method: 'GET',
        path: 'cards',
        query: queryOf(listSchema, params, 'card filters'),
        schema: zListCardsResponse,
        hints,
      }),
      (body) => body.data,
      options,
    );
  }

  /** One card. `GET /cards/{id}` */
  get(id: string, options?: RequestOptions): APIPromise<Card, SequenceError> {
    return this.call(
      () => ({ method: 'GET', path: `cards/${idPath(id, 'card id')}`, schema: zGetCardResponse, hints }),
      (body) => body.data,
      options,
    );
  }

  /** A card's purchases and refunds, newest first, page by page. `GET /cards/{id}/transactions` */
  transactions(
    id: string,
    params: ListCardTransactionsParams = {},
    options?: RequestOptions,
  ): PagePromise<CardTransaction, SequenceError> {
    return this.paginate(
      () => ({
        method: 'GET',
        path: `cards/${idPath(id, 'card id')}/transactions`,
        query: queryOf(transactionsSchema, params, 'card transaction filters'),
        schema: zListCardTransactionsResponse,
        hints,
      }),
      options,
    );
  }
}
