#!/usr/bin/env node
import packageJson from '../package.json' with { type: 'json' };
import { DEFAULT_FIRST_PORT, parseSandboxArgs, USAGE } from './cli/sandbox-args.js';
import { watchParent } from './cli/watch-parent.js';
import { createICloudReadyFake } from './testing/icloudready-fake/index.js';
import { createRuleFake } from './testing/rule-fake/index.js';
import { LOOPBACK_ORIGINS } from './testing/sandbox/cors.js';
import { isLoopbackAddress } from './testing/sandbox/own-origin.js';
import { type Sandbox, startSandbox } from './testing/sandbox/start-sandbox.js';
import { createSequenceFake } from './testing/sequence-fake/index.js';
import { createSequencePlatformFake } from './testing/sequence-platform-fake/index.js';

const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** The variables each client reads its key and base URL from, by fake name. */
const ENV_NAMES: Record<string, [key: string, url: string]> = {
  rule: ['RULE_API_KEY', 'RULE_BASE_URL'],
  sequence: ['SEQUENCE_API_KEY', 'SEQUENCE_BASE_URL'],
  'sequence-platform': ['SEQUENCE_API_KEY', 'SEQUENCE_PLATFORM_BASE_URL'],
  icloudready: ['ICLOUDREADY_API_KEY', 'ICLOUDREADY_BASE_URL'],
};

function printEndpoints(sandbox: Sandbox, host: string, corsOrigins: readonly string[]): void {
  console.log(`ruleseq sandbox is running (pid ${process.pid}) on ${host}. Point a client at it:\n`);
  const width = Math.max(...sandbox.endpoints.map((e) => e.name.length)) + 1;
  for (const { name, baseUrl, apiKey, port, requestedPort } of sandbox.endpoints) {
    const prefix = name.toUpperCase().replace(/[^A-Z0-9]+/g, '_');
    const [keyVar, urlVar] = ENV_NAMES[name] ?? [`${prefix}_API_KEY`, `${prefix}_BASE_URL`];
    console.log(`  ${name.padEnd(width)} baseUrl ${baseUrl}   apiKey ${apiKey}`);
    console.log(`  ${''.padEnd(width)} export ${keyVar}=${apiKey} ${urlVar}=${baseUrl}\n`);
    if (requestedPort !== undefined) {
      console.log(
        `  note: port ${requestedPort} is taken (another sandbox?), so ${name} is on port ${port}: ` +
          `a page that hard-codes ${requestedPort} will not reach it.\n`,
      );
    }
  }
  console.log(`Browser pages allowed to call it (CORS): ${corsOrigins.join(', ')}`);
  console.log('Stops on Ctrl-C, SIGTERM or SIGHUP, and when the process that started it exits.');
}

function warnAboutExposure(host: string, corsOrigins: readonly string[]): void {
  if (!isLoopbackAddress(host)) {
    console.error(
      `ruleseq sandbox: warning: listening on ${host}, beyond loopback: other machines can reach the sandbox and ` +
        'use its printed keys. Leave out --host to serve this machine only.',
    );
  }
  if (corsOrigins.includes('*')) {
    console.error(
      'ruleseq sandbox: warning: --cors-origin * lets every web page you open read and change the sandbox.',
    );
  }
}

/** Resolves with what ended the sandbox: a signal's name, or the parent process exiting. */
function untilStopped(): Promise<string> {
  return new Promise((resolve) => {
    const stop = (reason: string) => {
      stopWatching();
      for (const signal of STOP_SIGNALS) process.off(signal, stop);
      // A second Ctrl-C while closing ends the process at once.
      for (const signal of STOP_SIGNALS) process.once(signal, () => process.exit(1));
      resolve(reason);
    };
    for (const signal of STOP_SIGNALS) process.on(signal, stop);
    const stopWatching = watchParent(() => stop('the process that started it exited'));
  });
}

async function main(argv: string[]): Promise<number> {
  // A parent that exits takes our pipes with it; writing the last lines must not crash the shutdown.
  for (const stream of [process.stdout, process.stderr]) stream.on('error', () => {});
  const args = parseSandboxArgs(argv);
  if ('help' in args) {
    console.log(USAGE);
    return 0;
  }
  if ('version' in args) {
    console.log(`ruleseq ${packageJson.version}`);
    return 0;
  }
  if ('error' in args) {
    console.error(args.error);
    return 2;
  }
  const corsOrigins = args.corsOrigins ?? LOOPBACK_ORIGINS;
  warnAboutExposure(args.host, corsOrigins);
  const sandbox = await startSandbox({
    fakes: [createRuleFake(), createSequenceFake(), createICloudReadyFake(), createSequencePlatformFake()],
    host: args.host,
    port: args.port ?? DEFAULT_FIRST_PORT,
    // The stable default ports give way to free ones; ports the user asked for do not.
    whenPortTaken: args.port === undefined ? 'any' : 'error',
    corsOrigins,
  });
  // Listening for signals before saying so: whoever reads the output may send one at once.
  const stopped = untilStopped();
  printEndpoints(sandbox, args.host, corsOrigins);
  const reason = await stopped;
  await sandbox.close();
  console.log(`\nSandbox stopped (${reason}).`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`ruleseq sandbox: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
