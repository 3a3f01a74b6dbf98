import type Bottleneck from 'bottleneck';
import { abortableSleep } from '../sleep.js';
import { readBudget } from './rate-limit-headers.js';
import type { RateLimiter } from './rate-limiter.js';

/** Adapts a Bottleneck instance (ours or the caller's, local or clustered) to `RateLimiter`. */
export class BottleneckRateLimiter implements RateLimiter {
  readonly bottleneck: Bottleneck;
  #pausedUntil = 0;

  constructor(bottleneck: Bottleneck) {
    this.bottleneck = bottleneck;
  }

  schedule<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    signal?.throwIfAborted();
    const run = async () => {
      // The slot is held through a pause, so queued requests stay queued until the server's wait is over.
      await this.#waitOutPause(signal);
      signal?.throwIfAborted();
      return task();
    };
    const scheduled = this.bottleneck.schedule(run);
    if (!signal) return scheduled;
    // Bottleneck cannot drop a queued job; the job sees the abort when it starts and does nothing.
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => reject(signal.reason);
      signal.addEventListener('abort', onAbort, { once: true });
      scheduled.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
    });
  }

  pause(ms: number): void {
    this.#pausedUntil = Math.max(this.#pausedUntil, Date.now() + ms);
  }

  observe(headers: Headers): void {
    const remaining = readBudget(headers)?.remaining;
    if (remaining === undefined) return;
    // Adopt the server's count only when it is stricter than ours; off the request's path. Not through
    // updateSettings: in Bottleneck 2.19.5 it stops the reservoir refresh for good (bottleneck#185), so a limiter
    // that ran dry would never start another request.
    this.bottleneck
      .currentReservoir()
      .then((current) => {
        if (current !== null && remaining < current)
          return this.bottleneck.incrementReservoir(remaining - current);
      })
      .catch(() => {});
  }

  async #waitOutPause(signal?: AbortSignal): Promise<void> {
    for (let wait = this.#pausedUntil - Date.now(); wait > 0; wait = this.#pausedUntil - Date.now()) {
      await abortableSleep(wait, signal);
    }
  }
}
