import type { Route } from '../context.js';
import { invalid, notFound } from '../fail.js';
import { bodyAccount } from '../lookup.js';
import type { TransferRecord } from '../model.js';
import { newTransfer } from '../new-transfer.js';
import { cursorPage } from '../pagination.js';
import {
  bodyObject,
  optionalString,
  positiveInteger,
  queryEnum,
  requiredQuery,
  requiredString,
} from '../validate.js';
import { transferView } from '../views.js';

/** Whether `account_id` is on the side `account_role` asks for. */
function onSide(transfer: TransferRecord, accountId: string, role: string): boolean {
  const isSource = transfer.source?.id === accountId;
  const isDestination = transfer.destination?.id === accountId;
  return role === 'source' ? isSource : role === 'destination' ? isDestination : isSource || isDestination;
}

export const transferRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/transfers',
    handle: ({ state, query }) => {
      const accountId = requiredQuery(query, 'account_id');
      const role = queryEnum(query, 'account_role', ['source', 'destination', 'either']) ?? 'either';
      const direction = queryEnum(query, 'direction', ['money_in', 'money_out', 'internal']);
      const origin = query.get('origin');
      const status = query.get('status');
      const matching = state.transfers.filter(
        (t) =>
          onSide(t, accountId, role) &&
          (direction === undefined || t.direction === direction) &&
          (origin === null || t.origin === origin) &&
          (status === null || t.status === status),
      );
      const page = cursorPage(matching, query);
      return { status: 200, data: page.data.map(transferView), page_info: page.page_info };
    },
  },
  {
    method: 'GET',
    pattern: '/transfers/:id',
    handle: ({ state, params }) => {
      const transfer = state.transfers.find((t) => t.id === params.id) ?? notFound('Transfer', params.id!);
      return { status: 200, data: transferView(transfer) };
    },
  },
  {
    method: 'POST',
    pattern: '/transfers',
    handle: (ctx) => {
      const input = bodyObject(ctx.body);
      const source = bodyAccount(ctx.state, requiredString(input, 'source_account_id'), 'source_account_id');
      const destination = bodyAccount(
        ctx.state,
        requiredString(input, 'destination_account_id'),
        'destination_account_id',
      );
      const amount = positiveInteger(input.amount_in_cents, 'amount_in_cents');
      const description = optionalString(input, 'description');
      if (source.id === destination.id) invalid('The source and destination accounts must differ.');
      if (!source.can_be_source) invalid(`Account '${source.id}' cannot be a transfer source.`);
      if (!destination.can_be_destination)
        invalid(`Account '${destination.id}' cannot be a transfer destination.`);
      const transfer = newTransfer(ctx, {
        source,
        destination,
        amount_in_cents: amount,
        origin: 'user',
        description,
      });
      return { status: 201, data: transferView(transfer) };
    },
  },
];
