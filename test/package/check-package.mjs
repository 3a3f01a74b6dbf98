// Packs the package as npm would publish it, installs the tarball into throwaway ESM and CommonJS projects,
// loads every entry point both ways, and runs publint and Are The Types Wrong. Run after `npm run build`.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { installConsumer, packTarball, pkg, root, run } from './pack.mjs';

const entries = Object.keys(pkg.exports).filter((k) => !k.endsWith('.json'));
const specifiers = entries.map((k) => (k === '.' ? pkg.name : `${pkg.name}/${k.slice(2)}`));
const work = mkdtempSync(join(tmpdir(), 'ruleseq-pack-'));
let failed = false;
const check = (label, fn) => {
  try {
    const out = fn();
    const last = typeof out === 'string' ? out.trim().split('\n').at(-1) : '';
    console.log(`ok   ${label}${last ? ` (${last})` : ''}`);
  } catch (error) {
    failed = true;
    console.log(`FAIL ${label}\n${error.stdout ?? ''}${error.message}`);
  }
};

try {
  const { tarball, files } = packTarball(work);

  check('tarball holds only dist/, README, CHANGELOG, LICENSE and package.json', () => {
    const allowed = /^(dist\/.*|README\.md|CHANGELOG\.md|LICENSE|package\.json)$/;
    const stray = files.filter((p) => !allowed.test(p));
    if (stray.length) throw new Error(`unexpected files: ${stray.join(', ')}`);
  });

  check('publint', () =>
    run(process.execPath, [join(root, 'node_modules/publint/src/cli.js'), 'run', tarball, '--strict'], root),
  );
  check('attw', () =>
    run(
      process.execPath,
      [join(root, 'node_modules/@arethetypeswrong/cli/dist/index.js'), tarball, '--profile', 'node16'],
      root,
    ),
  );

  for (const type of ['module', 'commonjs']) {
    // msw is an optional peer dependency, needed only by ruleseq/testing/msw.
    const dir = installConsumer(join(work, type), { tarball, type, extra: ['msw'] });
    const body =
      type === 'module'
        ? specifiers.map((s, i) => `import * as m${i} from '${s}';`).join('\n') +
          `\nconst mods = [${specifiers.map((_, i) => `m${i}`).join(', ')}];`
        : `const mods = [${specifiers.map((s) => `require('${s}')`).join(', ')}];`;
    // The shared error classes must be one identity across entry points, or `instanceof` breaks.
    const probe = `${body}
const root = mods[0];
if (typeof root.RuleseqError !== 'function') throw new Error('RuleseqError missing');
const e = new root.NotFoundError({ status: 404, code: 'NotFound', message: 'x', body: null, headers: {}, requestId: undefined, method: 'GET', url: 'https://x' });
if (!(e instanceof root.ApiError) || !(e instanceof root.RuleseqError)) throw new Error('error hierarchy broken');
for (const m of mods) if (Object.keys(m).length === 0) throw new Error('empty entry point');
// ruleseq/redis loads without its optional peer ioredis (imported on first use) and shares the error classes.
const redis = mods[${specifiers.indexOf(`${pkg.name}/redis`)}];
try {
  redis.redisRateLimit({});
  throw new Error('redisRateLimit accepted no target');
} catch (error) {
  if (!(error instanceof root.ConfigurationError)) throw error;
}
// A real call through the transport (fetch, zod) against a loopback server.
const http = ${type === 'module' ? "await import('node:http')" : "require('node:http')"};
const rule = mods[${specifiers.indexOf(`${pkg.name}/rule`)}];
const server = http.createServer((req, res) => {
  res.setHeader('content-type', 'application/json');
  const name = req.headers.authorization === 'Bearer probe-key' ? 'ok' : 'no auth';
  if (req.url.startsWith('/platform/v1/accounts')) {
    const item = { id: 'c2cb3499-2491-4185-a6f5-1a3d281b875a', name, type: 'POD', description: null, externalAccountType: null, beneficiaryName: null, institutionName: null, canBeSource: true, createdAt: '2024-02-01T09:00:00Z', updatedAt: '2024-02-01T09:00:00Z', deletedAt: null };
    res.end(JSON.stringify({ requestId: 'req-1', data: { items: [item], pagination: { page: 1, pageSize: 10, hasNextPage: false } } }));
    return;
  }
  res.end(JSON.stringify({ templates: [{ id: '7', name }] }));
});
server.listen(0, '127.0.0.1', async () => {
  const client = new rule.RuleClient({ apiKey: 'probe-key', baseUrl: 'http://127.0.0.1:' + server.address().port + '/api/v2' });
  const templates = await client.templates.list();
  const platform = mods[${specifiers.indexOf(`${pkg.name}/sequence-platform`)}];
  const platformClient = new platform.SequencePlatformClient({ apiKey: 'probe-key', baseUrl: 'http://127.0.0.1:' + server.address().port + '/platform/v1' });
  const accounts = [];
  for await (const account of platformClient.accounts.list()) accounts.push(account.name);
  server.close();
  if (templates[0].id !== 7 || templates[0].name !== 'ok') throw new Error('unexpected ' + JSON.stringify(templates));
  if (accounts.join() !== 'ok') throw new Error('unexpected Platform accounts ' + JSON.stringify(accounts));
  const failure = await client.templates.get(-1).safe();
  if (failure.ok || !(failure.error instanceof root.RequestValidationError)) throw new Error('validation error class differs across entry points');
  ${
    type === 'module'
      ? ''
      : `// Node takes the package's \`#zod\` import to the build with zod's compiler, never the browsers' one.
  const zodBuilds = Object.keys(require.cache).filter((f) => /[\\/]ruleseq[\\/]dist[\\/]zod[\\/]/.test(f));
  if (zodBuilds.length !== 1 || !zodBuilds[0].endsWith('node.cjs')) throw new Error('#zod resolved to ' + zodBuilds);`
  }
  console.log('loaded ' + mods.length + ' entry points and called the API');
});
`;
    const file = join(dir, type === 'module' ? 'probe.mjs' : 'probe.cjs');
    writeFileSync(file, probe);
    check(`${type === 'module' ? 'import' : 'require'} ${specifiers.join(', ')}`, () =>
      run(process.execPath, [file], dir),
    );
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
process.exitCode = failed ? 1 : 0;
