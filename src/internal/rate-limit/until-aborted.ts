/**
 * `promise`, or a rejection with the signal's reason as soon as it aborts. Bottleneck cannot take a job back out of
 * its queue, so a call that gives up while queued settles here at once; its job does nothing when its turn comes.
 */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
