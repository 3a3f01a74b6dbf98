// Child processes and ports for the runtime checks: bounded in time, output kept for the failure report.
import { spawn } from 'node:child_process';
import { connect, createServer } from 'node:net';
import { basename } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const CHILD_ENV = { ...process.env, NO_COLOR: '1', DENO_NO_UPDATE_CHECK: '1' };

/**
 * Starts a command that is killed after `timeoutMs`. `exited` settles when it ends: resolved on exit 0, rejected
 * with its output otherwise (named `name`); `stop()` ends it early.
 */
export function startProcess(command, args, { cwd, timeoutMs = 60_000, name = basename(command) } = {}) {
  const child = spawn(command, args, { cwd, env: CHILD_ENV, timeout: timeoutMs, killSignal: 'SIGKILL' });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  const exited = new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code === 0) return resolve({ stdout, stderr });
      const why = signal === 'SIGKILL' ? 'timed out' : signal ? `was stopped (${signal})` : `exited ${code}`;
      reject(new Error(`${name} ${why}\n${stdout}${stderr}`.trim()));
    });
  });
  // Observed by the caller when it awaits; this only keeps an early crash from being an unhandled rejection.
  exited.catch(() => {});
  return { exited, stop: () => child.kill() };
}

/** Runs a command to completion: its output, or a rejection with it on a non-zero exit or a timeout. */
export const runProcess = (command, args, options) => startProcess(command, args, options).exited;

/** The JSON document a runtime printed as its last line of output. */
export function lastJsonLine(stdout) {
  const line = stdout.trim().split('\n').at(-1) ?? '';
  try {
    return JSON.parse(line);
  } catch {
    throw new Error(`expected a JSON result as the last line, got: ${stdout.trim() || '(nothing)'}`);
  }
}

/** A loopback port that was free a moment ago, for a server that cannot report the port it bound. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function accepts(port) {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.end();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Resolves once something accepts connections on the port; rejects after `timeoutMs`. */
export async function waitForPort(port, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await accepts(port)) return;
    await sleep(100);
  }
  throw new Error(`nothing listened on 127.0.0.1:${port} within ${timeoutMs / 1000} s`);
}
