import { timerMs } from './timer.js';

/** A signal that aborts once a time budget runs out, and the way to stop its timer early. */
export interface Deadline {
  signal: AbortSignal;
  /** Stops the timer once the work is done, so nothing of it outlives the work. */
  clear(): void;
}

/**
 * Like `AbortSignal.timeout(ms)` (it aborts with a `TimeoutError` DOMException), but clearable: an
 * `AbortSignal.timeout` keeps its timer, and with it the signal and everything that depends on it, alive for the
 * whole budget even when the work ended long before, so a busy client carries 30 s worth of finished calls.
 * `ms` is capped at what a timer holds.
 */
export function deadline(ms: number): Deadline {
  const controller = new AbortController();
  const timer = setTimeout(() => {
    controller.abort(new DOMException(`The operation timed out after ${ms} ms`, 'TimeoutError'));
  }, timerMs(ms));
  return { signal: controller.signal, clear: () => clearTimeout(timer) };
}
