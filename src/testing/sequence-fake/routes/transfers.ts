import { reply } from '../../kernel/reply.js';
import { route, type SequenceCall } from '../call.js';
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

function list({ state, query }: SequenceCall) {
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
  return cursorPage(matching, query, transferView);
}

function create(call: SequenceCall, settleAfterMs: number) {
  const input = bodyObject(call.body);
  const account = (field: string) => bodyAccount(call.state, requiredString(input, field), field);
  const [source, destination] = [account('source_account_id'), account('destination_account_id')];
  const amount = positiveInteger(input.amount_in_cents, 'amount_in_cents');
  const description = optionalString(input, 'description');
  if (source.id === destination.id) invalid('The source and destination accounts must differ.');
  if (!source.can_be_source) invalid(`Account '${source.id}' cannot be a transfer source.`);
  if (!destination.can_be_destination)
    invalid(`Account '${destination.id}' cannot be a transfer destination.`);
  const order = { source, destination, amount_in_cents: amount, origin: 'user' as const, description };
  return reply(201, { data: transferView(newTransfer(call, settleAfterMs, order)) });
}

export const transferRoutes = (settleAfterMs: number) => [
  route('GET', 'transfers', list),
  route('GET', 'transfers/:id', ({ state, params }) => ({
    data: transferView(state.transfers.find((t) => t.id === params.id) ?? notFound('Transfer', params.id!)),
  })),
  route('POST', 'transfers', (call) => create(call, settleAfterMs)),
];
