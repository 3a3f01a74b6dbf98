// Stops an npm script at once, with one line, when this Node.js is older than package.json `engines.node`: the demo
// and the examples run TypeScript files directly (type stripping, Node 22.18+), and the build and test tools need
// Node 22 APIs. Without it, old Node fails a minute later with ERR_UNKNOWN_FILE_EXTENSION or `Map.groupBy is not a
// function`. Plain JavaScript that old Node versions parse, so the message appears instead of a crash.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** `[major, minor, patch]` of `v22.18.0`, `22.18` or `22`; missing parts are 0. */
export function parseVersion(text) {
  const match = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(String(text).trim());
  if (!match) throw new Error(`not a version: ${JSON.stringify(text)}`);
  return [Number(match[1]), Number(match[2] ?? 0), Number(match[3] ?? 0)];
}

function compare(a, b) {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

/** The alternatives of an engines range: `>=X.Y.Z` or `^X.Y.Z`, joined by `||`. */
function alternatives(range) {
  return range.split('||').map((alternative) => {
    const match = /^\s*(>=|\^)\s*(\S+)\s*$/.exec(alternative);
    if (!match) {
      throw new Error(
        `engines.node must be ">=X.Y.Z" or "^X.Y.Z" alternatives, got ${JSON.stringify(range)}`,
      );
    }
    return { operator: match[1], floor: match[2] };
  });
}

/** Whether `version` meets `range`. */
export function satisfies(version, range) {
  const v = parseVersion(version);
  return alternatives(range).some(({ operator, floor }) => {
    const f = parseVersion(floor);
    return compare(v, f) >= 0 && (operator === '>=' || v[0] === f[0]);
  });
}

/** `>=22.18` as "22.18 or newer"; `^22.18.0 || >=24` as "22.18.0 or a newer 22.x, or 24 or newer". */
function describeRange(range) {
  return alternatives(range)
    .map(({ operator, floor }) =>
      operator === '>=' ? `${floor} or newer` : `${floor} or a newer ${parseVersion(floor)[0]}.x`,
    )
    .join(', or ');
}

/** The one line to print when `version` does not meet `range`; `undefined` when it does. */
export function nodeVersionProblem(version, range, executable = 'node') {
  if (satisfies(version, range)) return undefined;
  return (
    `ruleseq needs Node.js ${describeRange(range)} (package.json engines: "${range}"), ` +
    `but ${executable} is ${version}: install a newer Node.js (e.g. \`nvm install 24\`) and run again.`
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  const problem = nodeVersionProblem(process.version, pkg.engines.node, process.execPath);
  if (problem) {
    console.error(problem);
    process.exitCode = 1;
  }
}
