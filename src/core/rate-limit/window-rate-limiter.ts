import { readBudget } from './rate-limit-headers.js';
import type { RateLimiter, RateLimitOptions } from './rate-limiter.js';

interface Waiter {
  start(): void;
}

/**
 * The default in-process limiter: at most `maxRequests` requests in any `intervalMs` span and at most
 * `maxConcurrent` in flight. A sliding log of when each answer came back, with requests in flight counted too: the
 * server counted each request at some moment before its answer, so no window of the server's, however aligned and
 * however long requests take, sees more than `maxRequests`.
 *
 * Why not Bottleneck here: its light build is a third of the Sequence bundle budget and hops through timers on every
 * job; this one starts an idle request synchronously and drops an aborted request from its queue. Bottleneck stays
 * supported as a user-supplied limiter (e.g. clustered through Redis).
 */
export class WindowRateLimiter implements RateLimiter {
  readonly #maxRequests: number;
  readonly #intervalMs: number;
  readonly #maxConcurrent: number;
  /** When the answers to the last `maxRequests` requests came back, oldest at `#head`. */
  readonly #answeredAt: Float64Array;
  #head = 0;
  #count = 0;
  #inFlight = 0;
  #pausedUntil = 0;
  readonly #queue: Waiter[] = [];
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(options: Required<RateLimitOptions>) {
    this.#maxRequests = options.maxRequests;
    this.#intervalMs = options.intervalMs;
    this.#maxConcurrent = options.maxConcurrent;
    this.#answeredAt = new Float64Array(options.maxRequests);
  }

  schedule<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    signal?.throwIfAborted();
    if (this.#queue.length === 0 && this.#waitTime() === 0) return this.#run(task);
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => {
        const index = this.#queue.indexOf(waiter);
        if (index >= 0) this.#queue.splice(index, 1);
        reject(signal?.reason);
      };
      const waiter: Waiter = {
        start: () => {
          signal?.removeEventListener('abort', onAbort);
          this.#run(task).then(resolve, reject);
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.#queue.push(waiter);
      this.#drain();
    });
  }

  pause(ms: number): void {
    this.#pausedUntil = Math.max(this.#pausedUntil, Date.now() + ms);
    this.#drain();
  }

  observe(headers: Headers): void {
    const remaining = readBudget(headers)?.remaining;
    if (remaining === undefined) return;
    // Adopt the server's count only when it is stricter: the difference counts as requests answered now.
    const unaccounted = this.#maxRequests - this.#used(Date.now()) - this.#inFlight - remaining;
    for (let i = 0; i < unaccounted; i++) this.#record(Date.now());
  }

  /** Requests waiting for budget, a slot or the end of a pause. */
  get queued(): number {
    return this.#queue.length;
  }

  async #run<T>(task: () => Promise<T>): Promise<T> {
    this.#inFlight++;
    try {
      return await task();
    } finally {
      this.#inFlight--;
      this.#record(Date.now());
      this.#drain();
    }
  }

  #record(at: number): void {
    const size = this.#maxRequests;
    if (this.#count < size) {
      this.#answeredAt[(this.#head + this.#count) % size] = at;
      this.#count++;
    } else {
      this.#answeredAt[this.#head] = at;
      this.#head = (this.#head + 1) % size;
    }
  }

  /** Answers within the last interval. */
  #used(now: number): number {
    while (this.#count > 0 && (this.#answeredAt[this.#head] as number) <= now - this.#intervalMs) {
      this.#head = (this.#head + 1) % this.#maxRequests;
      this.#count--;
    }
    return this.#count;
  }

  /** 0 when a request may start now; else ms until budget or pause allow it; Infinity while only a slot is missing. */
  #waitTime(): number {
    const now = Date.now();
    if (this.#pausedUntil > now) return this.#pausedUntil - now;
    const used = this.#used(now);
    if (used + this.#inFlight >= this.#maxRequests) {
      // With every counted request still in flight, the next answer drains again.
      return used > 0
        ? (this.#answeredAt[this.#head] as number) + this.#intervalMs - now
        : Number.POSITIVE_INFINITY;
    }
    return this.#inFlight < this.#maxConcurrent ? 0 : Number.POSITIVE_INFINITY;
  }

  #drain(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    while (this.#queue.length > 0) {
      const wait = this.#waitTime();
      if (wait === Number.POSITIVE_INFINITY) return; // a finishing request drains again
      if (wait > 0) {
        this.#timer = setTimeout(() => this.#drain(), wait);
        return;
      }
      this.#queue.shift()?.start();
    }
  }
}
