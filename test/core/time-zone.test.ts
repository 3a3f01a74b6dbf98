import { describe, expect, it } from 'vitest';
import { formatWallClock, parseWallClock } from '../../src/internal/time-zone.js';

const ZONE = 'Europe/Stockholm';

describe('wall clock in a time zone', () => {
  it('formats an instant as Stockholm shows it in winter (UTC+1) and summer (UTC+2)', () => {
    expect(formatWallClock(new Date('2026-01-15T11:00:00Z'), ZONE)).toBe('2026-01-15 12:00:00');
    expect(formatWallClock(new Date('2026-07-15T11:00:00Z'), ZONE)).toBe('2026-07-15 13:00:00');
  });

  it('parses a zone-less timestamp as Stockholm time', () => {
    expect(parseWallClock('2026-01-15 12:00:00', ZONE)).toBe(Date.parse('2026-01-15T11:00:00Z'));
    expect(parseWallClock('2026-07-15 13:00:00', ZONE)).toBe(Date.parse('2026-07-15T11:00:00Z'));
    expect(parseWallClock('2026-07-15T13:00:00', ZONE)).toBe(Date.parse('2026-07-15T11:00:00Z'));
  });

  it('round-trips across the spring-forward and fall-back days', () => {
    for (const iso of [
      '2026-03-29T00:30:00Z',
      '2026-03-29T01:30:00Z',
      '2026-10-25T00:30:00Z',
      '2026-10-25T02:30:00Z',
    ]) {
      const date = new Date(iso);
      const text = formatWallClock(date, ZONE);
      // Fall-back's repeated hour is ambiguous on the wall clock; either reading is one hour apart at most.
      expect(Math.abs(parseWallClock(text, ZONE)! - date.getTime())).toBeLessThanOrEqual(3_600_000);
    }
    expect(parseWallClock('2026-03-29 12:00:00', ZONE)).toBe(Date.parse('2026-03-29T10:00:00Z'));
  });

  it('rejects other shapes', () => {
    expect(parseWallClock('2026-01-15', ZONE)).toBeUndefined();
    expect(parseWallClock('Thu, 15 Jan 2026 12:00:00 GMT', ZONE)).toBeUndefined();
  });
});
