// Cloudflare's workerd: the scenario bundled (workerd/worker export conditions) into a module worker, served by
// `workerd serve` with outbound access to loopback only, and run by POSTing the sandbox input to it.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundle } from '../lib/bundle.mjs';
import { freePort, startProcess, waitForPort } from '../lib/processes.mjs';

const COMPATIBILITY_DATE = '2025-09-01';

const config = (port) => `using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [
    (name = "main", worker = .smokeWorker),
    # The default "internet" service reaches public addresses only; the sandbox is on 127.0.0.1.
    (name = "loopback", network = (allow = ["local"])),
  ],
  sockets = [(name = "http", address = "127.0.0.1:${port}", http = (), service = "main")],
);

const smokeWorker :Workerd.Worker = (
  modules = [(name = "worker.js", esModule = embed "worker.js")],
  compatibilityDate = "${COMPATIBILITY_DATE}",
  globalOutbound = "loopback",
);
`;

async function runInWorkerd(binary, { project, input }) {
  await bundle(project, 'worker.mjs', 'workerd/worker.js', ['workerd', 'worker']);
  const port = await freePort();
  writeFileSync(join(project, 'workerd/config.capnp'), config(port));
  const server = startProcess(binary, ['serve', 'workerd/config.capnp'], { cwd: project });
  try {
    const exitedEarly = server.exited.then(() => {
      throw new Error('workerd exited before listening');
    });
    await Promise.race([waitForPort(port), exitedEarly]);
    const response = await fetch(`http://127.0.0.1:${port}/`, {
      method: 'POST',
      body: JSON.stringify(input),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`the worker answered ${response.status}: ${text}`);
    return JSON.parse(text);
  } finally {
    server.stop();
    await server.exited.catch(() => {});
  }
}

export function workerdCheck(root) {
  const binary = join(root, 'node_modules/.bin/workerd');
  return {
    runtime: 'workerd',
    binary,
    command: 'workerd serve config.capnp (esbuild bundle)',
    smoke: true,
    run: (context) => runInWorkerd(binary, context),
  };
}
