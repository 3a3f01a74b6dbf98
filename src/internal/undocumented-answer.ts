import { jsonText } from './json-text.js';
import type { LevelledLogger } from './logger.js';
import type { Redactor } from './redact.js';

/** Operations whose undocumented answers were already reported, per client: one warning each. */
export type WarnedOperations = Set<unknown>;

/** Where a report goes, and what it must not show. */
export interface AnswerReporter {
  logger: LevelledLogger;
  redact: Redactor;
  warned: WarnedOperations;
}

/** `warn` the first time `operation` is reported on this client, `debug` after: a listing must not warn per page. */
export function levelOfReport(reporter: AnswerReporter, operation: unknown): 'warn' | 'debug' {
  if (reporter.warned.has(operation)) return 'debug';
  reporter.warned.add(operation);
  return 'warn';
}

/**
 * Says that a write succeeded although its answer is not the shape the docs show: a warning the first time for
 * `operation` on this client, debug level after, with the answer redacted and cut short.
 */
export function reportUndocumentedAnswer(
  reporter: AnswerReporter,
  operation: unknown,
  name: string,
  body: unknown,
): void {
  const level = levelOfReport(reporter, operation);
  // Not serialised for a line nobody reads.
  if (!reporter.logger.enabled(level)) return;
  const shown = reporter.redact(jsonText(body) ?? 'an empty body').slice(0, 200);
  reporter.logger.log(
    level,
    `${reporter.redact(name)}: the write succeeded, but its answer (${shown}) is not the shape the docs show; resolved with what could be read`,
  );
}
