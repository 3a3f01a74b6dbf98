/**
 * A signal that aborts, with the same reason, as soon as any of `signals` does. `release()` detaches it from
 * them, so signals that live long (a limiter's) do not collect a listener per call.
 */
export function linkedSignal(signals: ReadonlyArray<AbortSignal | undefined>): {
  signal: AbortSignal;
  release: () => void;
} {
  const linked = new AbortController();
  const sources = signals.filter((s): s is AbortSignal => s !== undefined);
  const listeners = sources.map((source) => {
    const listener = () => linked.abort(source.reason);
    source.addEventListener('abort', listener, { once: true });
    return listener;
  });
  const release = () => {
    for (const [i, source] of sources.entries()) source.removeEventListener('abort', listeners[i]!);
  };
  const aborted = sources.find((source) => source.aborted);
  if (aborted) linked.abort(aborted.reason);
  return { signal: linked.signal, release };
}
