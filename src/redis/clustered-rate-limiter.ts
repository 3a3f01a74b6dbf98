import Bottleneck from 'bottleneck';
import { ConfigurationError } from '../core/errors/configuration-error.js';
import type { RateLimiter, RateLimitOptions } from '../core/rate-limiter.js';
import { BottleneckRateLimiter } from '../internal/rate-limit/bottleneck-rate-limiter.js';
import { ClusterMember } from './cluster-member.js';
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
 * a crashed process's slots after `expiration`, idle keys after twice that (the next call registers them again).
 * A call never waits on an unresponsive Redis for longer than `connectTimeout` (see `ClusterMember`).
 */
export class ClusteredRateLimiter implements RateLimiter {
  readonly #link: RedisLink;
  readonly #config: ClusteredRateLimiterConfig;
  #joining: Promise<ClusterMember> | undefined;
  #member: ClusterMember | undefined;
  #closed = false;

  constructor(link: RedisLink, config: ClusteredRateLimiterConfig) {
    this.#link = link;
    this.#config = config;
  }

  async schedule<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    signal?.throwIfAborted();
    if (this.#closed) throw new ConfigurationError('This redisRateLimit() was closed');
    const member = this.#member ?? (await this.#whenJoined(signal));
    return member.schedule(task, signal);
  }

  pause(ms: number): void {
    this.#member?.limiter.pause(ms);
  }

  /**
   * Ignored: the cluster is paced under the budget already, and a count the server reports for its own window
   * cannot be laid onto the cluster's spacing. A 429 still pauses every process.
   */
  observe(): void {}

  /** Leaves the cluster (its slots and pub/sub); the Redis connection itself is closed by the factory. */
  async close(): Promise<void> {
    this.#closed = true;
    // A join still under way leaves as soon as it completes (or fails once the factory closes the connection).
    await this.#member?.leave();
  }

  #whenJoined(signal?: AbortSignal): Promise<ClusterMember> {
    this.#joining ??= this.#join().catch((error: unknown) => {
      this.#joining = undefined;
      throw error instanceof ConfigurationError
        ? error
        : this.#link.failure('Could not join the shared rate limiter', error);
    });
    const { connectTimeout } = this.#config;
    return withDeadline(this.#joining, connectTimeout, signal, () =>
      this.#link.failure(`Redis did not answer within ${connectTimeout} ms`),
    );
  }

  async #join(): Promise<ClusterMember> {
    const { scopeId, budget, expiration, connectTimeout } = this.#config;
    const [id, connection] = await Promise.all([scopeId, this.#link.connection()]);
    const settings = pacedSettings(budget);
    const bottleneck = new Bottleneck({
      id: clusterId(id, budget),
      connection,
      ...settings,
      // Redis keys outlive the longest job, then vanish: an idle cluster leaves nothing behind.
      timeout: 2 * expiration,
    });
    bottleneck.on('error', (error) => this.#link.remember(error));
    try {
      await bottleneck.ready();
    } catch (error) {
      bottleneck.disconnect().catch(() => {});
      throw error;
    }
    const member = new ClusterMember({
      bottleneck,
      limiter: new BottleneckRateLimiter(bottleneck, { jobOptions: { expiration } }),
      settings,
      connectTimeout,
      answers: this.#link.answers,
      failure: (what, error) => this.#link.failure(what, error),
      onRetire: () => {
        this.#member = undefined;
        this.#joining = undefined;
      },
    });
    if (this.#closed) {
      await member.leave();
      throw new ConfigurationError('This redisRateLimit() was closed');
    }
    this.#member = member;
    return member;
  }
}
