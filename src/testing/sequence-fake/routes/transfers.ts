import { zCreateTransferRequest, zListTransfersQuery } from '../../../sequence/generated/v1/zod.gen.js';
import { matches } from '../../kernel/listing.js';
import { reply } from '../../kernel/reply.js';
import { route, type SequenceCall } from '../call.js';
import { invalid } from '../fail.js';
import { bodyAccount, byId } from '../lookup.js';
import { newTransfer } from '../new-transfer.js';
import { cursorPage } from '../pagination.js';
import { wireView } from '../views.js';

function list({ state, readQuery }: SequenceCall) {
  const query = readQuery(zListTransfersQuery);
  const { account_id, account_role, direction, origin, status } = query;
  const matching = state.transfers.filter(
    (t) =>
      ((account_role !== 'destination' && t.source?.id === account_id) ||
        (account_role !== 'source' && t.destination?.id === account_id)) &&
      matches(t, { direction, origin, status }),
  );
  return cursorPage(matching, query, wireView);
}

function create(call: SequenceCall, settleAfterMs: number) {
  const input = call.read(zCreateTransferRequest);
  const source = bodyAccount(call.state, input.source_account_id, 'source_account_id');
  const destination = bodyAccount(call.state, input.destination_account_id, 'destination_account_id');
  if (source.id === destination.id) invalid('The source and destination accounts must differ.');
  if (!source.can_be_source) invalid(`Account '${source.id}' cannot be a transfer source.`);
  if (!destination.can_be_destination)
    invalid(`Account '${destination.id}' cannot be a transfer destination.`);
  const transfer = newTransfer(call, settleAfterMs, source, destination, {
    amount_in_cents: input.amount_in_cents,
    origin: 'user',
    description: input.description ?? null,
  });
  return reply(201, { data: wireView(transfer) });
}

export const transferRoutes = (settleAfterMs: number) => [
  route('GET', 'transfers', list),
  route('GET', 'transfers/:id', ({ state, params }) => ({
    data: wireView(byId(state.transfers, params.id!, 'Transfer')),
  })),
  route('POST', 'transfers', (call) => create(call, settleAfterMs)),
];
