// `npm run demo` as a new user runs it: the Node check, a quiet build, then the tour against the embedded sandbox.
// Fails when more than 20 lines come before the tour (the build used to print ~130), or when the tour does not end
// by saying where it ran and what to try next (the sandbox's own ports, every other example by name).
import { execFileSync, spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';

const MAX_LINES_BEFORE_TOUR = 20;
const root = resolve(import.meta.dirname, '../..');
const env = { ...process.env };
// No keys (the sandbox, not the real APIs), and npm's own output as a user sees it, even under `npm run -s`.
for (const name of [
  'RULE_API_KEY',
  'SEQUENCE_API_KEY',
  'RULE_BASE_URL',
  'SEQUENCE_BASE_URL',
  'npm_config_loglevel',
]) {
  delete env[name];
}

const started = performance.now();
const child = spawn(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'demo'], {
  cwd: root,
  env,
  stdio: ['ignore', 'pipe', 'pipe'],
});
let output = '';
for (const stream of [child.stdout, child.stderr]) stream.on('data', (chunk) => (output += chunk));
const status = await new Promise((done) => child.on('close', done));
const seconds = ((performance.now() - started) / 1000).toFixed(1);

// The progress bar redraws its line with \r; a terminal shows each line once.
const lines = output.split('\n').map((line) => line.split('\r').at(-1));
const tourStart = lines.findIndex((line) => line.startsWith('ruleseq quickstart'));
const tour = lines.slice(tourStart).join('\n');
// What "Try next" promises must hold: the sandbox's own default ports, and every other example by name.
const help = execFileSync(process.execPath, [resolve(root, 'dist/cli.js'), 'sandbox', '--help'], {
  encoding: 'utf8',
});
const ports = [...help.matchAll(/\b(\d{4}) \(/g)].map((m) => Number(m[1]));
const portRange = `ports ${Math.min(...ports)}-${Math.max(...ports)}`;
const unnamed = readdirSync(resolve(root, 'examples'))
  .map((file) => file.replace(/\.ts$/, ''))
  .filter((name) => !['quickstart', 'connect'].includes(name) && !tour.includes(name));
const problems = [
  status !== 0 && `npm run demo exited with ${status}`,
  tourStart < 0 && 'the tour never started',
  tourStart > MAX_LINES_BEFORE_TOUR &&
    `${tourStart} lines before the tour (at most ${MAX_LINES_BEFORE_TOUR})`,
  !/Done\. The tour ran against an embedded sandbox[^\n]*\n {2}Rule {6}http:\/\/127\.0\.0\.1:\d+\/api\/v2/.test(
    tour,
  ) && 'the tour does not say where the sandbox ran',
  !/Try next:\n {2}npx ruleseq sandbox/.test(tour) && 'the tour does not say what to try next',
  (ports.length === 0 || !tour.includes(portRange)) &&
    `"Try next" does not give the sandbox's ports (${portRange}, from ruleseq sandbox --help)`,
  unnamed.length > 0 && `"Try next" does not name the example(s) ${unnamed.join(', ')}`,
].filter(Boolean);

if (problems.length > 0) {
  console.log(`${output}\ndemo: FAIL: ${problems.join('; ')}`);
  process.exitCode = 1;
} else {
  console.log(
    `demo: ok in ${seconds} s; lines before the tour: ${tourStart} (at most ${MAX_LINES_BEFORE_TOUR})`,
  );
}
