import * as z from 'zod/mini';

/**
 * An amount in integer cents: whole, positive and exactly representable (no float rounding can move money).
 * `$1,000.00` is `100000`.
 */
const centsSchema = z.number('an amount must be a number of cents').check(
  z.refine(Number.isInteger, 'an amount must be whole cents (an integer), not a fraction'),
  z.refine((n) => n > 0, 'an amount must be positive'),
  // Fractions already fail the integer check; this one is about size only, so each input gets one clear message.
  z.refine(
    (n) => !Number.isInteger(n) || Number.isSafeInteger(n),
    'an amount must be a safe integer (at most 9007199254740991 cents)',
  ),
);

/** A generated amount field with the money rules checked first, so each wrong amount gets one clear reason. */
export function cents<T extends z.ZodMiniType<number, number>>(generated: T) {
  return z.pipe(centsSchema, generated);
}
