import { keepAlive, timerMs } from '../timer.js';

/**
 * Tokens due back to a reservoir, each at its own time, on one timer for all of them. Times are added in order
 * (each is "now + the interval"), so the queue stays sorted and the earliest is always at its head.
 */
export class RefillQueue {
  readonly #give: (count: number) => void;
  readonly #due: number[] = [];
  #head = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #alive = false;

  /** `give` receives how many tokens came due together. */
  constructor(give: (count: number) => void) {
    this.#give = give;
  }

  /** Tokens not given back yet. */
  get pending(): number {
    return this.#due.length - this.#head;
  }

  /** One token back at `at` (a `performance.now()` time). */
  add(at: number): void {
    this.#due.push(at);
    if (this.#timer === undefined) this.#arm();
  }

  /** Whether the timer keeps the process alive: only while calls are waiting for tokens. */
  keepAlive(alive: boolean): void {
    this.#alive = alive;
    keepAlive(this.#timer, alive);
  }

  #arm(): void {
    const wait = (this.#due[this.#head] as number) - performance.now();
    this.#timer = setTimeout(this.#fire, timerMs(wait));
    keepAlive(this.#timer, this.#alive);
  }

  readonly #fire = (): void => {
    this.#timer = undefined;
    const now = performance.now();
    const from = this.#head;
    while (this.#head < this.#due.length && (this.#due[this.#head] as number) <= now) this.#head++;
    const count = this.#head - from;
    // Drop what was given back once it outweighs what is left, so the array never grows with the call count.
    if (this.#head > 1024 && this.#head * 2 > this.#due.length) {
      this.#due.splice(0, this.#head);
      this.#head = 0;
    }
    if (this.pending > 0) this.#arm();
    if (count > 0) this.#give(count);
  };
}
