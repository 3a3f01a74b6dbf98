import { accepted, badFields, fail, type RuleCall, SUCCESS, v2, v3 } from './call.js';
import {
  addTags,
  ContactIndex,
  type ContactLookup,
  findSubscriber,
  invalidIdentifier,
  resolveTags,
  subscriberFromPath,
  v3Subscribers,
} from './lookups.js';
import { listing } from './pagination.js';
import type { FakeSubscriber, RuleFakeState } from './state.js';
import { nextId, ruleTime } from './state.js';
import { readSubscriberInput, type SubscriberInput, writeFields } from './subscriber-input.js';
import { segmentWire, subscriberWire } from './wire.js';

const MAX_PER_CALL = 1000;
const MAX_PER_SYNC_CALL = 100;
const CREATE_MESSAGE = 'Some fields could not be validated';
const UPDATE_MESSAGE = 'Some fields could not be validated.';

/** The subscriber an input collides with: same e-mail or same phone number. */
function existing(
  find: ContactLookup,
  input: { email?: string; phone_number?: string },
  except?: FakeSubscriber,
) {
  const byEmail = input.email === undefined ? undefined : find(input.email, 'email');
  const byPhone = input.phone_number === undefined ? undefined : find(input.phone_number, 'phone_number');
  return [byEmail, byPhone].find((s) => s !== undefined && s !== except);
}

/** E-mail and phone number change only when no other subscriber has them. */
function applyInput(
  state: RuleFakeState,
  find: ContactLookup,
  subscriber: FakeSubscriber,
  input: SubscriberInput,
  now: number,
) {
  if (input.email !== undefined && !existing(find, { email: input.email }, subscriber))
    subscriber.email = input.email;
  if (input.phone_number !== undefined && !existing(find, { phone_number: input.phone_number }, subscriber)) {
    subscriber.phone_number = input.phone_number;
  }
  if (input.language !== undefined) subscriber.language = input.language;
  writeFields(state, subscriber, input.fields, now);
  subscriber.updated_at = ruleTime(now);
}

function newSubscriber(state: RuleFakeState, now: number): FakeSubscriber {
  const created_at = ruleTime(now);
  const subscriber: FakeSubscriber = {
    id: nextId(state, 'subscriber'),
    email: null,
    phone_number: null,
    custom_identifier: null,
    language: 'sv',
    opted_in: true,
    status: 'ACTIVE',
    created_at,
    updated_at: created_at,
    tags: [],
    fields: {},
    preferences: {},
  };
  state.subscribers.push(subscriber);
  return subscriber;
}

/** #1/#2 `POST /subscribers`: one subscriber (object) or up to 1000 (array). */
function create({ fields: body, state, now }: RuleCall) {
  const many = Array.isArray(body.subscribers);
  const raw: unknown[] = many
    ? (body.subscribers as unknown[])
    : body.subscribers == null
      ? []
      : [body.subscribers];
  if (raw.length === 0) badFields({ subscribers: ['The subscribers field is required.'] }, CREATE_MESSAGE);
  if (raw.length > MAX_PER_CALL) fail(413, 'RequestEntityTooLarge', 'Max 1000 subscribers per call allowed.');
  if (body.sync_subscribers === true && raw.length > MAX_PER_SYNC_CALL) {
    fail(400, 'BadRequest', 'Max sync limit is 100. Send at most 100 subscribers with sync_subscribers.');
  }
  const inputs = raw.map((s) => readSubscriberInput(s, true, CREATE_MESSAGE));
  const index = new ContactIndex(state);
  if (body.update_on_duplicate !== true && inputs.some((input) => existing(index.find, input))) {
    fail(409, 'DuplicateSubscriber', 'Subscriber already exists');
  }
  const tagIds = resolveTags(state, body.tags, now);
  const saved = inputs.map((input) => {
    const subscriber = existing(index.find, input) ?? newSubscriber(state, now);
    if (body.fields_clear === true) subscriber.fields = {};
    applyInput(state, index.find, subscriber, input, now);
    index.track(subscriber);
    addTags(subscriber, tagIds);
    if (body.automation === 'reset' || body.automation === 'force') subscriber.status = 'ACTIVE';
    return subscriber;
  });
  if (many) return { success: true };
  const subscriber = saved[0]!;
  const suppressed = state.suppressions.some((s) => s.subscriber_id === subscriber.id) ? [raw[0]] : [];
  return { message: 'Success', subscriber: subscriberWire(subscriber, state), suppressed };
}

