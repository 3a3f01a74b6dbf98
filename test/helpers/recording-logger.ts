import type { Logger } from '../../src/core/client-options.js';

/** A logger that keeps every line with its level, for tests about what a client reports. */
export function recordingLogger() {
  const lines: Array<[string, string]> = [];
  const record = (level: string) => (message: string) => lines.push([level, message]);
  const logger: Logger = {
    debug: record('debug'),
    info: record('info'),
    warn: record('warn'),
    error: record('error'),
  };
  return { lines, warnings: () => lines.filter(([level]) => level === 'warn'), logger };
}
