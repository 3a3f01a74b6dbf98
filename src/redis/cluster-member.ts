import type Bottleneck from 'bottleneck';
import type { Cluster, Redis } from 'ioredis';
import type { ConnectionError } from '../core/errors/connection-error.js';
import type { BottleneckRateLimiter } from '../internal/rate-limit/bottleneck-rate-limiter.js';
import { allReady, watchConnections } from './connection-health.js';
import { linkedSignal } from './linked-signal.js';
import type { ScriptAnswers } from './script-answers.js';

type RedisClient = Redis | Cluster;

export interface ClusterMemberConfig {
  bottleneck: Bottleneck;
  limiter: BottleneckRateLimiter;
  /** The cluster's settings, registered again when Redis comes back (it may have come back empty). */
  settings: Bottleneck.ConstructorOptions;
  /** How long Redis may fail to serve before every waiting call fails. */
  connectTimeout: number;
  /** Whether Redis answers the connection's scripts: a stalled Redis reports nothing else. */
  answers: ScriptAnswers;
  /** A `ConnectionError` that says what failed (and never shows the password). */
  failure: (what: string, error?: unknown) => ConnectionError;
  /** Called once, when this member gives up on Redis; the next call joins the cluster again. */
  onRetire: () => void;
}

/**
 * One process's place in the cluster, for as long as Redis serves it. Redis is in trouble while a connection is
 * down or its scripts fail; trouble that lasts `connectTimeout` fails every call waiting here with a
 * `ConnectionError` (nothing was sent: retrying is safe) and retires the member, dropping its queue, so no call
 * waits on Redis for longer and abandoned calls do not hold up the next ones. A shorter outage passes unnoticed:
 * when the connections are back the settings are registered again (Redis may have restarted empty) and the
 * queue drains.
 */
export class ClusterMember {
  readonly limiter: BottleneckRateLimiter;
  readonly #config: ClusterMemberConfig;
  readonly #outage = new AbortController();
  readonly #stopWatching: () => void;
  #connectionsUp: boolean;
  #scriptsFailing = false;
  #troubleTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(config: ClusterMemberConfig) {
    this.#config = config;
    this.limiter = config.limiter;
    const { bottleneck } = config;
    const { client, subscriber } = bottleneck.clients() as { client: RedisClient; subscriber: RedisClient };
    const stopWatching = watchConnections([client, subscriber], (up) => {
      this.#connectionsUp = up;
      if (up) this.#registerAgain();
      this.#review();
    });
    const stopListening = config.answers.listen((served) => {
      // An answer is Redis serving: a silence, if scripts are still owed, counts from here.
      if (served && this.#connectionsUp && !this.#scriptsFailing) this.#stopClock();
      this.#review();
    });
    this.#stopWatching = () => {
      stopWatching();
      stopListening();
    };
    bottleneck.on('error', () => this.#scripts(false));
    // Bottleneck reports these once Redis has run one of its scripts for a job: Redis is serving again.
    bottleneck.on('queued', () => this.#scripts(true));
    bottleneck.on('scheduled', () => this.#scripts(true));
    this.#connectionsUp = allReady([client, subscriber]);
    this.#review();
  }

  /** Runs `task` in the cluster's turn; the call's outcome is the task's once it has started. */
  schedule<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    this.outage.throwIfAborted();
    const waiting = linkedSignal([signal, this.outage]);
    return new Promise<T>((resolve, reject) => {
      let started = false;
      const run = () => {
        started = true;
        waiting.release();
        const sent = new Promise<T>((settle) => settle(task()));
        // Not Bottleneck's promise: it settles only once the slot is freed in Redis, which may be down by then.
        sent.then(resolve, reject);
        return sent;
      };
      this.limiter.schedule(run, waiting.signal).catch((error: unknown) => {
        if (started) return;
        waiting.release();
        reject(
          waiting.signal.aborted
            ? waiting.signal.reason
            : this.#config.failure('The shared rate limiter failed before the request was sent', error),
        );
      });
    });
  }

  /** Aborted, with the `ConnectionError` every waiting call fails with, once this member has given up on Redis. */
  get outage(): AbortSignal {
    return this.#outage.signal;
  }

  /** Leaves the cluster (its queue, slots and pub/sub). */
  async leave(): Promise<void> {
    this.#stopWatching();
    clearTimeout(this.#troubleTimer);
    await this.#config.bottleneck.disconnect();
  }

  #scripts(served: boolean): void {
    this.#scriptsFailing = !served;
    this.#review();
  }

  /** Starts the trouble clock when Redis stops serving, stops it when Redis serves again. */
  #review(): void {
    const trouble = !this.#connectionsUp || this.#scriptsFailing || this.#config.answers.owed;
    if (trouble && this.#troubleTimer === undefined && !this.outage.aborted) {
      this.#troubleTimer = setTimeout(() => this.#retire(), this.#config.connectTimeout);
    } else if (!trouble) {
      this.#stopClock();
    }
  }

  #stopClock(): void {
    clearTimeout(this.#troubleTimer);
    this.#troubleTimer = undefined;
  }

  /**
   * Registers the settings again (Bottleneck recreates them if Redis lost them), which also tells every process
   * of the cluster its capacity, so queued calls move on.
   */
  #registerAgain(): void {
    // Typed as returning the limiter; 2.19.5 returns a promise of it, settled once Redis has run the script.
    Promise.resolve<unknown>(this.#config.bottleneck.updateSettings(this.#config.settings)).then(
      () => this.#scripts(true),
      () => this.#scripts(false),
    );
  }

  #retire(): void {
    const { connectTimeout, failure, onRetire } = this.#config;
    this.#outage.abort(failure(`Redis did not answer within ${connectTimeout} ms`));
    onRetire();
    // Jobs still queued here are dropped with this Bottleneck; its registration in Redis times out.
    this.leave().catch(() => {});
  }
}