/** #6 `PUT /subscribers/{id}`: numeric id only; every attribute optional. */
function update({ fields: body, state, now, params }: RuleCall) {
  const subscriber =
    findSubscriber(state, params.identifier!, 'id') ??
    fail(404, 'SubscriberNotFound', 'Subscriber with provided id could not be found');
  const input = readSubscriberInput(body, false, UPDATE_MESSAGE);
  // One or two lookups: a scan, not an index of the whole account.
  const find: ContactLookup = (value, by) => findSubscriber(state, value, by);
  if (existing(find, input, subscriber)) {
    fail(409, 'BadRequest', 'A subscriber with given email/phone_number already exists.');
  }
  const tagIds = body.tags === undefined ? [] : resolveTags(state, body.tags, now);
  applyInput(state, find, subscriber, input, now);
  addTags(subscriber, tagIds);
  return { message: 'Success', subscriber: subscriberWire(subscriber, state) };
}

function get(call: RuleCall) {
  const { state } = call;
  const subscriber = subscriberFromPath(call, undefined, [
    'email',
    'id',
    'phone_number',
    'custom_identifier',
  ]);
  const syncAtSegments = state.segments
    .filter((s) => s.subscriber_ids.includes(subscriber.id))
    .map(segmentWire);
  return { subscriber: { ...subscriberWire(subscriber, state), syncAtSegments } };
}

/** #5 `GET /subscriber/{identifier}/fields`: values grouped as Rule groups them. */
function fields(call: RuleCall) {
  const subscriber = subscriberFromPath(call);
  const groups = call.state.fieldGroups.flatMap((group) => {
    const values = group.fields
      .filter((f) => `${group.name}.${f.name}` in subscriber.fields)
      .map((f) => ({
        id: f.id,
        name: f.name,
        value: subscriber.fields[`${group.name}.${f.name}`],
        type: f.type,
      }));
    return values.length > 0 ? [{ name: group.name, historical: false, fields: values }] : [];
  });
  return { message: 'Success', groups };
}

function removeSubscribers(state: RuleFakeState, gone: readonly FakeSubscriber[]) {
  const ids = new Set(gone.map((s) => s.id));
  state.subscribers = state.subscribers.filter((s) => !ids.has(s.id));
  state.suppressions = state.suppressions.filter((s) => !ids.has(s.subscriber_id));
  for (const segment of state.segments)
    segment.subscriber_ids = segment.subscriber_ids.filter((id) => !ids.has(id));
}

/** #8 `DELETE /subscribers`: by e-mail or phone number only; all must exist. */
function deleteMany({ fields, state }: RuleCall) {
  const items = fields.subscribers;
  if (!Array.isArray(items) || items.length === 0)
    badFields({ subscribers: ['The subscribers field is required.'] });
  const gone = items.map((item) => {
    const { identifier, identified_by } = (item ?? {}) as { identifier?: unknown; identified_by?: unknown };
    if (identified_by !== 'email' && identified_by !== 'phone_number') {
      invalidIdentifier(identified_by, ['email', 'phone_number']);
    }
    return (
      findSubscriber(state, String(identifier), identified_by) ??
      fail(404, 'NotFound', 'Could not find subscriber with given identifier.')
    );
  });
  removeSubscribers(state, gone);
  return SUCCESS;
}

/** v3 `POST /subscribers/block` and `/subscribers/unblock` (asynchronous on Rule's side: 204 at once). */
const setStatus = (status: 'ACTIVE' | 'BLOCKED') => (call: RuleCall) => {
  for (const subscriber of v3Subscribers(call)) subscriber.status = status;
  return accepted();
};

export const subscriberRoutes = [
  v2('POST', 'subscribers', create),
  v2('GET', 'subscribers', listing('subscribers', 'subscribers', subscriberWire)),
  v2('DELETE', 'subscribers', deleteMany),
  v2('GET', 'subscribers/:identifier', get),
  v2('PUT', 'subscribers/:identifier', update),
  v2('DELETE', 'subscribers/:identifier', (call) => {
    removeSubscribers(call.state, [subscriberFromPath(call)]);
    return SUCCESS;
  }),
  v2('GET', 'subscriber/:identifier/fields', fields),
  v3('POST', 'subscribers/block', setStatus('BLOCKED')),
  v3('POST', 'subscribers/unblock', setStatus('ACTIVE')),
];
