import type { Logger, LogLevel } from '../../src/core/client-options.js';
import type { RateLimiter } from '../../src/core/rate-limiter.js';
import { type AuthStrategy, headerAuth } from '../../src/internal/auth.js';
import { createLevelledLogger } from '../../src/internal/logger.js';
import { Transport } from '../../src/internal/transport.js';
import type { ErrorDetails, TransportConfig } from '../../src/internal/transport-config.js';

/** The canary key: tests assert it never shows up anywhere it should not. */
export const CANARY_KEY = 'canary-KEY-7f3a9c2e51';

/** Captures every log line at every level. */
export function captureLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const push = (message: string, ...rest: unknown[]) => {
    lines.push([message, ...rest.map((r) => JSON.stringify(r))].join(' '));
  };
  return { lines, debug: push, info: push, warn: push, error: push };
}

/** Reads `{ error: code, message }` bodies, the shape most tests' servers send. */
export function readSimpleErrorBody(body: unknown): ErrorDetails {
  if (typeof body !== 'object' || body === null) return {};
  const b = body as { error?: unknown; message?: unknown };
  return {
    code: typeof b.error === 'string' ? b.error : undefined,
    message: typeof b.message === 'string' ? b.message : undefined,
  };
}

export interface TestTransportOptions extends Partial<Omit<TransportConfig, 'baseUrl' | 'logger'>> {
  baseUrl: string;
  logger?: Logger;
  logLevel?: LogLevel;
  auth?: AuthStrategy;
  rateLimiter?: RateLimiter | undefined;
}

/** A transport with millisecond backoff so retry tests run fast; everything else as production defaults. */
export function testTransport(options: TestTransportOptions): Transport {
  const { baseUrl, logger, logLevel, ...rest } = options;
  return new Transport({
    apiKey: CANARY_KEY,
    auth: headerAuth('Bearer'),
    timeout: 30_000,
    totalTimeout: undefined,
    maxRetries: 2,
    maxRetryAfter: 60_000,
    rateLimiter: undefined,
    fetch: undefined,
    validateResponses: true,
    readErrorBody: readSimpleErrorBody,
    backoff: { initialMs: 1, maxMs: 5 },
    ...rest,
    baseUrl: new URL(baseUrl),
    logger: createLevelledLogger(logger ?? captureLogger(), logLevel ?? 'debug'),
  });
}
