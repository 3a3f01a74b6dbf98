/**
 * A server's value as JSON text, for a message: `JSON.stringify` recurses, so an answer nested thousands deep (which
 * `JSON.parse` reads fine) would throw a RangeError instead of the error or warning it feeds.
 */
export function jsonText(value: unknown): string | undefined {
  try {
    return JSON.stringify(value);
  } catch {
    return '(too deep to show)';
  }
}
