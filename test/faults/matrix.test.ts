import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mapConcurrent } from '../../src/internal/map-concurrent.js';
import type { RuleAuthMode } from '../../src/rule/profile.js';
import { CANARY_KEY } from '../helpers/test-transport.js';
import { EXPECTED, type Expected } from './expected.js';
import type { ReceivedRequest } from './fault-server.js';
import { FAULTS, type Fault } from './faults.js';
import { formatMatrix } from './matrix-table.js';
import { type MatrixOperation, OPERATIONS } from './operations.js';
import { type CellResult, runCell } from './run-cell.js';
import { secretLeaks } from './secret-scan.js';

// Every operation kind against every fault, over real sockets. The matrix runs once per way Rule can carry the key
// (Sequence has one), so the canary key goes through every fault in headers, URLs and bodies; the header pass is
// the one printed and kept in test/faults/matrix.md and the README.

const PASSES: readonly RuleAuthMode[] = ['header', 'query', 'body'];
/** Cells in flight at once: the slow ones (timeouts, server waits) mostly wait. */
const CONCURRENCY = 16;
/** A timer may fire a hair early against another clock; a real failure to wait misses by a second. */
const CLOCK_SLACK_MS = 50;
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

interface Cell {
  auth: RuleAuthMode;
  fault: Fault;
  op: MatrixOperation;
  expected: Expected;
}

const cells: Cell[] = PASSES.flatMap((auth) =>
  FAULTS.flatMap((fault) =>
    OPERATIONS.flatMap((op, column) =>
      auth !== 'header' && op.keyed ? [] : [{ auth, fault, op, expected: EXPECTED[fault.id]![column]! }],
    ),
  ),
);
const results = new Map<Cell, CellResult>();

beforeAll(async () => {
  const outcomes = await mapConcurrent(cells, CONCURRENCY, (cell) => runCell(cell.op, cell.fault, cell.auth));
  for (const [index, cell] of cells.entries()) results.set(cell, outcomes[index]!);
}, 120_000);

function resultOf(cell: Cell): CellResult {
  const result = results.get(cell);
  if (!result) throw new Error('the matrix did not run');
  return result;
}

function observed(result: CellResult): Expected {
  return { outcome: result.outcome, requests: result.received.length, writes: result.applied };
}

/** The canary reached the server where this pass puts it: the secret checks below are not vacuous. */
function carriesKey(request: ReceivedRequest): boolean {
  return [request.headers.authorization ?? '', request.url, request.body].some((part) =>
    part.includes(CANARY_KEY),
  );
}

const printedTable = () =>
  formatMatrix(FAULTS, OPERATIONS, (fault, op) => {
    const cell = cells.find((c) => c.auth === 'header' && c.fault === fault && c.op === op)!;
    return observed(resultOf(cell));
  });

describe.each(PASSES)("the matrix with Rule's key in the %s", (auth) => {
  const ofPass = cells.filter((cell) => cell.auth === auth);

  it.each(ofPass.map((cell) => [`${cell.fault.label} × ${cell.op.label}`, cell] as const))(
    '%s',
    (_, cell) => {
      const result = resultOf(cell);
      expect(observed(result)).toEqual(cell.expected);
      // Nothing duplicated, nothing lost: at most one write, and exactly one whenever the call reports success.
      expect(result.applied).toBeLessThanOrEqual(1);
      if (result.outcome === 'ok' && cell.op.id !== 'get') expect(result.applied).toBe(1);
      // Redirects are not followed: the other origin never hears from the client.
      expect(result.otherOriginReceived).toEqual([]);
      if (cell.op.keyed) {
        const keys = new Set(result.received.map((r) => r.headers['idempotency-key']));
        expect(keys.size).toBe(1);
        expect([...keys][0]).toMatch(UUID_V4);
      }
      // Zone-less times are Rule's dialect: Sequence's client reads only seconds and HTTP-dates, and retries this
      // one (which Sequence never sends) on its own backoff.
      const serverWaitUnderstood = !(cell.fault.id === '429-stockholm' && cell.op.keyed);
      if (cell.fault.minGapMs !== undefined && serverWaitUnderstood) {
        const [first, second] = result.received;
        expect(second!.at - first!.at).toBeGreaterThanOrEqual(cell.fault.minGapMs - CLOCK_SLACK_MS);
      }
    },
  );

  it.each(ofPass.map((cell) => [`${cell.fault.label} × ${cell.op.label}`, cell] as const))(
    'the key stays secret: %s',
    (_, cell) => {
      const result = resultOf(cell);
      expect(result.received.every(carriesKey)).toBe(true);
      expect(secretLeaks(result.error, CANARY_KEY), 'error').toEqual([]);
      expect(result.logLines.length).toBeGreaterThan(0);
      for (const line of result.logLines) expect(line, 'log line').not.toContain(CANARY_KEY);
      for (const url of result.exposedUrls) expect(url, 'exposed URL').not.toContain(CANARY_KEY);
    },
  );
});

describe('the printed matrix', () => {
  it('does not depend on where Rule carries the key', () => {
    for (const cell of cells.filter((c) => c.auth !== 'header')) {
      const twin = cells.find((c) => c.auth === 'header' && c.fault === cell.fault && c.op === cell.op)!;
      expect(observed(resultOf(cell)), `${cell.auth}: ${cell.fault.label} × ${cell.op.label}`).toEqual(
        observed(resultOf(twin)),
      );
    }
  });

  it('matches test/faults/matrix.md and the README', async () => {
    const table = printedTable();
    await expect(`${table}\n`).toMatchFileSnapshot('./matrix.md');
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    expect(readme.includes(table), 'README "## Reliability" shows the table of test/faults/matrix.md').toBe(
      true,
    );
  });
});

afterAll(() => {
  if (results.size === cells.length) console.log(`\n${printedTable()}\n`);
});
