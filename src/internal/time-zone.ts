const formatters = new Map<string, Intl.DateTimeFormat>();

/** Built on first use per zone: constructing one costs more than importing this module. */
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The wall-clock reading in `timeZone` at an instant. */
export function wallClockAt(instant: number, timeZone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const { type, value } of formatter(timeZone).formatToParts(instant)) parts[type] = Number(value);
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour!,
    minute: parts.minute!,
    second: parts.second!,
  };
}

function asUtc(c: WallClock): number {
  return Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute, c.second);
}

/** The instant at which `timeZone`'s clocks show `clock`; a second pass settles the hour around DST changes. */
export function instantOfWallClock(clock: WallClock, timeZone: string): number {
  const target = asUtc(clock);
  const offsetAt = (instant: number) =>
    asUtc(wallClockAt(instant, timeZone)) - Math.floor(instant / 1000) * 1000;
  const first = target - offsetAt(target);
  return target - offsetAt(first);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `YYYY-MM-DD HH:MM:SS` as `timeZone`'s clocks show it at `date`. */
export function formatWallClock(date: Date, timeZone: string): string {
  const c = wallClockAt(date.getTime(), timeZone);
  return `${pad(c.year, 4)}-${pad(c.month)}-${pad(c.day)} ${pad(c.hour)}:${pad(c.minute)}:${pad(c.second)}`;
}

const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/;

/** Parses a zone-less `YYYY-MM-DD HH:MM:SS` read in `timeZone`: `undefined` if not that shape, `NaN` if impossible. */
export function parseWallClock(text: string, timeZone: string): number | undefined {
  const m = WALL_CLOCK.exec(text);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const clock = { year, month, day, hour, minute, second };
  // Date.UTC rolls impossible values over (month 13, 99:99); such a text is not a timestamp at all.
  const probe = new Date(asUtc(clock));
  const valid =
    probe.getUTCFullYear() === year &&
    probe.getUTCMonth() === month - 1 &&
    probe.getUTCDate() === day &&
    probe.getUTCHours() === hour &&
    probe.getUTCMinutes() === minute &&
    probe.getUTCSeconds() === second;
  return valid ? instantOfWallClock(clock, timeZone) : Number.NaN;
}
