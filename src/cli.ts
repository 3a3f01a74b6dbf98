#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { createICloudReadyFake } from './testing/icloudready-fake/index.js';
import { createRuleFake } from './testing/rule-fake/index.js';
import { startSandbox } from './testing/sandbox/start-sandbox.js';
import { createSequenceFake } from './testing/sequence-fake/index.js';
import { createSequencePlatformFake } from './testing/sequence-platform-fake/index.js';

const USAGE = `Usage: ruleseq sandbox [--port <first port>] [--host <address>]

Serves seeded fakes of the Rule, Sequence (API v1 and Platform v1) and iCloudReady APIs on loopback, one port
each, with CORS.
Stop with Ctrl-C.`;

const ENV_NAMES: Record<string, [key: string, url: string]> = {
  rule: ['RULE_API_KEY', 'RULE_BASE_URL'],
  sequence: ['SEQUENCE_API_KEY', 'SEQUENCE_BASE_URL'],
  'sequence-platform': ['SEQUENCE_API_KEY', 'SEQUENCE_PLATFORM_BASE_URL'],
  icloudready: ['ICLOUDREADY_API_KEY', 'ICLOUDREADY_BASE_URL'],
};

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      port: { type: 'string' },
      host: { type: 'string', default: '127.0.0.1' },
      help: { type: 'boolean' },
    },
  });
  if (values.help || positionals[0] !== 'sandbox') {
    console.log(USAGE);
    return values.help ? 0 : 2;
  }
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65_533)) {
    console.error(`--port must be a port number, got ${values.port}`);
    return 2;
  }
  const sandbox = await startSandbox({
    fakes: [createRuleFake(), createSequenceFake(), createICloudReadyFake(), createSequencePlatformFake()],
    host: values.host,
    ...(port === undefined ? {} : { port }),
  });
  console.log('ruleseq sandbox is running. Point a client at it:\n');
  for (const { name, baseUrl, apiKey } of sandbox.endpoints) {
    const [keyVar, urlVar] = ENV_NAMES[name] ?? [
      `${name.toUpperCase()}_API_KEY`,
      `${name.toUpperCase()}_BASE_URL`,
    ];
    console.log(`  ${name.padEnd(17)} baseUrl ${baseUrl}   apiKey ${apiKey}`);
    console.log(`  ${''.padEnd(17)} export ${keyVar}=${apiKey} ${urlVar}=${baseUrl}\n`);
  }
  console.log('Press Ctrl-C to stop.');
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await sandbox.close();
  console.log('\nSandbox stopped.');
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
