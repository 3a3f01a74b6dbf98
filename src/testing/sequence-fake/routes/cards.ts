import { route } from '../call.js';
import { notFound } from '../fail.js';
import { createdWithin, cursorPage } from '../pagination.js';
import { queryEnum, requiredQuery } from '../validate.js';

export const cardRoutes = [
  route('GET', 'cards', ({ state, query }) => {
    const accountId = requiredQuery(query, 'account_id');
    const status = queryEnum(query, 'status', ['active', 'inactive', 'frozen', 'stolen', 'lost']);
    const type = queryEnum(query, 'type', ['virtual', 'physical']);
    const cards = state.cards.filter(
      (c) =>
        c.account_id === accountId &&
        (status === undefined || c.status === status) &&
        (type === undefined || c.type === type),
    );
    return { data: cards };
  }),
  route('GET', 'cards/:id', ({ state, params }) => ({
    data: state.cards.find((c) => c.id === params.id) ?? notFound('Card', params.id!),
  })),
  route('GET', 'cards/:id/transactions', ({ state, params, query }) => {
    const card = state.cards.find((c) => c.id === params.id) ?? notFound('Card', params.id!);
    const direction = queryEnum(query, 'direction', ['debit', 'credit']);
    const matching = state.cardTransactions.filter(
      (t) => t.card_id === card.id && (direction === undefined || t.direction === direction),
    );
    return cursorPage(createdWithin(matching, query), query);
  }),
];
