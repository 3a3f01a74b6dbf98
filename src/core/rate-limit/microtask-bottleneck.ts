import Bottleneck from 'bottleneck/light.js';

interface BottleneckInternals {
  _store: { yieldLoop: () => Promise<void> };
  _scheduled: Record<string, { timeout: unknown; expiration: unknown; job: unknown }>;
  _limiter: unknown;
  _clearGlobalState(index: string): boolean;
  _free(index: string, job: unknown, options: unknown, eventInfo: unknown): void;
}

interface BottleneckJob {
  options: { expiration?: number | null };
  doRun(): void;
  doExecute(
    chained: unknown,
    clearGlobalState: () => boolean,
    run: (wait: number) => void,
    free: (options: unknown, eventInfo: unknown) => void,
  ): void;
}

/**
 * Bottleneck with its local datastore's timer hops replaced by microtasks.
 *
 * Why: the in-memory datastore imitates a Redis round-trip with `setTimeout(0)` at every step, and `_run` starts each
 * job on a timer even when its wait is 0. In Node each timer costs at least 1 ms, so a stock limiter adds ~4-5 ms to
 * every call and caps throughput near 460 calls/s. State here is in memory, so a resolved promise keeps the same
 * ordering without the delay. Accounting (reservoir, refresh, `maxConcurrent`, `minTime`) is Bottleneck's own and
 * unchanged; jobs that must wait still wait on Bottleneck's timers. Relies on bottleneck 2.19.5 internals (its final
 * release, pinned exactly in package.json); the limiter tests fail if they change.
 */
export class MicrotaskBottleneck extends Bottleneck {
  constructor(options: Bottleneck.ConstructorOptions) {
    super(options);
    (this as unknown as BottleneckInternals)._store.yieldLoop = () => Promise.resolve();
  }

  protected _run(index: string, job: BottleneckJob, wait: number): void {
    const self = this as unknown as BottleneckInternals & MicrotaskBottleneck;
    if (wait > 0 || job.options.expiration != null) {
      stockRun.call(this, index, job, wait);
      return;
    }
    job.doRun();
    self._scheduled[index] = { timeout: undefined, expiration: undefined, job };
    job.doExecute(
      self._limiter,
      () => self._clearGlobalState(index),
      (retryWait: number) => self._run(index, job, retryWait),
      (options: unknown, eventInfo: unknown) => self._free(index, job, options, eventInfo),
    );
  }
}

const stockRun = (
  Bottleneck.prototype as unknown as { _run: (i: string, j: BottleneckJob, w: number) => void }
)._run;
