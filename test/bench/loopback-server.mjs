// The server side of the benchmarks, in its own process so the client's CPU time is not shared with the server's.
// Started by `startServer` (server-process.mjs) with its options as JSON in argv[2]:
//   { mode: 'canned', latencyMs?, pages? }  fixed JSON answers, optionally delayed: `GET …/templates`, and
//                                           `GET …/subscribers?page=N` (100 subscribers a page, `pages` pages)
//   { mode: 'rule-fake', rateLimit }        the Rule fake from the built package, enforcing `rateLimit`
// It reports `{ baseUrl, apiKey }` once listening, answers `{ id, type: 'stats' }` messages, and exits on disconnect.
import http from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { createRuleFake, startSandbox } from '../../dist/testing/index.js';

const options = JSON.parse(process.argv[2] ?? '{}');
const server = options.mode === 'rule-fake' ? await serveRuleFake(options) : await serveCanned(options);
process.send({ type: 'ready', baseUrl: server.baseUrl, apiKey: server.apiKey });
process.on('message', async (message) => {
  if (message.type === 'stats') process.send({ id: message.id, ...(await server.stats(message)) });
});
process.on('disconnect', () => server.close().then(() => process.exit(0)));

/**
 * Page `n` of a real Rule listing: the seeded fake's 100 subscribers with ids moved on by 100 a page (a listing
 * whose pages repeat is refused as a server ignoring `page`), its `meta.next` spliced in per request. Pages are
 * built once, so the server's CPU stays out of the measured walk.
 */
async function subscriberPage() {
  const fake = createRuleFake({ rateLimit: false });
  const response = await fake.fetch(
    new Request('http://127.0.0.1/api/v2/subscribers?limit=100', {
      headers: { authorization: `Bearer ${fake.apiKey}` },
    }),
  );
  const body = await response.json();
  if (body.subscribers.length !== 100) throw new Error('expected a full page from the seeded fake');
  const built = new Map();
  return (n, next) => {
    if (!built.has(n)) {
      const subscribers = body.subscribers.map((s) => ({ ...s, id: String(Number(s.id) + (n - 1) * 100) }));
      built.set(n, JSON.stringify({ ...body, subscribers, meta: { next: null } }).split('"next":null'));
    }
    const [head, tail] = built.get(n);
    return `${head}"next":${JSON.stringify(next)}${tail}`;
  };
}

async function serveCanned({ latencyMs = 0, pages = 1 }) {
  const templates = JSON.stringify({ templates: [{ id: 1, name: 'Welcome' }] });
  const page = await subscriberPage();
  let origin = '';
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', origin);
    let body;
    if (url.pathname === '/api/v2/templates') body = templates;
    else if (url.pathname === '/api/v2/subscribers') {
      const n = Number(url.searchParams.get('page') ?? '1');
      const next = new URL(url);
      next.searchParams.set('page', String(n + 1));
      body = page(n, n < pages ? next.href : null);
    } else {
      res.writeHead(404).end();
      return;
    }
    if (latencyMs > 0) await sleep(latencyMs);
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  });
  server.keepAliveTimeout = 60_000;
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${server.address().port}`;
  return {
    baseUrl: `${origin}/api/v2`,
    apiKey: 'bench-key',
    stats: async () => ({}),
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

async function serveRuleFake({ rateLimit }) {
  const fake = createRuleFake({ seed: false, rateLimit });
  const counts = { limited: 0, accepted: 0, other: 0 };
  /** Arrival times (ms) of requests the fake accepted: the achieved rate is measured where the budget is. */
  const acceptedAt = [];
  const counting = {
    ...fake,
    async fetch(request) {
      const arrived = performance.now();
      const response = await fake.fetch(request);
      if (response.status === 429) counts.limited++;
      else if (response.ok) {
        counts.accepted++;
        acceptedAt.push(arrived);
      } else counts.other++;
      return response;
    },
  };
  const sandbox = await startSandbox({ fakes: [counting] });
  const { baseUrl, apiKey } = sandbox.endpoint('rule');
  return {
    baseUrl,
    apiKey,
    /** Request counts, accepted arrival times, and how often each e-mail `${prefix}<i>@…` (i < expected) is stored. */
    async stats({ emailPrefix, expected }) {
      const stored = new Array(expected).fill(0);
      let foreign = 0;
      for (const { email } of fake.state.subscribers) {
        const match = email?.match(/^(.*?)(\d+)@/);
        const i = match && match[1] === emailPrefix ? Number(match[2]) : -1;
        if (i >= 0 && i < expected) stored[i]++;
        else foreign++;
      }
      return {
        ...counts,
        acceptedAt,
        missing: stored.filter((n) => n === 0).length,
        duplicated: stored.filter((n) => n > 1).length,
        foreign,
      };
    },
    close: () => sandbox.close(),
  };
}
