import * as z from 'zod/mini';
import type { APIPromise } from '../../core/api-promise.js';
import type { PagePromise } from '../../core/pagination/page-promise.js';
import type { RequestOptions } from '../../core/request-options.js';
import { validateQuery } from '../../internal/validate-input.js';
import type { SequenceError } from '../errors.js';
import {
  zGetCardResponse,
  zListCardsQuery,
  zListCardsResponse,
  zListCardTransactionsQuery,
  zListCardTransactionsResponse,
} from '../generated/v1/zod.gen.js';
import { idCheck, idPath, timestamp } from '../input.js';
import { SequenceResource } from '../resource.js';
import { needsScope } from '../scopes.js';
import type { Card, CardTransaction } from '../types.js';

/** `account_id` (required by Sequence): the pod whose cards to list. */
const listParams = z.extend(zListCardsQuery, { account_id: zListCardsQuery.shape.account_id.check(idCheck) });

/** Filters and the page size (`first`, at most 100); `after` resumes from a page's `end_cursor`. */
const transactionsParams = z.extend(zListCardTransactionsQuery, {
  from: timestamp(zListCardTransactionsQuery.shape.from),
  to: timestamp(zListCardTransactionsQuery.shape.to),
});

export type ListCardsParams = z.input<typeof listParams>;
export type ListCardTransactionsParams = z.input<typeof transactionsParams>;

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
        query: validateQuery(listParams, params, 'cards.list'),
        schema: zListCardsResponse,
        hints,
      }),
      options,
    );
  }

  /** One card. `GET /cards/{id}` */
  get(id: string, options?: RequestOptions): APIPromise<Card, SequenceError> {
    return this.call(
      () => ({
        method: 'GET',
        path: `cards/${idPath(id, 'id', 'cards.get')}`,
        schema: zGetCardResponse,
        hints,
      }),
      options,
    );
  }

  /** A card's purchases and refunds, newest first, page by page. `GET /cards/{id}/transactions` */
  transactions(
    id: string,
    params: ListCardTransactionsParams = {},
    options?: RequestOptions,
  ): PagePromise<CardTransaction, SequenceError> {
    const context = 'cards.transactions';
    return this.paginate(
      () => ({
        method: 'GET',
        path: `cards/${idPath(id, 'id', context)}/transactions`,
        query: validateQuery(transactionsParams, params, context),
        schema: zListCardTransactionsResponse,
        hints,
      }),
      options,
    );
  }
}
