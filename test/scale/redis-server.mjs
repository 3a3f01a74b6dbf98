// A throwaway redis-server on 127.0.0.1 (free port, temp dir, no automatic saving) that can be shut down and
// started again on the same port, as a crashed or restarted Redis would be.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Resolves once the server accepts connections; rejects with its output if it exits or takes over 10 s. */
function whenReady(child) {
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`redis-server did not start:\n${output}`)), 10_000);
    const watch = (chunk) => {
      output += chunk;
      if (output.includes('Ready to accept connections')) {
        clearTimeout(timer);
        // Only this listener: removeAllListeners('exit') would also drop the one that reports the exit.
        child.off('exit', onExit);
        resolve();
      }
    };
    child.stdout.on('data', watch);
    child.stderr.on('data', watch);
    const onExit = (code) => {
      clearTimeout(timer);
      reject(new Error(`redis-server exited with ${code}:\n${output}`));
    };
    child.once('exit', onExit);
  });
}

/** Sends one inline command and waits for the server to close the connection (SHUTDOWN answers nothing). */
function sendAndWaitForClose(port, command) {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(`${command}\r\n`));
    socket.on('close', resolve);
    socket.on('error', reject);
  });
}

/**
 * Resolves `{ url, port, version, shutdown, start, stop, freeze, thaw }` once the server accepts connections; throws if
 * redis-server is missing or fails. `shutdown({ save })` is `SHUTDOWN SAVE` (the data survives the restart) or
 * `SHUTDOWN NOSAVE` (Redis comes back empty); `start()` starts it again on the same port and directory (if it is not running);
 * `freeze()` stops the process (SIGSTOP) and `thaw()` lets it go on.
 */
export async function startRedisServer() {
  const probe = spawnSync('redis-server', ['--version'], { encoding: 'utf8' });
  if (probe.error) {
    throw new Error(
      'redis-server is not installed (apt-get install -y redis-server); the scale-out check needs a real one',
    );
  }
  const dir = mkdtempSync(join(tmpdir(), 'ruleseq-redis-'));
  const port = await freePort();
  let child;
  const running = () => child !== undefined && child.exitCode === null && child.signalCode === null;
  const start = async () => {
    if (running()) return;
    child = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    try {
      await whenReady(child);
    } catch (error) {
      stop();
      throw error;
    }
  };
  const stop = () => {
    if (running()) {
      child.kill('SIGCONT'); // a frozen server would hold the SIGTERM until then
      child.kill('SIGTERM');
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const shutdown = async ({ save }) => {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    await sendAndWaitForClose(port, save ? 'SHUTDOWN SAVE' : 'SHUTDOWN NOSAVE');
    await exited;
  };
  // The server stops answering while its connections stay open, as a Redis cut off without a reset would.
  const freeze = () => child.kill('SIGSTOP');
  const thaw = () => child.kill('SIGCONT');
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    version: probe.stdout.trim().split(' ')[2] ?? '',
    shutdown,
    start,
    stop,
    freeze,
    thaw,
  };
}
