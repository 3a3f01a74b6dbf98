import { expect, it } from 'vitest';
import { clusterId, pacedSettings } from '../../src/redis/cluster-settings.js';
import fc from '../helpers/fast-check.js';

/** The most requests any half-open window `[s, s + interval)` holds, as a fixed-window server would count them. */
function busiestWindow(times: number[], intervalMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let first = 0, last = 0; first < sorted.length; first++) {
    while (last < sorted.length && sorted[last]! < sorted[first]! + intervalMs) last++;
    most = Math.max(most, last - first);
  }
  return most;
}

it('spaced requests never overfill a window, wherever it starts, despite delays up to the slack', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 300 }),
      fc.integer({ min: 1_000, max: 900_000 }),
      fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 700 }),
      (maxRequests, intervalMs, delays) => {
        const { minTime } = pacedSettings({ maxRequests, intervalMs, maxConcurrent: 4 });
        const slack = Math.min(1_000, intervalMs * 0.05);
        // Each request leaves at its slot or up to `slack` later (timers, round trips, clocks).
        const sent = delays.map((delay, k) => k * minTime! + delay * slack);
        return busiestWindow(sent, intervalMs) <= maxRequests;
      },
    ),
  );
});

it('costs little of the documented budgets', () => {
  expect(pacedSettings({ maxRequests: 2000, intervalMs: 600_000, maxConcurrent: 4 })).toEqual({
    maxConcurrent: 4,
    minTime: 301,
  });
  expect(pacedSettings({ maxRequests: 100, intervalMs: 60_000, maxConcurrent: 4 }).minTime).toBe(610);
});

it('names the cluster after the scope hash (a Redis Cluster hash tag) and the budget', () => {
  const hash = 'ab'.repeat(32);
  const budget = { maxRequests: 100, intervalMs: 60_000, maxConcurrent: 4 };
  expect(clusterId(hash, budget)).toBe(`ruleseq_{${'ab'.repeat(16)}}_100_60000_4`);
  expect(clusterId(hash, { ...budget, maxRequests: 99 })).not.toBe(clusterId(hash, budget));
});
