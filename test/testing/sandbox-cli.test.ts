// `npx ruleseq sandbox` as a real process: what it prints, the signals that stop it, and the parent exits that must
// stop it too (killing `npx` used to leave the sandbox running with its fixed keys).
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import packageJson from '../../package.json' with { type: 'json' };
import { DEFAULT_FIRST_PORT, parseSandboxArgs } from '../../src/cli/sandbox-args.js';

const root = resolve(import.meta.dirname, '../..');
const cli = join(root, 'node_modules/.cache/sandbox-cli/cli.mjs');

beforeAll(async () => {
  await build({
    entryPoints: [join(root, 'src/cli.ts')],
    outfile: cli,
    bundle: true,
    format: 'esm',
    platform: 'node',
    logLevel: 'error',
  });
}, 60_000);

const started: number[] = [];
afterEach(() => {
  for (const pid of started.splice(0)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {}
  }
});

/** Whether `pid` is a live process (a zombie awaiting its parent counts as ended). */
function isRunning(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  }
}

/** Waits, up to a bound, for `pid` to end; true when it did. */
async function ended(pid: number, withinMs = 10_000): Promise<boolean> {
  for (const deadline = Date.now() + withinMs; Date.now() < deadline; ) {
    if (!isRunning(pid)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return !isRunning(pid);
}

async function listenOn(port: number): Promise<http.Server | undefined> {
  const server = http.createServer();
  return new Promise((resolve) => {
    server.once('error', () => resolve(undefined));
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

/** A first port with the three after it free too (the sandbox serves four APIs). */
async function freePorts(): Promise<number> {
  for (;;) {
    const first = await listenOn(0);
    if (!first) continue;
    const port = (first.address() as AddressInfo).port;
    const next = [await listenOn(port + 1), await listenOn(port + 2), await listenOn(port + 3)];
    for (const server of [first, ...next]) server?.close();
    if (next.every(Boolean)) return port;
  }
}

interface Run {
  child: ChildProcess;
  output: () => string;
  /** Resolves with the output once it matches. */
  waitFor: (pattern: RegExp) => Promise<string>;
  exit: Promise<number | null>;
}

/** Runs `command` (the CLI itself, or a parent that starts it), collecting stdout and stderr together. */
function run(command: string, args: string[]): Run {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  if (child.pid) started.push(child.pid);
  let output = '';
  const waiters: Array<() => void> = [];
  for (const stream of [child.stdout, child.stderr]) {
    stream?.setEncoding('utf8');
    stream?.on('data', (chunk: string) => {
      output += chunk;
      for (const wake of waiters.splice(0)) wake();
    });
  }
  const exit = new Promise<number | null>((done) => child.on('close', (code) => done(code)));
  const waitFor = async (pattern: RegExp): Promise<string> => {
    while (!pattern.test(output)) {
      const more = new Promise<void>((wake) => waiters.push(wake));
      if ((await Promise.race([more.then(() => 'data'), exit.then(() => 'exit')])) === 'exit') {
        if (pattern.test(output)) break;
        throw new Error(`exited before printing ${pattern}:\n${output}`);
      }
    }
    return output;
  };
  return { child, output: () => output, waitFor, exit };
}

const sandboxPid = async (r: Run) => {
  const pid = Number(
    (await r.waitFor(/running \(pid (\d+)\)[\s\S]*Stops on/)).match(/running \(pid (\d+)\)/)?.[1],
  );
  started.push(pid);
  return pid;
};

describe.each(['SIGINT', 'SIGTERM', 'SIGHUP'] as const)('on %s', (signal) => {
  it('closes the servers and exits 0', async () => {
    const port = await freePorts();
    const sandbox = run(process.execPath, [cli, 'sandbox', '--port', String(port)]);
    const pid = await sandboxPid(sandbox);
    expect(pid).toBe(sandbox.child.pid);
    expect((await fetch(`http://127.0.0.1:${port}/api/v2/subscribers`)).status).toBe(401);

    sandbox.child.kill(signal);

    expect(await sandbox.exit).toBe(0);
    expect(sandbox.output()).toContain(`Sandbox stopped (${signal}).`);
    await expect(fetch(`http://127.0.0.1:${port}/api/v2/subscribers`)).rejects.toThrow();
  });
});

describe('when the process that started it exits', () => {
  /** A parent that starts the sandbox (through `sh -c`, as `npx` and `npm run` do, when asked) and lingers. */
  const parentScript = (port: number, viaShell: boolean) => `
    const { spawn } = require('node:child_process');
    const args = [${JSON.stringify(cli)}, 'sandbox', '--port', '${port}'];
    const child = ${viaShell}
      ? spawn('sh', ['-c', args.map((a) => "'" + a + "'").join(' ').replace(/^/, "'" + process.execPath + "' ")], { stdio: 'inherit' })
      : spawn(process.execPath, args, { stdio: 'inherit' });
    setInterval(() => {}, 60_000);`;

  it.each([
    ['started directly', false],
    ['started through a sh -c wrapper (npx)', true],
  ])('stops when its parent is killed, %s', async (_, viaShell) => {
    const port = await freePorts();
    const parent = run(process.execPath, ['-e', parentScript(port, viaShell)]);
    const pid = await sandboxPid(parent);
    expect(pid).not.toBe(parent.child.pid);

    parent.child.kill('SIGKILL');

    expect(await ended(pid)).toBe(true);
    await expect(fetch(`http://127.0.0.1:${port}/api/v2/subscribers`)).rejects.toThrow();
  });
});

it('warns when it listens beyond loopback', async () => {
  const port = await freePorts();
  const sandbox = run(process.execPath, [cli, 'sandbox', '--host', '0.0.0.0', '--port', String(port)]);
  await sandbox.waitFor(/Stops on/);
  // The warning goes to stderr, which may arrive after stdout.
  const output = await sandbox.waitFor(/warning: listening/);
  sandbox.child.kill('SIGTERM');
  expect(output).toContain('warning: listening on 0.0.0.0, beyond loopback');
  expect(await sandbox.exit).toBe(0);
});

it.each([
  [
    ['sandbox', '--bogus'],
    'ruleseq sandbox: unknown option --bogus (ruleseq sandbox --help lists the options)',
  ],
  [
    ['sandbox', '-p', '5000'],
    'ruleseq sandbox: unknown option -p (ruleseq sandbox --help lists the options)',
  ],
  [
    ['sandbox', '--port'],
    "ruleseq sandbox: Option '--port <value>' argument missing (ruleseq sandbox --help lists the options)",
  ],
  [
    ['sandbox', '--port', '80.5'],
    'ruleseq sandbox: --port must be a port number from 1 to 65532 (the next three APIs take the ports after it), got 80.5',
  ],
])('refuses %j with one line naming the mistake, exit 2, no stack trace', async (args, line) => {
  const sandbox = run(process.execPath, [cli, ...args]);
  expect(await sandbox.exit).toBe(2);
  expect(sandbox.output().trim()).toBe(line);
});

it('takes any first port whose four ports are TCP ports (1 to 65532), and no other', () => {
  for (const port of [1, 65_000, 65_532]) {
    expect(parseSandboxArgs(['sandbox', '--port', String(port)])).toMatchObject({ port });
  }
  for (const port of ['0', '-1', '65533', '65535', '65536', '0x50', '1e3', ' 80', '']) {
    expect(parseSandboxArgs(['sandbox', `--port=${port}`])).toEqual({
      error: `ruleseq sandbox: --port must be a port number from 1 to 65532 (the next three APIs take the ports after it), got ${port}`,
    });
  }
});

it.each([['--version'], ['-v'], ['sandbox', '--version']])(
  'prints its version for %j, exit 0',
  async (...args) => {
    const sandbox = run(process.execPath, [cli, ...args]);
    expect(await sandbox.exit).toBe(0);
    expect(sandbox.output().trim()).toBe(`ruleseq ${packageJson.version}`);
  },
);

it('names an unknown command before the usage', async () => {
  const sandbox = run(process.execPath, [cli, 'sandobx']);
  expect(await sandbox.exit).toBe(2);
  expect(sandbox.output()).toMatch(/^ruleseq: unknown command "sandobx"\n\nUsage: ruleseq sandbox/);
});

it('fails with one clear line when a port asked for is taken', async () => {
  const port = await freePorts();
  const blocker = await listenOn(port + 1);
  try {
    const sandbox = run(process.execPath, [cli, 'sandbox', '--port', String(port)]);
    expect(await sandbox.exit).toBe(1);
    expect(sandbox.output().trim()).toBe(
      `ruleseq sandbox: Port ${port + 1} on 127.0.0.1 is in use (another sandbox?); choose other ports`,
    );
  } finally {
    blocker?.close();
  }
});

it(`starts on port ${DEFAULT_FIRST_PORT} by default, or says where it went instead`, async () => {
  // Whether another sandbox holds it or this test does, the default port is taken now.
  const blocker = await listenOn(DEFAULT_FIRST_PORT);
  try {
    const sandbox = run(process.execPath, [cli, 'sandbox']);
    const output = await sandbox.waitFor(/Stops on/);
    sandbox.child.kill('SIGTERM');
    const rulePort = Number(output.match(/rule +baseUrl http:\/\/127\.0\.0\.1:(\d+)\/api\/v2/)?.[1]);
    expect(rulePort).not.toBe(DEFAULT_FIRST_PORT);
    expect(output).toContain(
      `port ${DEFAULT_FIRST_PORT} is taken (another sandbox?), so rule is on port ${rulePort}: ` +
        `a page that hard-codes ${DEFAULT_FIRST_PORT} will not reach it.`,
    );
    expect(await sandbox.exit).toBe(0);
  } finally {
    blocker?.close();
  }
});

it('prints what to export, from its own endpoints, and how it stops', async () => {
  const port = await freePorts();
  const sandbox = run(process.execPath, [
    cli,
    'sandbox',
    '--port',
    String(port),
    '--cors-origin',
    'http://localhost:5173',
  ]);
  const output = await sandbox.waitFor(/Stops on/);
  sandbox.child.kill('SIGTERM');
  expect(output).toContain(
    `export RULE_API_KEY=rule-sandbox-key RULE_BASE_URL=http://127.0.0.1:${port}/api/v2`,
  );
  expect(output).toContain(
    `export ICLOUDREADY_API_KEY=icloudready-sandbox-key ICLOUDREADY_BASE_URL=http://127.0.0.1:${port + 2}/api/v2`,
  );
  expect(output).toContain(
    `export SEQUENCE_API_KEY=sequence-sandbox-key SEQUENCE_PLATFORM_BASE_URL=http://127.0.0.1:${port + 3}/platform/v1`,
  );
  expect(output).toContain('Browser pages allowed to call it (CORS): http://localhost:5173');
  expect(output).toContain('Stops on Ctrl-C, SIGTERM or SIGHUP, and when the process that started it exits.');
  expect(await sandbox.exit).toBe(0);
});
