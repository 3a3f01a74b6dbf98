// One process of the scale-out check: `calls` Rule calls through a client whose budget is shared through Redis.
// Started by run-scale.mjs with fork(); reads its job from argv[2] (JSON) and reports on the IPC channel.
import { redisRateLimit } from 'ruleseq/redis';
import { RuleClient } from 'ruleseq/rule';

const job = JSON.parse(process.argv[2]);
const shared = redisRateLimit({
  url: job.redisUrl,
  maxRequests: job.maxRequests,
  intervalMs: job.intervalMs,
  expiration: job.expiration,
});
const rule = new RuleClient({
  apiKey: job.apiKey,
  baseUrl: job.baseUrl,
  rateLimit: shared,
  // The fake server tells workers apart by this header (and holds the requests of a worker told to hang).
  defaultHeaders: { 'x-scale-worker': job.label },
});

const started = Date.now();
const outcomes = await Promise.allSettled(Array.from({ length: job.calls }, () => rule.templates.list()));
const failures = outcomes
  .filter((o) => o.status === 'rejected')
  .map((o) => String(o.reason?.message ?? o.reason));
process.send({
  label: job.label,
  ok: outcomes.length - failures.length,
  failed: failures.length,
  firstFailures: [...new Set(failures)].slice(0, 3),
  ms: Date.now() - started,
});
await shared.close();
process.disconnect();
