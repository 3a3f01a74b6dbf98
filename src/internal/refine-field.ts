import * as z from 'zod/mini';

/**
 * A generated field schema with checks the vendor's prose adds (a format, a range), applied to the value under
 * `optional`: the field keeps its generated type and optionality, and an absent value is still absent.
 */
export function refineField<T extends z.ZodMiniType>(
  schema: z.ZodMiniOptional<T>,
  ...checks: Array<z.core.$ZodCheck<z.output<T>>>
): z.ZodMiniOptional<T>;
export function refineField<T extends z.ZodMiniType>(
  schema: T,
  ...checks: Array<z.core.$ZodCheck<z.output<T>>>
): T;
export function refineField(
  schema: z.ZodMiniType,
  ...checks: Array<z.core.$ZodCheck<unknown>>
): z.ZodMiniType {
  if (schema._zod.def.type === 'optional') {
    return z.optional((schema as z.ZodMiniOptional<z.ZodMiniType>).def.innerType.check(...checks));
  }
  return schema.check(...checks);
}

/** A generated array with its items' schema replaced (refined), keeping the array's own checks (`minItems`…). */
export function withElement<T extends z.ZodMiniType>(array: z.ZodMiniArray, element: T): z.ZodMiniArray<T> {
  const checks = (array.def.checks ?? []) as Array<z.core.$ZodCheck<unknown>>;
  return z.array(element).check(...checks);
}
