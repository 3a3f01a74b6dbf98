import type { Logger, LogLevel } from '../core/client-options.js';
import { readEnv } from './runtime.js';

/** The environment variable a client reads its log level from when `logLevel` is not given. */
export const LOG_LEVEL_ENV = 'RULESEQ_LOG';

const rank: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, off: 100 };

function isLogLevel(value: string | undefined): value is LogLevel {
  return value !== undefined && value in rank;
}

/** A logger that drops lines below the level; `level` falls back to env `RULESEQ_LOG`, then `warn`. */
export function createLevelledLogger(
  logger: Logger | undefined,
  level: LogLevel | undefined,
): LevelledLogger {
  const envLevel = readEnv(LOG_LEVEL_ENV)?.toLowerCase();
  const effective = level ?? (isLogLevel(envLevel) ? envLevel : 'warn');
  return new LevelledLogger(logger ?? console, rank[effective]);
}

export class LevelledLogger {
  readonly #sink: Logger;
  readonly #threshold: number;

  constructor(sink: Logger, threshold: number) {
    this.#sink = sink;
    this.#threshold = threshold;
  }

  enabled(level: Exclude<LogLevel, 'off'>): boolean {
    return rank[level] >= this.#threshold;
  }

  /** One line per call: line breaks and other control characters in `message` (server-given text) are escaped. */
  log(level: Exclude<LogLevel, 'off'>, message: string, details?: Record<string, unknown>): void {
    if (!this.enabled(level)) return;
    const line = `[ruleseq] ${escapeControls(message)}`;
    if (details) this.#sink[level](line, details);
    else this.#sink[level](line);
  }
}

/** C0 and C1 controls, DEL and the Unicode line and paragraph separators: anything a log viewer may break a line on. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const CONTROLS = /[\x00-\x1f\x7f-\x9f\u2028\u2029]/g;

/** `\n` as the two characters `\n`, other controls as `\u00XX`, so a server cannot forge a log line. */
export function escapeControls(text: string): string {
  return text.replace(CONTROLS, (c) =>
    c === '\n' ? '\\n' : c === '\r' ? '\\r' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
