/** Failures of the exchange itself (fetch rejected, a body read broke off), as opposed to bugs in code around it. */
const failures = new WeakSet<object>();

/** Marks `error` as a failure of the network exchange; returns it, to be rethrown. */
export function markTransportFailure(error: unknown): unknown {
  if (typeof error === 'object' && error !== null) failures.add(error);
  return error;
}

export function isTransportFailure(error: unknown): boolean {
  return typeof error === 'object' && error !== null && failures.has(error);
}
