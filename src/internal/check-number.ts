import { ConfigurationError } from '../core/errors/configuration-error.js';

/** Throws `ConfigurationError` unless `value` is undefined or a finite number in [`min`, `max`] (whole if `integer`). */
export function checkNumber(
  name: string,
  value: unknown,
  { integer = false, min = 0, max = Number.POSITIVE_INFINITY } = {},
): void {
  if (value === undefined) return;
  if (
    typeof value !== 'number' ||
    !Number.isFinite(value) ||
    value < min ||
    value > max ||
    (integer && !Number.isInteger(value))
  ) {
    const range = max === Number.POSITIVE_INFINITY ? `>= ${min}` : `from ${min} to ${max}`;
    throw new ConfigurationError(
      `${name} must be a ${integer ? 'whole ' : ''}number ${range}, got ${typeof value === 'number' ? value : typeof value}`,
    );
  }
}

/** Throws `ConfigurationError` naming the first key of `value` that is not in `known`. */
export function checkKnownKeys(name: string, value: object, known: readonly string[]): void {
  const unknown = Object.keys(value).find((key) => !known.includes(key));
  if (unknown !== undefined) {
    throw new ConfigurationError(
      `${name} has an unknown option ${JSON.stringify(unknown)}; known: ${known.join(', ')}`,
    );
  }
}
