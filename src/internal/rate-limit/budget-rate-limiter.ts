import type Bottleneck from 'bottleneck';
import type { RateLimiter, RateLimitOptions } from '../../core/rate-limiter.js';
import { keepAlive, timerMs } from '../timer.js';
import { readBudget } from './rate-limit-headers.js';
import { RefillQueue } from './refill-queue.js';
import { ServerHold } from './server-hold.js';
import { TimerlessBottleneck } from './timerless-bottleneck.js';
import { untilAborted } from './until-aborted.js';

/**
 * The default limiter: at most `maxRequests` requests in any `intervalMs` span and `maxConcurrent` in flight, kept
 * by Bottleneck's reservoir. Each request takes a token when it starts and gives it back `intervalMs` after its
 * answer: the server counted the request at some moment before answering, so no server window, however aligned and
 * however slow the requests, sees more than `maxRequests`, and a burst up to the budget goes out at once. A pause
 * after a 429 takes a whole budget out of the reservoir until it ends; a stricter count from the server holds
 * tokens back (see `ServerHold`).
 */
export class BudgetRateLimiter implements RateLimiter {
  readonly bottleneck: Bottleneck;
  readonly #budget: Required<RateLimitOptions>;
  readonly #refills: RefillQueue;
  readonly #serverHold: ServerHold;
  #inFlight = 0;
  #waiting = 0;
  #pause: ReturnType<typeof setTimeout> | undefined;
  #pausedUntil = 0;
  #alive = false;

  constructor(budget: Required<RateLimitOptions>) {
    this.#budget = budget;
    this.bottleneck = new TimerlessBottleneck({
      reservoir: budget.maxRequests,
      maxConcurrent: budget.maxConcurrent,
    });
    const adjust = (delta: number) => void this.bottleneck.incrementReservoir(delta);
    this.#refills = new RefillQueue(adjust);
    this.#serverHold = new ServerHold(adjust, budget.intervalMs);
  }

  /** Calls waiting for a token, a slot or the end of a pause (not those whose signal gave up). */
  get queued(): number {
    return this.#waiting;
  }

  schedule<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    signal?.throwIfAborted();
    this.#wait(1);
    let gaveUp = false;
    const onAbort = () => {
      gaveUp = true;
      this.#wait(-1);
    };
    const job = async (): Promise<T> => {
      if (gaveUp) {
        // Nothing is sent: the token goes straight back.
        void this.bottleneck.incrementReservoir(1);
        throw signal?.reason;
      }
      signal?.removeEventListener('abort', onAbort);
      this.#wait(-1);
      this.#inFlight++;
      try {
        return await task();
      } finally {
        this.#inFlight--;
        this.#refills.add(performance.now() + this.#budget.intervalMs);
      }
    };
    const scheduled = this.bottleneck.schedule(job);
    if (!signal) return scheduled;
    signal.addEventListener('abort', onAbort, { once: true });
    return untilAborted(scheduled, signal);
  }

  pause(ms: number): void {
    const wait = timerMs(ms);
    const until = performance.now() + wait;
    if (wait === 0 || until <= this.#pausedUntil) return;
    this.#pausedUntil = until;
    if (this.#pause === undefined) void this.bottleneck.incrementReservoir(-this.#budget.maxRequests);
    else clearTimeout(this.#pause);
    this.#pause = setTimeout(() => {
      this.#pause = undefined;
      void this.bottleneck.incrementReservoir(this.#budget.maxRequests);
    }, wait);
    keepAlive(this.#pause, this.#alive);
  }

  observe(headers: Headers, serverWait?: number): void {
    const remaining = readBudget(headers)?.remaining;
    if (remaining === undefined) {
      // No count: an answer is no sign the budget is spent, unless it names a wait, which then ends the hold.
      this.#serverHold.hold(serverWait === undefined ? 0 : this.#serverHold.held, serverWait, false);
      return;
    }
    const ownCount = this.#budget.maxRequests - this.#inFlight - this.#refills.pending;
    this.#serverHold.hold(Math.max(0, ownCount - remaining), serverWait, remaining === 0);
  }

  /** Counts calls waiting for their turn: the limiter's timers hold the process open only while there are some. */
  #wait(delta: 1 | -1): void {
    this.#waiting += delta;
    if (this.#waiting > 0 !== this.#alive) this.#keepAlive(this.#waiting > 0);
  }

  #keepAlive(alive: boolean): void {
    this.#alive = alive;
    keepAlive(this.#pause, alive);
    this.#refills.keepAlive(alive);
    this.#serverHold.keepAlive(alive);
  }
}
