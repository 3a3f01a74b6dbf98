/** Failures of the exchange itself (fetch rejected, a body read broke off), as opposed to bugs in code around it. */
const failures = new WeakSet<object>();

/**
 * Marks `error` as a failure of the network exchange; returns it, to be rethrown. A thrown primitive (a fetch
 * wrapper's string or `undefined`) becomes an Error's message: a WeakSet holds only objects.
 */
export function markTransportFailure(error: unknown): unknown {
  const failure = typeof error === 'object' && error !== null ? error : new Error(String(error));
  failures.add(failure);
  return failure;
}

export function isTransportFailure(error: unknown): boolean {
  return typeof error === 'object' && error !== null && failures.has(error);
}
