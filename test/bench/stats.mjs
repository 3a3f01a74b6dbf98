// Small helpers shared by the benchmarks: robust summaries and the shape of one result row.

export const median = (xs) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

export const sum = (xs) => xs.reduce((a, b) => a + b, 0);

/** `value` rounded to `digits` decimals, as a number (for JSON). */
export const round = (value, digits = 2) => Number(value.toFixed(digits));

/**
 * One row of the report. `sdk` and `baseline` are display strings (the baseline measured in the same run), `ratio`
 * a number or null, `target` the goal in words and `pass` true/false (or null for rows given for information);
 * `data` carries the raw numbers for results.json.
 */
export function resultRow({
  id,
  metric,
  sdk,
  baseline = '—',
  ratio = null,
  target = '—',
  pass = null,
  data = {},
}) {
  return { id, metric, sdk, baseline, ratio: ratio === null ? null : round(ratio), target, pass, data };
}

/** Milliseconds one `call()` takes, each of `count` calls timed on its own, run one after another. */
export async function timeEach(call, count) {
  const times = [];
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    await call();
    times.push(performance.now() - start);
  }
  return times;
}
