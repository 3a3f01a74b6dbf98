import Bottleneck from 'bottleneck';
import { ConfigurationError } from '../core/errors/configuration-error.js';
import { BottleneckRateLimiter } from '../core/rate-limit/bottleneck-rate-limiter.js';
import type { RateLimiter, RateLimitOptions } from '../core/rate-limit/rate-limiter.js';
import { clusterId, pacedSettings } from './cluster-settings.js';
import { withDeadline } from './deadline.js';
import type { RedisLink } from './redis-link.js';

export interface ClusteredRateLimiterConfig {
  /** The scope's id (hash of API and key), resolved by the client. */
  scopeId: Promise<string>;
  budget: Required<RateLimitOptions>;
  expiration: number;
  connectTimeout: number;
}

/**
 * One API key's budget shared by every process through a clustered Bottleneck: requests spaced evenly across the
 * cluster, `maxConcurrent` in flight in total, and a 429 seen anywhere pausing everyone. State in Redis expires:
 * a crashed process's slots after `expiration`, idle keys after twice that.
 */
export class ClusteredRateLimiter implements RateLimiter {
  readonly #link: RedisLink;
  readonly #config: ClusteredRateLimiterConfig;
  #bottleneck: Bottleneck | undefined;
  #starting: Promise<BottleneckRateLimiter> | undefined;
  #ready: BottleneckRateLimiter | undefined;
  #closed = false;

  constructor(link: RedisLink, config: ClusteredRateLimiterConfig) {
    this.#link = link;
    this.#config = config;
  }

  async schedule<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    signal?.throwIfAborted();
    if (this.#closed) throw new ConfigurationError('This redisRateLimit() was closed');
    const limiter = this.#ready ?? (await this.#whenReady(signal));
    let started = false;
    try {
      return await limiter.schedule(() => {
        started = true;
        return task();
      }, signal);
    } catch (error) {
      if (started || signal?.aborted) throw error;
      throw this.#link.failure('The shared rate limiter failed before the request was sent', error);
    }
  }

  pause(ms: number): void {
    this.#ready?.pause(ms);
  }

  /**
   * Ignored: the cluster is paced under the budget already, and a count the server reports for its own window
   * cannot be laid onto the cluster's spacing. A 429 still pauses every process.
   */
  observe(): void {}

  /** Leaves the cluster (its slots and pub/sub); the Redis connection itself is closed by the factory. */
  async close(): Promise<void> {
    this.#closed = true;
    await this.#bottleneck?.disconnect();
  }

  #whenReady(signal?: AbortSignal): Promise<BottleneckRateLimiter> {
    this.#starting ??= this.#start().catch((error: unknown) => {
      this.#starting = undefined;
      throw error instanceof ConfigurationError
        ? error
        : this.#link.failure('Could not join the shared rate limiter', error);
    });
    const { connectTimeout } = this.#config;
    return withDeadline(this.#starting, connectTimeout, signal, () =>
      this.#link.failure(`Redis did not answer within ${connectTimeout} ms`),
    );
  }

  async #start(): Promise<BottleneckRateLimiter> {
    const { scopeId, budget, expiration } = this.#config;
    const [id, connection] = await Promise.all([scopeId, this.#link.connection()]);
    const bottleneck = new Bottleneck({
      id: clusterId(id, budget),
      connection,
      ...pacedSettings(budget),
      // Redis keys outlive the longest job, then vanish: an idle cluster leaves nothing behind.
      timeout: 2 * expiration,
    });
    this.#bottleneck = bottleneck;
    bottleneck.on('error', (error) => this.#link.remember(error));
    await bottleneck.ready();
    this.#ready = new BottleneckRateLimiter(bottleneck, { jobOptions: { expiration } });
    return this.#ready;
  }
}
