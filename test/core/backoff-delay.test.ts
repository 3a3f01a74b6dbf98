import { afterEach, describe, expect, it, vi } from 'vitest';
import { backoffDelay } from '../../src/core/retry-policy.js';

const bounds = { initialMs: 500, maxMs: 8_000 };

describe('backoffDelay', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('doubles per attempt within [base, 2 × base), jittered', () => {
    for (const [attempt, base] of [
      [1, 500],
      [2, 1_000],
      [3, 2_000],
      [4, 4_000],
    ] as const) {
      vi.spyOn(Math, 'random').mockReturnValue(0);
      expect(backoffDelay(attempt, bounds)).toBe(base);
      vi.spyOn(Math, 'random').mockReturnValue(0.999);
      expect(backoffDelay(attempt, bounds)).toBe(Math.round(base * 1.999));
    }
  });

  it('never exceeds the cap, however many attempts', () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.999);
    for (const attempt of [5, 6, 20, 2_000]) expect(backoffDelay(attempt, bounds)).toBe(8_000);
  });

  it('spreads clients failing together', () => {
    const delays = new Set(Array.from({ length: 50 }, () => backoffDelay(2, bounds)));
    expect(delays.size).toBeGreaterThan(10);
    for (const delay of delays) expect(delay).toBeGreaterThanOrEqual(1_000);
  });
});
