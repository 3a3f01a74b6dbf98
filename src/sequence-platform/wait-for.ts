import * as z from 'zod/mini';
import type { APIPromise } from '../core/api-promise.js';
import { AbortError } from '../core/errors/abort-error.js';
import { NotFoundError } from '../core/errors/status-errors.js';
import type { RequestOptions } from '../core/request-options.js';
import { checkRequestOptions } from '../internal/check-request.js';
import { abortableSleep } from '../internal/sleep.js';
import { validateInput } from '../internal/validate-input.js';
import type { SequencePlatformError } from './errors.js';
import { WaitTimeoutError } from './wait-timeout-error.js';

const waitSchema = z.strictObject({
  timeoutMs: z.optional(z.number().check(z.gte(0, 'timeoutMs cannot be negative'))),
  intervalMs: z.optional(z.number().check(z.gte(1, 'intervalMs must be at least 1'))),
  maxIntervalMs: z.optional(z.number().check(z.gte(1, 'maxIntervalMs must be at least 1'))),
  notFoundGraceMs: z.optional(z.number().check(z.gte(0, 'notFoundGraceMs cannot be negative'))),
  signal: z.optional(z.instanceof(AbortSignal, { error: 'signal must be an AbortSignal' })),
});

/** How long to poll and how often. */
export type WaitOptions = z.input<typeof waitSchema>;

/**
 * Polls `read` with pauses doubling from `intervalMs` to `maxIntervalMs` until its `status` is in `final`, and
 * returns that state. A 404 before anything was seen counts as "not visible yet" for `notFoundGraceMs` (the
 * document's eventual consistency for an id just received); after that, or after a first sighting, it is final.
 * Gives up with `WaitTimeoutError` after `timeoutMs`.
 */
export async function waitForStatus<T extends { status: string }>(
  what: string,
  read: (options: RequestOptions) => APIPromise<T, SequencePlatformError>,
  final: readonly T['status'][],
  wait: WaitOptions = {},
  options?: RequestOptions,
): Promise<T> {
  const {
    timeoutMs = 300_000,
    intervalMs = 1_000,
    maxIntervalMs = 30_000,
    notFoundGraceMs = 30_000,
  } = validateInput(waitSchema, wait, 'wait options');
  const signals = [wait.signal, checkRequestOptions(options).signal].filter((s) => s !== undefined);
  const signal = signals.length > 0 ? AbortSignal.any(signals) : undefined;
  const started = Date.now();
  let last: T | undefined;
  for (let pause = intervalMs; ; pause = Math.min(pause * 2, maxIntervalMs)) {
    const outcome = await read({ ...options, ...(signal ? { signal } : {}) }).safe();
    if (outcome.ok) {
      last = outcome.data;
      if (final.includes(last.status)) return last;
    } else {
      const unseen = outcome.error instanceof NotFoundError && last === undefined;
      if (!unseen || Date.now() - started >= notFoundGraceMs) throw outcome.error;
    }
    const left = started + timeoutMs - Date.now();
    if (left <= 0) throw new WaitTimeoutError(what, timeoutMs, last);
    await abortableSleep(Math.min(pause, left), signal).catch((reason: unknown) => {
      throw new AbortError(reason);
    });
  }
}
