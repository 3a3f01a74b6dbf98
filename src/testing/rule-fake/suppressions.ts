import { zDispatcherTypeRequest, zMessageType } from '../../rule/generated/v2/zod.gen.js';
import { matches } from '../kernel/listing.js';
import { accepted, fail, isMessageType, type RuleCall, SUCCESS, v2, v3, v3Invalid } from './call.js';
import { findSubscriber, invalidIdentifier, subscriberFromPath, v3Subscribers } from './lookups.js';
import { listing } from './pagination.js';
import {
  type FakeSubscriber,
  type FakeSuppression,
  type MessageType,
  nextId,
  type RuleFakeState,
  ruleTime,
} from './state.js';
import { suppressionWire } from './wire.js';

const MESSAGE_TYPES = zMessageType.options;
const DISPATCHERS: readonly unknown[] = zDispatcherTypeRequest.options;
const NOT_FOUND: [string, string] = ['SubscriberNotFound', 'Could not find subscriber.'];

type Dispatcher = FakeSuppression['dispatcher_type'];

/** Adds the missing suppressions of each subscriber for every dispatcher × message type pair. */
function suppress(
  state: RuleFakeState,
  subscribers: readonly FakeSubscriber[],
  on: ReadonlyArray<[Dispatcher, MessageType]>,
  now: number,
) {
  for (const subscriber of subscribers) {
    for (const [dispatcher_type, message_type] of on) {
      const wanted = { subscriber_id: subscriber.id, dispatcher_type, message_type };
      if (state.suppressions.some((s) => matches(s, wanted))) continue;
      state.suppressions.push({
        id: nextId(state, 'suppression'),
        created_at: ruleTime(now),
        dispatcher_type,
        message_type,
        suppressed_source_type: 'api',
        subscriber_id: subscriber.id,
      });
    }
  }
}

/** Removes the subscribers' suppressions that have the values `wanted` names. */
function unsuppress(
  state: RuleFakeState,
  subscribers: readonly FakeSubscriber[],
  wanted: Partial<FakeSuppression>,
) {
  const ids = new Set(subscribers.map((s) => s.id));
  state.suppressions = state.suppressions.filter((s) => !(ids.has(s.subscriber_id) && matches(s, wanted)));
}

function invalidDispatcherType(): never {
  return fail(400, 'InvalidDispatcherType', 'An invalid dispatcher type was detected.', {
    valid_dispatcher_types: DISPATCHERS,
  });
}

function invalidMessageType(): never {
  return fail(400, 'InvalidMessageType', 'An invalid message type was detected.', {
    valid_message_types: MESSAGE_TYPES,
  });
}

/** Campaigns and transactionals alike, on each of `types`. */
const onEverything = (types: readonly MessageType[]) =>
  types.flatMap(
    (t): Array<[Dispatcher, MessageType]> => [
      ['campaign', t],
      ['transactional', t],
    ],
  );

/** #25 (deprecated): `suppress_on` omitted suppresses on everything; `transaction` is accepted and ignored. */
function createV2({ fields, state, now }: RuleCall) {
  const { subscribers, suppress_on } = fields;
  if (!Array.isArray(subscribers) || subscribers.length === 0) {
    fail(400, 'BadRequest', 'Subscribers missing or in invalid format.');
  }
  const found = subscribers.map((item) => {
    const [by, value] = typeof item === 'object' && item !== null ? (Object.entries(item)[0] ?? []) : [];
    if (by !== 'email' && by !== 'phone_number' && by !== 'id')
      invalidIdentifier(by, ['email', 'phone_number', 'id']);
    return findSubscriber(state, String(value), by) ?? fail(404, ...NOT_FOUND);
  });
  let on = onEverything(MESSAGE_TYPES);
  if (suppress_on !== undefined) {
    on = [];
    for (const [dispatcher, types] of Object.entries((suppress_on ?? {}) as Record<string, unknown>)) {
      if (!DISPATCHERS.includes(dispatcher)) invalidDispatcherType();
      if (!Array.isArray(types) || !types.every(isMessageType)) invalidMessageType();
      if (dispatcher === 'campaign') on = types.map((t): [Dispatcher, MessageType] => ['campaign', t]);
    }
  }
  suppress(state, found, on, now);
  return SUCCESS;
}

/** #27 (deprecated): optionally only one dispatcher type (`campaign` | `transaction`) and/or message type. */
function deleteV2(call: RuleCall) {
  const subscriber = subscriberFromPath(call, NOT_FOUND);
  const dispatcher = call.query.get('dispatcher_type');
  const type = call.query.get('message_type');
  if (dispatcher !== null && !DISPATCHERS.includes(dispatcher)) invalidDispatcherType();
  if (type !== null && !isMessageType(type)) invalidMessageType();
  const dispatcher_type = dispatcher === 'transaction' ? 'transactional' : (dispatcher as 'campaign' | null);
  unsuppress(call.state, [subscriber], {
    dispatcher_type: dispatcher_type ?? undefined,
    message_type: type ?? undefined,
  });
  return SUCCESS;
}

/** v3 `POST|DELETE /suppressions/`: `message_types` omitted means every channel; answered 204. */
function writeV3(call: RuleCall) {
  const { state, now, method } = call;
  const found = v3Subscribers(call);
  const { message_types } = call.fields;
  const types =
    message_types === undefined
      ? MESSAGE_TYPES
      : Array.isArray(message_types) && message_types.length > 0 && message_types.every(isMessageType)
        ? message_types
        : undefined;
  if (!types) return v3Invalid('message_types', 'The selected message types are invalid.');
  if (method === 'POST') suppress(state, found, onEverything(types), now);
  else for (const message_type of types) unsuppress(state, found, { message_type });
  return accepted();
}

export const suppressionRoutes = [
  v2('POST', 'suppressions', createV2),
  v2('GET', 'suppressions', listing('suppressions', 'suppressions', suppressionWire)),
  v2('DELETE', 'suppressions/:identifier', deleteV2),
  v3('POST', 'suppressions', writeV3),
  v3('DELETE', 'suppressions', writeV3),
];
