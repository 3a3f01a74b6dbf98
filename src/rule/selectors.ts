import { pathSegment } from '../core/path-segment.js';
import { validateInput } from '../core/validate-input.js';
import { selectorSchema } from './input/common.js';

/** Picks one subscriber by any identifier Rule accepts (`identified_by`). */
export type SubscriberSelector =
  | { email: string }
  | { id: number | string }
  | { phone_number: string }
  | { custom_identifier: string };

export type IdentifiedBy = 'email' | 'id' | 'phone_number' | 'custom_identifier';

/** `{ email: 'a@b' }` → `{ identifier: 'a@b', identified_by: 'email' }`; `RequestValidationError` unless exactly one. */
export function selectorParts(selector: SubscriberSelector): {
  identifier: string;
  identified_by: IdentifiedBy;
} {
  const valid = validateInput(
    selectorSchema,
    selector,
    'subscriber selector (exactly one of email, id, phone_number, custom_identifier)',
  );
  const [identified_by, value] = Object.entries(valid)[0] as [IdentifiedBy, string | number];
  return { identifier: String(value), identified_by };
}

/** As `selectorParts`, with the identifier URL-encoded for a path segment (`+`, `/` and `@` included). */
export function resolveSelector(selector: SubscriberSelector): {
  identifier: string;
  identified_by: IdentifiedBy;
} {
  const { identifier, identified_by } = selectorParts(selector);
  return { identifier: pathSegment(identifier, identified_by), identified_by };
}

/** `{ id: '12' }` → `{ id: 12 }`: the body form Rule's v3 bulk endpoints take, validated. */
export function selectorObject(selector: SubscriberSelector): Record<string, string | number> {
  const { identifier, identified_by } = selectorParts(selector);
  return { [identified_by]: identified_by === 'id' ? Number(identifier) : identifier };
}
