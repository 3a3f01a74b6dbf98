// Runtimes started as a command in the project: Node (import and require), Bun and Deno. Each runs the scenario
// with the sandbox input as its last argument and prints the JSON result.
import { basename, join } from 'node:path';
import { lastJsonLine, runProcess } from '../lib/processes.mjs';

function commandCheck(runtime, binary, args) {
  return {
    runtime,
    binary,
    command: [basename(binary), ...args].join(' '),
    smoke: true,
    run: async ({ project, input }) =>
      lastJsonLine((await runProcess(binary, [...args, JSON.stringify(input)], { cwd: project })).stdout),
  };
}

/** Node `import` and `require` for each of `nodes` ({ major: binary }); Bun and Deno from `root`'s devDependencies. */
export function commandLineChecks(root, nodes) {
  const bin = (name) => join(root, 'node_modules/.bin', name);
  return [
    ...Object.entries(nodes).flatMap(([major, binary]) => [
      commandCheck(`Node ${major} (import)`, binary, ['main.mjs']),
      commandCheck(`Node ${major} (require)`, binary, ['main.cjs']),
    ]),
    // --no-install: a missing module fails instead of being fetched.
    commandCheck('Bun', bin('bun'), ['--no-install', 'main.mjs']),
    // Deno's default-deny permissions, with loopback network only.
    commandCheck('Deno', bin('deno'), ['run', '--no-lock', '--allow-net=127.0.0.1', 'main.mjs']),
  ];
}
