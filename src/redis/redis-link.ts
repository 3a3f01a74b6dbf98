import Bottleneck from 'bottleneck';
import type { Cluster, Redis } from 'ioredis';
import { ConfigurationError } from '../core/errors/configuration-error.js';
import { ConnectionError } from '../core/errors/connection-error.js';
import { createRedactor, type Redactor, redactUrl, sanitizeCause } from '../internal/redact.js';
import { acceptRedis7Replies } from './redis-7-replies.js';
import type { RedisTarget } from './redis-rate-limit-options.js';
import { ScriptAnswers } from './script-answers.js';

type RedisClient = Redis | Cluster;

async function clientFromUrl(url: string): Promise<{ client: Redis; Redis: typeof Redis }> {
  const ioredis = await import('ioredis').catch(() => {
    throw new ConfigurationError('ruleseq/redis needs the ioredis package: npm install ioredis');
  });
  return { client: new ioredis.Redis(url), Redis: ioredis.Redis };
}

/** The password of a Redis URL, as written and decoded: what must never reach an error or a log. */
function urlSecrets(url: string): string[] {
  const { password } = new URL(url);
  return password ? [password, decodeURIComponent(password)] : [];
}

/**
 * The Redis connection shared by every limiter of one `redisRateLimit()`: opened on first use (ioredis is imported
 * only then), its failures turned into `ConnectionError`s that never carry the URL's password.
 */
export class RedisLink {
  /** Whether Redis answers the scripts sent through the connection, once it is made. */
  readonly answers = new ScriptAnswers();
  readonly #target: RedisTarget;
  readonly #redact: Redactor;
  /** Where Redis is, safe to show. */
  readonly #where: string;
  #client: RedisClient | undefined;
  #connection: Promise<Bottleneck.IORedisConnection> | undefined;
  #lastError: unknown;
  #closed = false;

  constructor(target: RedisTarget) {
    this.#target = target;
    this.#redact = createRedactor('url' in target ? urlSecrets(target.url) : []);
    this.#where = 'url' in target ? `Redis at ${redactUrl(target.url)}` : 'Redis';
  }

  /** Bottleneck's connection object (two clients: commands and pub/sub), made once. */
  connection(): Promise<Bottleneck.IORedisConnection> {
    if (this.#closed) return Promise.reject(new ConfigurationError('This redisRateLimit() was closed'));
    this.#connection ??= this.#connect();
    return this.#connection;
  }

  /** Remembers a failure Redis or Bottleneck reported out of band, to explain the next error. */
  remember(error: unknown): void {
    this.#lastError = error;
  }

  /** A failure of the limiter before the request was sent; retrying it is safe. */
  failure(what: string, error: unknown = this.#lastError): ConnectionError {
    const detail = error instanceof Error ? `: ${error.message}` : '';
    return new ConnectionError(this.#redact(`${what} (${this.#where})${detail}`), {
      refused: true,
      cause: sanitizeCause(error, this.#redact),
    });
  }

  /** Closes the clients ruleseq opened; of a client the caller passed, only the pub/sub copy Bottleneck made. */
  async close(): Promise<void> {
    this.#closed = true;
    const connection = await this.#connection?.catch(() => undefined);
    if (!connection) return;
    if ('url' in this.#target) {
      // QUIT lets commands in flight (freeing slots) finish; a client that is not connected is just dropped.
      await connection.disconnect(this.#client?.status === 'ready');
      return;
    }
    (connection as unknown as { subscriber: RedisClient }).subscriber.disconnect();
  }

  async #connect(): Promise<Bottleneck.IORedisConnection> {
    const { client, Redis } =
      'url' in this.#target
        ? await clientFromUrl(this.#target.url)
        : { client: this.#target.client, Redis: this.#target.client.constructor };
    this.#client = client;
    // Passing `Redis` keeps Bottleneck from calling `require('ioredis')` itself.
    const connection = new Bottleneck.IORedisConnection({ client, Redis });
    acceptRedis7Replies(connection);
    this.answers.watch(connection);
    connection.on('error', (error) => this.remember(error));
    return connection;
  }
}
