import type { Route } from '../context.js';
import { notFound } from '../fail.js';
import { createdWithin, cursorPage } from '../pagination.js';
import { queryEnum, requiredQuery } from '../validate.js';

export const cardRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/cards',
    handle: ({ state, query }) => {
      const accountId = requiredQuery(query, 'account_id');
      const status = queryEnum(query, 'status', ['active', 'inactive', 'frozen', 'stolen', 'lost']);
      const type = queryEnum(query, 'type', ['virtual', 'physical']);
      const cards = state.cards.filter(
        (c) =>
          c.account_id === accountId &&
          (status === undefined || c.status === status) &&
          (type === undefined || c.type === type),
      );
      return { status: 200, data: cards };
    },
  },
  {
    method: 'GET',
    pattern: '/cards/:id',
    handle: ({ state, params }) => ({
      status: 200,
      data: state.cards.find((c) => c.id === params.id) ?? notFound('Card', params.id!),
    }),
  },
  {
    method: 'GET',
    pattern: '/cards/:id/transactions',
    handle: ({ state, params, query }) => {
      const card = state.cards.find((c) => c.id === params.id) ?? notFound('Card', params.id!);
      const direction = queryEnum(query, 'direction', ['debit', 'credit']);
      const matching = state.cardTransactions.filter(
        (t) => t.card_id === card.id && (direction === undefined || t.direction === direction),
      );
      return { status: 200, ...cursorPage(createdWithin(matching, query), query) };
    },
  },
];
