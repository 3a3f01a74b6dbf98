// `npm run bench`: every benchmark against the built package (dist), each in a fresh client process with its own
// loopback server process, compared with a baseline measured in the same run. Prints one Markdown table (the
// README's) and writes test/bench/results.json (git-ignored). Benchmarks are not tests: nothing here fails the build.
// `node test/bench/run-bench.mjs latency pagination` runs only those benchmarks.
import { fork } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';

const BENCHMARKS = ['latency', 'cpu-per-call', 'pagination', 'create-many', 'import-time', 'bundle-size'];
const only = process.argv.slice(2);
const selected = only.length > 0 ? BENCHMARKS.filter((name) => only.includes(name)) : BENCHMARKS;

function runBenchmark(name) {
  const child = fork(
    new URL('./run-one.mjs', import.meta.url),
    [new URL(`./${name}.mjs`, import.meta.url).href],
    {
      // Heap figures are taken after a full collection.
      execArgv: ['--expose-gc'],
    },
  );
  return new Promise((resolve, reject) => {
    let rows;
    child.on('message', (message) => {
      rows = message.rows;
    });
    child.on('exit', (code) =>
      rows ? resolve(rows) : reject(new Error(`benchmark ${name} exited with code ${code}`)),
    );
  });
}

/** The CPU model as /proc/cpuinfo names it (Linux), else as Node does. */
function cpuModel() {
  try {
    const model = readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.*)$/m)?.[1];
    if (model) return model;
  } catch {}
  return os.cpus()[0]?.model ?? 'unknown';
}

function machine() {
  return {
    node: process.versions.node,
    cpu: cpuModel(),
    cores: os.availableParallelism(),
    loadAverage: os.loadavg().map((n) => Number(n.toFixed(2))),
    platform: `${process.platform} ${os.release()}`,
  };
}

const verdict = (pass) => (pass === null ? 'info' : pass ? 'pass' : 'MISS');

function markdownTable(rows) {
  const lines = [
    '| # | Metric | ruleseq | Baseline (same run) | Ratio | Target | Result |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const r of rows) {
    const ratio = r.ratio === null ? '—' : `${r.ratio.toFixed(2)}×`;
    lines.push(
      `| ${r.id} | ${r.metric} | ${r.sdk} | ${r.baseline} | ${ratio} | ${r.target} | ${verdict(r.pass)} |`,
    );
  }
  return lines.join('\n');
}

const started = performance.now();
const conditions = machine();
console.log(
  `Node ${conditions.node}, ${conditions.cpu}, ${conditions.cores} cores, load average ${conditions.loadAverage.join(' ')}`,
);
const rows = [];
for (const name of selected) {
  const benchStart = performance.now();
  // One benchmark failing (its error is printed above) leaves the others to run.
  const found = await runBenchmark(name).catch((error) => [
    {
      id: name,
      metric: name,
      sdk: `failed: ${error.message}`,
      baseline: '—',
      ratio: null,
      target: '—',
      pass: false,
    },
  ]);
  console.log(`${name}: ${((performance.now() - benchStart) / 1000).toFixed(1)} s`);
  rows.push(...found);
}
const seconds = (performance.now() - started) / 1000;
// Other work on the machine skews timings; the load average before and after says how much there was.
conditions.loadAverageAfter = os.loadavg().map((n) => Number(n.toFixed(2)));

console.log(`\n${markdownTable(rows)}\n`);
console.log(
  `${rows.filter((r) => r.pass === false).length} of ${rows.filter((r) => r.pass !== null).length} targets missed; ` +
    `${seconds.toFixed(0)} s; load average after ${conditions.loadAverageAfter.join(' ')}`,
);
const resultsFile = new URL('./results.json', import.meta.url);
writeFileSync(
  resultsFile,
  `${JSON.stringify({ date: new Date().toISOString(), machine: conditions, seconds: Math.round(seconds), rows }, null, 2)}\n`,
);
console.log(`Wrote ${resultsFile.pathname}`);
