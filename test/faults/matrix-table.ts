import type { Expected } from './expected.js';
import type { Fault } from './faults.js';
import type { MatrixOperation } from './operations.js';

/** One cell as printed: outcome, requests the server received, writes it applied (none shown for a read). */
export function formatCell(op: MatrixOperation, cell: Expected): string {
  const requests = `${cell.requests} req`;
  const writes = op.id === 'get' ? [] : [`${cell.writes} ${cell.writes === 1 ? 'write' : 'writes'}`];
  return [cell.outcome, requests, ...writes].join(' · ');
}

/** The matrix as a Markdown table: faults down, operations across. */
export function formatMatrix(
  faults: readonly Fault[],
  operations: readonly MatrixOperation[],
  cell: (fault: Fault, op: MatrixOperation) => Expected,
): string {
  const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [
    row(['Fault', ...operations.map((op) => op.label)]),
    row(['---', ...operations.map(() => '---')]),
    ...faults.map((fault) => row([fault.label, ...operations.map((op) => formatCell(op, cell(fault, op)))])),
  ].join('\n');
}
