// The report: one row per check, then the details of each failure and the closing count.

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

/** Prints rows of { runtime, version, command, ok, ms, error } as an aligned table. */
export function printReport(rows) {
  const table = [
    ['runtime', 'version', 'command', 'result', 'duration'],
    ...rows.map((r) => [r.runtime, r.version, r.command, r.ok ? 'ok' : 'FAIL', seconds(r.ms)]),
  ];
  const widths = table[0].map((_, column) => Math.max(...table.map((row) => row[column].length)));
  for (const row of table)
    console.log(
      row
        .map((cell, i) => cell.padEnd(widths[i]))
        .join('  ')
        .trimEnd(),
    );
  for (const row of rows.filter((r) => !r.ok))
    console.log(`\nFAIL ${row.runtime}: ${row.error?.message ?? row.error}`);
  const failed = rows.filter((r) => !r.ok).length;
  console.log(`\n${rows.length - failed} passed, ${failed} failed`);
  return failed;
}
