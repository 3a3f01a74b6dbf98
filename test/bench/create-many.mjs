// Target 4: `createMany` of 100,000 subscribers (100 calls of 1,000) against the Rule fake enforcing a fixed-window
// budget, with the client given the same budget. Rule's own rate (2,000 requests / 10 min = 3.33 requests/s) with
// the window scaled down 100× to 20 requests / 6 s, so the run takes ~25 s (five windows). A shorter window would
// inflate what each request's own duration costs against it. The achieved rate is measured where the budget is
// enforced, from the times the server accepted requests: whole windows' worth of requests (M = 80 here) over the time
// from the first request to request M, which opens the last window. A client that sends each window's requests the
// moment it opens achieves exactly the permitted rate; any client-side lag, or a 429's wait, lowers it.
import { RuleClient } from '../../dist/rule/index.js';
import { startServer } from './server-process.mjs';
import { resultRow, round } from './stats.mjs';

const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 100_000);
const BUDGET = { maxRequests: 20, intervalMs: 6_000 };
const EMAIL_PREFIX = 'bench-';

export default async function createMany() {
  const server = await startServer({ mode: 'rule-fake', rateLimit: BUDGET });
  const client = new RuleClient({ apiKey: server.apiKey, baseUrl: server.baseUrl, rateLimit: BUDGET });
  const subscribers = Array.from({ length: SUBSCRIBERS }, (_, i) => ({
    email: `${EMAIL_PREFIX}${i}@example.com`,
    fields: { 'Profile.FirstName': `Ada ${i}` },
  }));
  const start = performance.now();
  const report = await client.subscribers.createMany(subscribers, { tags: ['Bench'] });
  const wallMs = performance.now() - start;
  const stats = await server.stats({ emailPrefix: EMAIL_PREFIX, expected: SUBSCRIBERS });
  await server.stop();

  const arrivals = stats.acceptedAt;
  const wholeWindows = BUDGET.maxRequests * Math.floor((arrivals.length - 1) / BUDGET.maxRequests);
  const achieved = wholeWindows / ((arrivals[wholeWindows] - arrivals[0]) / 1000);
  const permitted = BUDGET.maxRequests / (BUDGET.intervalMs / 1000);
  const share = achieved / permitted;
  const exact = stats.missing === 0 && stats.duplicated === 0 && stats.foreign === 0 && report.failed === 0;
  const data = {
    subscribers: SUBSCRIBERS,
    budget: BUDGET,
    wallMs: Math.round(wallMs),
    achievedRequestsPerS: round(achieved, 3),
    permittedRequestsPerS: round(permitted, 3),
    accepted: stats.accepted,
    limited429: stats.limited,
    otherErrors: stats.other,
    failedInReport: report.failed,
    missing: stats.missing,
    duplicated: stats.duplicated,
  };
  return [
    resultRow({
      id: '4',
      metric: '`createMany` of 100,000 subscribers under a 20 requests / 6 s budget: achieved rate',
      sdk: `${achieved.toFixed(2)} requests/s (${(wallMs / 1000).toFixed(1)} s)`,
      baseline: `${permitted.toFixed(2)} requests/s permitted`,
      ratio: share,
      target: '≥ 95 % of permitted',
      pass: share >= 0.95,
      data,
    }),
    resultRow({
      id: '4a',
      metric: 'Same run: 429 answers; subscribers lost or duplicated',
      sdk: `${stats.limited} × 429; ${stats.missing} lost, ${stats.duplicated} duplicated`,
      target: '0; 0, 0',
      pass: stats.limited === 0 && exact,
      data: { limited429: stats.limited, missing: stats.missing, duplicated: stats.duplicated },
    }),
  ];
}
