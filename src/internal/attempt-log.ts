import type { LevelledLogger } from './logger.js';
import { type Redactor, redactUrl } from './redact.js';

/**
 * The one line each attempt logs: method, redacted URL, status (or what went wrong instead of a complete response),
 * duration, attempt number and request id. Failures at `info`, the rest at `debug`; built only when it will be
 * written. The logger escapes line breaks, so a server-given request id cannot forge a second line.
 */
export function logAttempt(
  logger: LevelledLogger,
  redact: Redactor,
  line: {
    method: string;
    url: string;
    outcome: number | string;
    started: number;
    attempt: number;
    requestId: string | undefined;
  },
): void {
  const failed = typeof line.outcome === 'string' || line.outcome >= 400;
  const level = failed ? 'info' : 'debug';
  if (!logger.enabled(level)) return;
  const ms = Math.round(performance.now() - line.started);
  const id = line.requestId ? `, request id ${line.requestId}` : '';
  logger.log(
    level,
    redact(
      `${line.method} ${redactUrl(line.url)} -> ${line.outcome} in ${ms} ms (attempt ${line.attempt}${id})`,
    ),
  );
}
