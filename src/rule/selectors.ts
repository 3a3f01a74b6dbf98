import * as z from 'zod/mini';
import { nearestName } from '../internal/nearest-name.js';
import { pathSegment } from '../internal/path-segment.js';
import { zSubscriberIdentifier } from './generated/v3/zod.gen.js';

/** Every way Rule can pick a subscriber (v3's `SubscriberIdentifier`), as one-key objects. */
type AnyIdentifier = z.input<typeof zSubscriberIdentifier>;
type KeysOf<U> = U extends unknown ? keyof U : never;

/** How a subscriber can be picked: `email`, `id`, `phone_number` or `custom_identifier`. */
export type IdentifiedBy = KeysOf<AnyIdentifier> & string;

/**
 * Picks one subscriber by one of the identifiers `By` that an operation accepts: `{ email }`, `{ id }`,
 * `{ phone_number }` or `{ custom_identifier }`. Naming two, or one the operation does not accept, is a type error.
 */
export type SubscriberSelector<By extends IdentifiedBy = IdentifiedBy> = By extends unknown
  ? Extract<AnyIdentifier, Record<By, unknown>> & { [Other in Exclude<IdentifiedBy, By>]?: never }
  : never;

/** What a selector becomes: the identifier as text and Rule's `identified_by`. */
export interface SelectorParts<By extends IdentifiedBy> {
  identifier: string;
  identified_by: By;
}

const ALL: readonly IdentifiedBy[] = ['email', 'id', 'phone_number', 'custom_identifier'];
const isText = (value: unknown) => typeof value === 'string' && value !== '';
const isId = (value: unknown) =>
  (Number.isSafeInteger(value) && (value as number) > 0) ||
  (typeof value === 'string' && /^[1-9]\d{0,14}$/.test(value));

/**
 * A selector schema for an operation that accepts the identifiers in `accepted` (an operation's generated
 * `identified_by` values). Refuses anything but exactly one accepted identifier, saying which ones the operation
 * takes; its output is the selector's parts.
 */
export function selectorSchema<By extends IdentifiedBy>(accepted: Iterable<unknown>) {
  const allowed = ALL.filter((by) => [...accepted].includes(by)) as By[];
  const choices = allowed.map((by) => `{ ${by} }`).join(', ');
  return z.pipe(
    z.custom<SubscriberSelector<By>>(),
    z.transform((input: SubscriberSelector<By>, ctx): SelectorParts<By> => {
      const selector: unknown = input;
      const fail = (message: string, path: PropertyKey[] = []) => {
        ctx.issues.push({ code: 'custom', message, input: selector, path });
        return z.NEVER;
      };
      if (typeof selector !== 'object' || selector === null || Array.isArray(selector)) {
        return fail(`expected a subscriber selector: one of ${choices}`);
      }
      const keys = Object.keys(selector);
      for (const key of keys) {
        if (allowed.includes(key as By)) continue;
        if (ALL.includes(key as IdentifiedBy)) {
          return fail(`Rule does not pick a subscriber by ${key} for this call; use one of ${choices}`, [
            key,
          ]);
        }
        const guess = nearestName(key, allowed);
        return fail(`unknown option${guess ? `; did you mean ${guess}?` : ` (expected one of ${choices})`}`, [
          key,
        ]);
      }
      if (keys.length !== 1) return fail(`name exactly one of ${choices}`);
      const by = keys[0] as By;
      const value = (selector as Record<string, unknown>)[by];
      if (by === 'id' ? !isId(value) : !isText(value)) {
        return fail(by === 'id' ? 'must be a positive integer or its digits' : 'must be a non-empty string', [
          by,
        ]);
      }
      return { identifier: String(value), identified_by: by };
    }),
  );
}

/** A selector's identifier URL-encoded for a path segment (`+`, `/` and `@` included). */
export function selectorPath(parts: SelectorParts<IdentifiedBy>): string {
  return pathSegment(parts.identifier, parts.identified_by);
}

/** `{ id: '12' }` → `{ id: 12 }`: the body form Rule's v3 bulk endpoints take. */
export function selectorObject(parts: SelectorParts<IdentifiedBy>): Record<string, string | number> {
  const { identifier, identified_by } = parts;
  return { [identified_by]: identified_by === 'id' ? Number(identifier) : identifier };
}

const V3_IDENTIFIERS = zSubscriberIdentifier.def.options.flatMap((option) => Object.keys(option.shape));

/** Subscribers for a v3 bulk body: at least one selector, each sent as its one-key object (`{ id: 12 }`). */
export const bulkSubscribers = z
  .array(z.pipe(selectorSchema<IdentifiedBy>(V3_IDENTIFIERS), z.transform(selectorObject)))
  .check(z.minLength(1, 'name at least one subscriber'));

/** The identifiers an operation's generated query accepts as `identified_by`. */
export type AcceptedBy<Query extends { shape: { identified_by: z.ZodMiniType } }> = NonNullable<
  z.input<Query['shape']['identified_by']>
> &
  IdentifiedBy;

/** The selector schema of an operation whose generated query has an `identified_by` enum. */
export function selectorFor<Query extends { shape: { identified_by: z.ZodMiniType } }>(query: Query) {
  return selectorSchema<AcceptedBy<Query>>(query.shape.identified_by._zod.values ?? []);
}

/** The path and `identified_by` query of a route below a subscriber (`subscribers/{identifier}/tags`). */
export function subscriberRoute(
  parts: SelectorParts<IdentifiedBy>,
  collection: 'subscribers' | 'subscriber',
  suffix = '',
): { path: string; query: { identified_by: IdentifiedBy } } {
  return {
    path: `${collection}/${selectorPath(parts)}${suffix}`,
    query: { identified_by: parts.identified_by },
  };
}
