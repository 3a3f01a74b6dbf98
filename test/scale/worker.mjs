// One process of the scale-out check: bursts of Rule calls through a client whose budget is shared through Redis.
// Started by run-scale.mjs with fork(); reads its job from argv[2] (JSON) and reports each burst on the IPC channel.
// With `bursts` above 1 it waits for a 'next' message between bursts (which may carry the calls' RequestOptions);
// after the last one it leaves.
import { redisRateLimit } from 'ruleseq/redis';
import { RuleClient } from 'ruleseq/rule';

const job = JSON.parse(process.argv[2]);
const shared = redisRateLimit({
  url: job.redisUrl,
  maxRequests: job.maxRequests,
  intervalMs: job.intervalMs,
  expiration: job.expiration,
  ...(job.connectTimeout ? { connectTimeout: job.connectTimeout } : {}),
});
const rule = new RuleClient({
  apiKey: job.apiKey,
  baseUrl: job.baseUrl,
  rateLimit: shared,
  // The fake server tells workers apart by this header (and holds the requests of a worker told to hang).
  defaultHeaders: { 'x-scale-worker': job.label },
});

/** Runs one burst; every call's end is timed, so the parent can tell how long a failure took to surface. */
async function burst(calls, options) {
  const started = Date.now();
  const outcomes = await Promise.all(
    Array.from({ length: calls }, () =>
      rule.templates.list(options).then(
        () => ({ ok: true, at: Date.now() }),
        (error) => ({
          ok: false,
          at: Date.now(),
          name: error?.constructor?.name ?? typeof error,
          refused: error?.refused === true,
          message: String(error?.message ?? error),
        }),
      ),
    ),
  );
  const failures = outcomes.filter((o) => !o.ok);
  return {
    label: job.label,
    ok: outcomes.length - failures.length,
    failed: failures.length,
    firstFailures: [...new Set(failures.map((f) => f.message))].slice(0, 3),
    failures: failures.map(({ at, name, refused }) => ({ at, name, refused })),
    started,
    ms: Date.now() - started,
  };
}

const nextBurst = () => new Promise((resolve) => process.once('message', resolve));
const bursts = job.bursts ?? 1;
for (let i = 0; i < bursts; i++) {
  const options = i === 0 ? job.options : (await nextBurst()).options;
  process.send(await burst(job.calls, options));
}
await shared.close();
process.disconnect();
