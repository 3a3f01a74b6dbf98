// Minifiers rename classes, so an error whose `name` came from its class printed `K: Rule client refused…` in a
// browser. Each entry point is bundled as an app would ship it (esbuild --minify), and every error class it exports
// must still carry its own name.
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
const outdir = join(root, 'node_modules/.cache/minified-error-names');
const { exports } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  exports: Record<string, unknown>;
};

/** The source of each public entry point: `./rule` is `src/rule/index.ts`; msw's handlers have their own file. */
function sourceOf(subpath: string): string {
  if (subpath === './testing/msw') return 'src/testing/msw-handlers.ts';
  const folder = join(root, 'src', subpath, 'index.ts');
  return existsSync(folder) ? folder : join(root, 'src', `${subpath}.ts`);
}
const entries = Object.keys(exports)
  .filter((subpath) => subpath !== './package.json')
  .map((subpath) => ({
    subpath,
    source: sourceOf(subpath),
    out: `${subpath.slice(2) || 'index'}`.replace(/\//g, '-'),
  }));

const apiInit = {
  status: 404,
  code: 'NotFound',
  message: 'Subscriber not found',
  body: null,
  headers: {},
  requestId: undefined,
  method: 'GET',
  url: 'https://app.rule.io/api/v2/subscribers/1',
};
type Construct = new (...args: never[]) => Error;
/** How to make one of each exported error class; a new class without a line here fails the test. */
const examples: Record<string, (C: Construct) => Error> = {
  RuleseqError: (C) => new (C as new (m: string, c: string) => Error)('failed', 'some_code'),
  AbortError: (C) => new (C as new () => Error)(),
  ConfigurationError: (C) => new (C as new (m: string) => Error)('No API key'),
  PaginationError: (C) => new (C as new (m: string) => Error)('next link to another origin'),
  ConnectionError: (C) => new (C as new (m: string, o: object) => Error)('refused', { refused: true }),
  TimeoutError: (C) => new (C as new (k: string, ms: number) => Error)('attempt', 30_000),
  RequestValidationError: (C) => new (C as new (i: object[]) => Error)([{ message: 'Invalid email' }]),
  ResponseValidationError: (C) =>
    new (C as new (o: object) => Error)({
      issues: [],
      body: {},
      status: 200,
      requestId: undefined,
      operation: 'x',
    }),
  TransferNotSettledError: (C) =>
    new (C as new (id: string, ms: number, t: undefined) => Error)('tr_1', 1_000, undefined),
  WaitTimeoutError: (C) =>
    new (C as new (what: string, ms: number, last: undefined) => Error)('Transfer tr_1', 1_000, undefined),
  ...Object.fromEntries(
    [
      'ApiError',
      'BadRequestError',
      'AuthenticationError',
      'PermissionDeniedError',
      'NotFoundError',
      'ConflictError',
      'PayloadTooLargeError',
      'UnprocessableEntityError',
      'InternalServerError',
      'RateLimitError',
    ].map((name) => [
      name,
      (C: Construct) => new (C as new (init: object) => Error)({ ...apiInit, retryAfter: 1 }),
    ]),
  ),
  ...Object.fromEntries(
    ['WebhookError', 'RuleWebhookError', 'SequenceWebhookError'].map((name) => [
      name,
      (C: Construct) =>
        new (C as new (m: string, o: object) => Error)('not JSON', { code: 'invalid_webhook', body: '' }),
    ]),
  ),
};

const isErrorClass = (value: unknown): value is Construct =>
  typeof value === 'function' && value.prototype instanceof Error;

const bundles = new Map<string, Record<string, unknown>>();
beforeAll(async () => {
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  await build({
    entryPoints: Object.fromEntries(entries.map((e) => [e.out, e.source])),
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'node',
    // Peer dependencies, as an app would install them.
    external: ['msw', 'msw/*', 'ioredis'],
    logLevel: 'error',
  });
  for (const { subpath, out } of entries) {
    bundles.set(subpath, await import(pathToFileURL(join(outdir, `${out}.mjs`)).href));
  }
}, 60_000);

describe.each(entries)('minified $subpath', ({ subpath }) => {
  it('keeps the name of every error class it exports', () => {
    for (const [exported, ErrorClass] of Object.entries(bundles.get(subpath) ?? {})) {
      if (!isErrorClass(ErrorClass)) continue;
      const make = examples[exported];
      if (!make) throw new Error(`no example for ${exported}: add one to this test`);
      const error = make(ErrorClass);
      expect(error).toBeInstanceOf(ErrorClass);
      expect({ exported, name: error.name }).toEqual({ exported, name: exported });
      expect(String(error).startsWith(`${exported}: `)).toBe(true);
      expect(error.stack?.startsWith(`${exported}: `)).toBe(true);
    }
  });
});

it('checks bundles whose class names the minifier really renamed', () => {
  const root = bundles.get('.') ?? {};
  expect(Object.keys(root)).toContain('NotFoundError');
  expect((root.NotFoundError as Construct).name).not.toBe('NotFoundError');
  expect(bundles.get('./rule')?.RuleWebhookError).toBeDefined();
  expect(bundles.get('./sequence')?.TransferNotSettledError).toBeDefined();
});
