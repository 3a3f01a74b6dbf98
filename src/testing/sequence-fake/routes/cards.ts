import { zListCardsQuery, zListCardTransactionsQuery } from '../../../sequence/generated/v1/zod.gen.js';
import { matches } from '../../kernel/listing.js';
import { route } from '../call.js';
import { byId } from '../lookup.js';
import { cursorPage } from '../pagination.js';

export const cardRoutes = [
  route('GET', 'cards', ({ state, readQuery }) => {
    const { account_id, status, type } = readQuery(zListCardsQuery);
    return { data: state.cards.filter((c) => matches(c, { account_id, status, type })) };
  }),
  route('GET', 'cards/:id', ({ state, params }) => ({ data: byId(state.cards, params.id!, 'Card') })),
  route('GET', 'cards/:id/transactions', ({ state, params, readQuery }) => {
    const card = byId(state.cards, params.id!, 'Card');
    const query = readQuery(zListCardTransactionsQuery);
    const { direction } = query;
    return cursorPage(
      state.cardTransactions.filter((t) => matches(t, { card_id: card.id, direction })),
      query,
    );
  }),
];
