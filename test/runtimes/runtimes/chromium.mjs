// Chromium (Debian's), driven by playwright-core: a page from a loopback static server loads the esbuild bundle of
// the scenario and runs it against the sandbox (another origin, so CORS is exercised) with dangerouslyAllowBrowser.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { bundle } from '../lib/bundle.mjs';

export const CHROMIUM = '/usr/bin/chromium';

// The machine has no network: without these, Chromium keeps trying to reach Google's services.
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const PAGE = '<!doctype html><meta charset="utf-8"><script type="module" src="/smoke.js"></script>';

/** Serves the page and the bundle on a loopback port. */
async function serve(script) {
  const server = createServer((req, res) => {
    const isScript = req.url === '/smoke.js';
    res.writeHead(200, { 'content-type': isScript ? 'text/javascript' : 'text/html' });
    res.end(isScript ? script : PAGE);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

async function runInChromium({ project, input }) {
  const script = readFileSync(await bundle(project, 'browser.mjs', 'chromium/smoke.js'));
  const server = await serve(script);
  const userDataDir = mkdtempSync(join(tmpdir(), 'ruleseq-chromium-'));
  try {
    const context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: ARGS,
      timeout: 30_000,
    });
    try {
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(`http://127.0.0.1:${server.address().port}/`);
      await page.waitForFunction(() => typeof globalThis.runSmoke === 'function', null, { timeout: 15_000 });
      const { refusesWithoutOptIn, ...result } = await page.evaluate(
        (arg) => globalThis.runSmoke(arg),
        input,
      );
      if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
      if (!refusesWithoutOptIn)
        throw new Error('a client started in the browser without dangerouslyAllowBrowser');
      return result;
    } finally {
      await context.close();
    }
  } finally {
    server.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }
}

export function chromiumCheck() {
  return {
    runtime: 'Chromium',
    binary: CHROMIUM,
    command: 'chromium --headless (playwright-core, esbuild bundle)',
    smoke: true,
    run: runInChromium,
  };
}
