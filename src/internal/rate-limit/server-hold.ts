import { keepAlive, timerMs } from '../timer.js';

/** How long a limiter that the server says is spent, without saying until when, waits before one request probes. */
const PROBE_MS = 1_000;

/**
 * Tokens kept out of a reservoir while the server's own count (`X-RateLimit-Remaining`) is stricter than the
 * limiter's. They come back when the server said its budget returns (`Retry-After`, `retry-after-ms`,
 * `X-RateLimit-Reset`), else after the interval; a count of 0 with no time given lets one request through after a
 * second, so `Remaining: 0` alone never holds calls back for a whole window, and the probe's answer says what next.
 */
export class ServerHold {
  readonly #adjust: (delta: number) => void;
  readonly #intervalMs: number;
  #held = 0;
  #release: ReturnType<typeof setTimeout> | undefined;
  #probe: ReturnType<typeof setTimeout> | undefined;
  #alive = false;

  /** `adjust` adds tokens to the reservoir (a negative count takes them out). */
  constructor(adjust: (delta: number) => void, intervalMs: number) {
    this.#adjust = adjust;
    this.#intervalMs = intervalMs;
  }

  get held(): number {
    return this.#held;
  }

  /**
   * Holds `count` tokens back from now on. `serverWait` is when the server said its budget comes back (ms), if it
   * said; `spent` means it reported none left.
   */
  hold(count: number, serverWait: number | undefined, spent: boolean): void {
    this.#stopTimers();
    this.#set(count);
    if (this.#held === 0) return;
    this.#release = setTimeout(
      () => {
        this.#stopTimers();
        this.#set(0);
      },
      timerMs(serverWait ?? this.#intervalMs),
    );
    if (serverWait === undefined && spent) {
      this.#probe = setTimeout(
        () => {
          this.#probe = undefined;
          this.#set(this.#held - 1);
        },
        Math.min(PROBE_MS, this.#intervalMs),
      );
    }
    this.keepAlive(this.#alive);
  }

  /** Whether the timers keep the process alive: only while calls are waiting for tokens. */
  keepAlive(alive: boolean): void {
    this.#alive = alive;
    keepAlive(this.#release, alive);
    keepAlive(this.#probe, alive);
  }

  #stopTimers(): void {
    clearTimeout(this.#release);
    clearTimeout(this.#probe);
    this.#release = this.#probe = undefined;
  }

  #set(count: number): void {
    const delta = count - this.#held;
    this.#held = count;
    if (delta !== 0) this.#adjust(-delta);
  }
}
