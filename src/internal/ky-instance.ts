import ky, { type KyInstance } from 'ky';
import { type AttemptState, attemptOf } from './attempt-state.js';
import { handOffFetch } from './fetch-hand-off.js';
import { userKyHooks } from './ky-hooks.js';
import { parseBody } from './parse-body.js';
import type { Redactor } from './redact.js';
import { timerMs } from './timer.js';
import type { TransportConfig } from './transport-config.js';

/** What the ky instance of a transport is made from: the transport's config, and how it masks and types errors. */
export interface KyInstanceConfig
  extends Pick<
    TransportConfig,
    'baseUrl' | 'timeout' | 'fetch' | 'defaultHeaders' | 'idempotencyHeader' | 'requestIdHeader' | 'hooks'
  > {
  /** The header that carries the key under header auth, set on every request. */
  authHeader: readonly [name: string, value: string] | undefined;
  redact: Redactor;
  /** Masks credentials in a request URL, for hooks. */
  redactUrl: (url: string) => string;
  /** Turns what an attempt failed with into the SDK's typed error (see `toTypedError`). */
  typedError: (error: unknown, attempt: AttemptState) => unknown;
}

/**
 * One ky instance per transport: ky makes every HTTP attempt. Its own retry is off (p-retry runs the retries, in one
 * place); redirects are never followed (credentials must not travel to wherever a 3xx points); the SDK's hooks set
 * the key, the idempotency key and the request id on each attempt's request and turn ky's errors into typed ones,
 * and the user's hooks run after them.
 */
export function createKyInstance(config: KyInstanceConfig): KyInstance {
  const user = userKyHooks(config.hooks ?? {}, config.redactUrl);
  return ky.create({
    prefix: config.baseUrl.href,
    // ky refuses a timeout longer than a timer holds.
    timeout: timerMs(config.timeout),
    retry: 0,
    redirect: 'manual',
    throwHttpErrors: true,
    fetch: handOffFetch(config.fetch),
    headers: { accept: 'application/json', ...config.defaultHeaders },
    // Only error bodies reach this (`HTTPError.data`; 2xx bodies are read by the transport): kept as text when they
    // are not JSON, whatever their Content-Type claims. The ApiError made from them masks the key.
    parseJson: (text, { response }) => (response.ok ? JSON.parse(text) : parseBody(text).value),
    hooks: {
      beforeRequest: [
        ({ request, options }) => {
          const attempt = attemptOf(options);
          if (config.authHeader) request.headers.set(config.authHeader[0], config.authHeader[1]);
          if (attempt.idempotencyKey && config.idempotencyHeader) {
            request.headers.set(config.idempotencyHeader, attempt.idempotencyKey);
          }
          if (attempt.requestId && config.requestIdHeader) {
            request.headers.set(config.requestIdHeader, attempt.requestId);
          }
          attempt.request = request;
        },
        ...(user.beforeRequest ?? []),
      ],
      afterResponse: user.afterResponse ?? [],
      beforeError: [
        ({ error, options }) => config.typedError(error, attemptOf(options)) as Error,
        ...(user.beforeError ?? []),
      ],
    },
  });
}
