import { setTimeout as delay } from 'node:timers/promises';
import { ApiError } from '../../src/core/errors/api-error.js';
import type { RuleAuthMode } from '../../src/rule/profile.js';
import { captureLogger } from '../helpers/test-transport.js';
import { type ReceivedRequest, startFaultServer } from './fault-server.js';
import { ATTEMPT_TIMEOUT_MS, type Fault } from './faults.js';
import type { MatrixOperation } from './operations.js';

/** The test config's response-size cap: small, so the endless-body cells stay light. */
export const MATRIX_MAX_RESPONSE_BYTES = 1024 * 1024;

/** A call still running after this is reported as hung instead of stalling the whole matrix. */
const CELL_DEADLINE_MS = 30_000;

/** What one call met and left behind, from both ends. */
export interface CellResult {
  /** `'ok'`, or the error's class name (with its status for an `ApiError`). */
  outcome: string;
  /** The resolved `.withResponse()` value or the rejection. */
  data?: unknown;
  error?: unknown;
  /** URLs the SDK handed back: the exposed `Response`'s, an error's `url` and its `location` header. */
  exposedUrls: string[];
  /** Requests that reached the fault server (a refused connection is none). */
  received: ReceivedRequest[];
  /** Requests the redirect target received. */
  otherOriginReceived: unknown[];
  /** Writes the application applied. */
  applied: number;
  /** Every log line, at debug level. */
  logLines: string[];
}

/** Runs one operation against a fault server that injects one fault, and reports what both sides saw. */
export async function runCell(
  op: MatrixOperation,
  fault: Fault,
  ruleAuth: RuleAuthMode,
): Promise<CellResult> {
  const app = op.createApp();
  const before = op.writes(app);
  const server = await startFaultServer(app, (index) =>
    fault.hits === 'every' || index === 0 ? fault.behaviour : undefined,
  );
  if (fault.refusesFirstConnection) await server.refuseConnections();
  const logger = captureLogger();
  let attempts = 0;
  const fetchThroughFaults: typeof fetch = async (input, init) => {
    attempts += 1;
    if (fault.refusesFirstConnection && attempts === 2) await server.acceptConnections();
    return fetch(input, init);
  };
  const settings = {
    fetch: fetchThroughFaults,
    logger,
    logLevel: 'debug' as const,
    timeout: ATTEMPT_TIMEOUT_MS,
    maxResponseBytes: MATRIX_MAX_RESPONSE_BYTES,
  };
  const watchdog = new AbortController();
  try {
    const call = op
      .send(server.baseUrl, settings, ruleAuth)
      .withResponse()
      .then(
        (response) => ({ outcome: 'ok', data: response, exposedUrls: [response.response.url] }),
        (error: unknown) => ({ outcome: outcomeOf(error), error, exposedUrls: urlsOf(error) }),
      );
    const result = await Promise.race([call, hangsAfter(CELL_DEADLINE_MS, watchdog.signal)]);
    return {
      ...result,
      received: server.received,
      otherOriginReceived: server.otherOriginReceived,
      applied: op.writes(app) - before,
      logLines: logger.lines,
    };
  } finally {
    watchdog.abort();
    await server.close();
  }
}

async function hangsAfter(
  ms: number,
  signal: AbortSignal,
): Promise<{ outcome: string; exposedUrls: string[] }> {
  await delay(ms, undefined, { signal });
  return { outcome: `still running after ${ms} ms`, exposedUrls: [] };
}

function outcomeOf(error: unknown): string {
  const name = error instanceof Error ? error.constructor.name : typeof error;
  return error instanceof ApiError ? `${name} ${error.status}` : name;
}

function urlsOf(error: unknown): string[] {
  if (!(error instanceof ApiError)) return [];
  return [error.url, error.headers.location].filter((u): u is string => u !== undefined);
}
