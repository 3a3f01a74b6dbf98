import fc from 'fast-check';

// Property runs are seeded from the commit under test (vitest.config.ts), so a CI run on a commit meets the cases a
// local run on the same commit met: a failure is never a coin toss between two runs of one tree. Each commit still
// explores new cases. A failure prints its seed; `FC_SEED=<seed> npx vitest run <file>` replays it.
const seed = Number(process.env.FC_SEED);
if (Number.isSafeInteger(seed)) fc.configureGlobal({ seed });

export default fc;
