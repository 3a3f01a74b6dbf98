import type Bottleneck from 'bottleneck';
import type { RateLimiter } from '../../core/rate-limiter.js';
import { abortableSleep } from '../sleep.js';
import { timerMs } from '../timer.js';
import { readBudget } from './rate-limit-headers.js';
import { untilAborted } from './until-aborted.js';

export interface BottleneckRateLimiterOptions {
  /** Options for every job, e.g. `expiration`, so a clustered limiter takes back the slots of a crashed process. */
  jobOptions?: Bottleneck.JobOptions;
}

/** How long a limiter the server reports spent, without saying until when, holds calls before trying again. */
const SPENT_PAUSE_MS = 1_000;

/** How a pause travels between the processes of a clustered Bottleneck (its own pub/sub channel). */
const PAUSE_MESSAGE = 'ruleseq:pause:';

/**
 * Adapts a Bottleneck instance (ours or the caller's, local or clustered) to `RateLimiter`. On a clustered
 * Bottleneck (Redis), a pause after a 429 is published to every limiter of the cluster.
 */
export class BottleneckRateLimiter implements RateLimiter {
  readonly bottleneck: Bottleneck;
  readonly #jobOptions: Bottleneck.JobOptions;
  readonly #clustered: boolean;
  #pausedUntil = 0;

  constructor(bottleneck: Bottleneck, options: BottleneckRateLimiterOptions = {}) {
    this.bottleneck = bottleneck;
    this.#jobOptions = options.jobOptions ?? {};
    const { datastore } = bottleneck as { datastore?: unknown };
    this.#clustered =
      (datastore === 'redis' || datastore === 'ioredis') && typeof bottleneck.on === 'function';
    if (this.#clustered) bottleneck.on('message', (message) => this.#receive(message));
  }

  schedule<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    signal?.throwIfAborted();
    let sent: Promise<T> | undefined;
    const run = async () => {
      // The slot is held through a pause, so queued requests stay queued until the server's wait is over.
      await this.#waitOutPause(signal);
      signal?.throwIfAborted();
      sent = task();
      return sent;
    };
    const scheduled = this.bottleneck.schedule(this.#jobOptions, run).catch((error: unknown) => {
      // Once the request has gone out, its outcome is the call's, whatever the limiter reports afterwards (a job
      // past its `expiration`, a store that failed while freeing the slot).
      if (sent) return sent;
      throw error;
    });
    return signal ? untilAborted(scheduled, signal) : scheduled;
  }

  pause(ms: number): void {
    this.#pauseHere(ms);
    // Durations, not instants, travel: hosts' clocks differ; the broadcast's own latency only lengthens the pause.
    if (this.#clustered) this.bottleneck.publish(`${PAUSE_MESSAGE}${Math.ceil(ms)}`).catch(() => {});
  }

  observe(headers: Headers, serverWait?: number): void {
    const remaining = readBudget(headers)?.remaining;
    if (remaining === undefined) return;
    if (remaining === 0) {
      // Spent: hold until the time the server gave, else only briefly, never for a whole refresh interval.
      this.pause(serverWait ?? SPENT_PAUSE_MS);
      return;
    }
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

  #pauseHere(ms: number): void {
    this.#pausedUntil = Math.max(this.#pausedUntil, Date.now() + timerMs(ms));
  }

  #receive(message: string): void {
    if (!message.startsWith(PAUSE_MESSAGE)) return; // the caller's own messages on their Bottleneck
    const ms = Number(message.slice(PAUSE_MESSAGE.length));
    if (Number.isFinite(ms) && ms > 0) this.#pauseHere(ms);
  }

  async #waitOutPause(signal?: AbortSignal): Promise<void> {
    for (let wait = this.#pausedUntil - Date.now(); wait > 0; wait = this.#pausedUntil - Date.now()) {
      await abortableSleep(wait, signal);
    }
  }
}
