import Bottleneck from 'bottleneck/light.js';

/** The parts of Bottleneck 2.19.5 this class touches (test/core/timerless-bottleneck.test.ts pins their source). */
interface BottleneckInternals {
  _store: { yieldLoop: () => Promise<void> };
  Events: BottleneckEvents;
  _scheduled: Record<string, { timeout: unknown; expiration: unknown; job: BottleneckJob }>;
  _limiter: unknown;
  _clearGlobalState(index: string): boolean;
  _free(index: string, job: BottleneckJob, options: unknown, eventInfo: unknown): Promise<void>;
}

interface BottleneckJob {
  options: { expiration?: number | null };
  doRun(): void;
  doExecute(
    chained: unknown,
    clearGlobalState: () => boolean,
    run: (wait: number) => void,
    free: (options: unknown, eventInfo: unknown) => Promise<void>,
  ): Promise<void>;
}

/** Bottleneck's event emitter: `trigger` is awaited at every step of every job, listened to or not. */
interface BottleneckEvents {
  _events: Record<string, unknown[] | undefined>;
  trigger(name: string, ...args: unknown[]): Promise<unknown>;
}

const stockTrigger = (Bottleneck.Events as unknown as { prototype: BottleneckEvents }).prototype.trigger;
const NO_LISTENER = Promise.resolve(undefined);

/** Events nobody listens to settle at once, as the stock `trigger` would settle them, without its detour. */
function quiet(events: BottleneckEvents): void {
  events.trigger = function (this: BottleneckEvents, name, ...args) {
    if (this._events[name] === undefined && this._events.debug === undefined) return NO_LISTENER;
    return stockTrigger.call(this, name, ...args);
  };
}

const stockRun = (
  Bottleneck.prototype as unknown as { _run(index: string, job: BottleneckJob, wait: number): void }
)._run;

/**
 * Bottleneck (light build) without its timer hops. Its in-memory datastore imitates a Redis round trip with
 * `setTimeout(0)` at every step (submit, register, free, reservoir changes) and `_run` starts even a job with no
 * wait on a timer: in Node each hop costs about a millisecond, 4–6 ms per call. The state lives in this process, so a
 * resolved promise keeps every step in the same order without the delay. Accounting (reservoir, `maxConcurrent`,
 * queue order) is Bottleneck's own and unchanged; a job that must wait still waits on Bottleneck's timer. Relies on
 * the internals of the Bottleneck version pinned exactly in package.json; a test fails if they change. Its events
 * cost nothing while nobody listens: the stock `trigger` (an async function) re-emits every event as "debug" with a
 * message built for it, and settles with `undefined` when neither has a listener, about seven times per job.
 */
export class TimerlessBottleneck extends Bottleneck {
  constructor(options: Bottleneck.ConstructorOptions) {
    super(options);
    const self = this as unknown as BottleneckInternals;
    self._store.yieldLoop = () => Promise.resolve();
    quiet(self.Events);
  }

  /** Bottleneck's `_run`, minus the `setTimeout(…, 0)` before a job that has no wait and no expiration. */
  protected _run(index: string, job: BottleneckJob, wait: number): void {
    if (wait > 0 || job.options.expiration != null) {
      stockRun.call(this, index, job, wait);
      return;
    }
    const self = this as unknown as BottleneckInternals & TimerlessBottleneck;
    job.doRun();
    self._scheduled[index] = { timeout: undefined, expiration: undefined, job };
    void job.doExecute(
      self._limiter,
      () => self._clearGlobalState(index),
      (retryWait) => self._run(index, job, retryWait),
      (options, eventInfo) => self._free(index, job, options, eventInfo),
    );
  }
}
