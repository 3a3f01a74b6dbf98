import { parseArgs } from 'node:util';

/** Where `npx ruleseq sandbox` listens by default: fixed, so a browser page can hard-code the URLs. */
export const DEFAULT_FIRST_PORT = 4790;

/** The highest first port: the four APIs take it and the three after it, and TCP ports end at 65535. */
const LAST_FIRST_PORT = 65_535 - 3;

export const USAGE = `Usage: ruleseq sandbox [--port <first port>] [--host <address>] [--cors-origin <origin>]...
       ruleseq --version

Serves seeded fakes of the Rule, Sequence (API v1 and Platform v1) and iCloudReady APIs, one port each: by default
on 127.0.0.1 ports ${DEFAULT_FIRST_PORT} (Rule), ${DEFAULT_FIRST_PORT + 1} (Sequence API v1), ${DEFAULT_FIRST_PORT + 2} (iCloudReady) and
${DEFAULT_FIRST_PORT + 3} (Sequence Platform v1), or free ports when those are taken.

  --port <n>           first port; the next APIs take the following ports (fails if one is taken)
  --host <address>     address to listen on (default 127.0.0.1; 0.0.0.0 serves every network)
  --cors-origin <o>    a browser origin allowed to call it, e.g. http://localhost:5173, http://localhost:*
                       (any port) or * (every page); repeatable. Default: pages on localhost, 127.0.0.1, [::1]

Stops on Ctrl-C, SIGTERM or SIGHUP, and when the process that started it exits.`;

export interface SandboxArgs {
  port: number | undefined;
  host: string;
  corsOrigins: string[] | undefined;
}

/** The command line, or a message saying what is wrong with it. */
export function parseSandboxArgs(
  argv: string[],
): SandboxArgs | { help: true } | { version: true } | { error: string } {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    return { error: parseFailure(error as Error & { code?: string }) };
  }
  const { positionals, values } = parsed;
  if (values.help) return { help: true };
  if (values.version) return { version: true };
  if (positionals[0] !== undefined && positionals[0] !== 'sandbox') {
    return { error: `ruleseq: unknown command ${JSON.stringify(positionals[0])}\n\n${USAGE}` };
  }
  if (positionals[0] !== 'sandbox' || positionals.length > 1) return { error: USAGE };
  // Decimal digits only: Number() would also read `0x50`, `1e3` and ` 80 ` as ports.
  const port =
    values.port === undefined ? undefined : /^\d+$/.test(values.port) ? Number(values.port) : Number.NaN;
  if (port !== undefined && (!Number.isInteger(port) || port < 1 || port > LAST_FIRST_PORT)) {
    return {
      error: `ruleseq sandbox: --port must be a port number from 1 to ${LAST_FIRST_PORT} (the next three APIs take the ports after it), got ${values.port}`,
    };
  }
  return { port, host: values.host, corsOrigins: values['cors-origin'] };
}

const HELP_HINT = '(ruleseq sandbox --help lists the options)';

/** node:util's messages, in the CLI's words: its hint about positionals starting with `-` does not apply here. */
function parseFailure(error: Error & { code?: string }): string {
  const option = /'([^']+)'/.exec(error.message)?.[1];
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) {
    return `ruleseq sandbox: unknown option ${option} ${HELP_HINT}`;
  }
  return `ruleseq sandbox: ${error.message} ${HELP_HINT}`;
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      port: { type: 'string' },
      host: { type: 'string', default: '127.0.0.1' },
      'cors-origin': { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
  });
}
