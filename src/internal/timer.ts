/** The longest delay a timer holds (about 24.8 days): `setTimeout` fires a longer one at once, with a warning. */
export const MAX_TIMER_MS = 2_147_483_647;

/** A delay as timers accept it: whole milliseconds from 0 to {@link MAX_TIMER_MS}. */
export function timerMs(ms: number): number {
  return Math.min(Math.max(0, Math.ceil(ms)), MAX_TIMER_MS);
}

type TimerHandle = ReturnType<typeof setTimeout>;
type RefTimers = { refTimer(id: number): void; unrefTimer(id: number): void };

/**
 * Whether a timer keeps the process alive. A limiter's timers matter only while a call waits on them; otherwise a
 * script that made one call would stay alive for the rest of the budget's window. Node and Bun return handles with
 * `ref`/`unref`, Deno numeric ids it refs itself; browsers and workers have no process to keep alive.
 */
export function keepAlive(timer: TimerHandle | undefined, alive: boolean): void {
  if (timer === undefined) return;
  if (typeof timer === 'object') {
    const handle = timer as { ref?: () => void; unref?: () => void };
    (alive ? handle.ref : handle.unref)?.call(handle);
    return;
  }
  const deno = (globalThis as { Deno?: Partial<RefTimers> }).Deno;
  (alive ? deno?.refTimer : deno?.unrefTimer)?.(timer as number);
}
