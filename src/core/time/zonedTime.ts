/**
 * Wall-clock time in an IANA zone, through `Intl.DateTimeFormat` (the browser's own time zone
 * data, DST included): no date library, no table of offsets to keep up to date.
 *
 * Building a formatter is costly (far more than using one), so there is one per zone, kept for
 * the life of the page; a zone Intl does not know is remembered as unknown too.
 */
const formatters = new Map<string, Intl.DateTimeFormat | null>();

function formatterOf(zone: string): Intl.DateTimeFormat | null {
  let formatter = formatters.get(zone);
  if (formatter === undefined) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      formatter = null;
    }
    formatters.set(zone, formatter);
  }
  return formatter;
}

/** True when Intl knows the zone (IANA names and their aliases; not Zendesk's "Eastern Time (US & Canada)"). */
export function isKnownTimeZone(zone: string): boolean {
  return formatterOf(zone) !== null;
}

export interface WallClock {
  year: number;
  /** 1 to 12. */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The local date and time at `instant` (ms since epoch) in `zone`, which must be known. */
export function wallClockAt(zone: string, instant: number): WallClock {
  const formatter = formatterOf(zone);
  if (!formatter) throw new RangeError(`Unknown time zone ${zone}`);
  const wall: WallClock = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of formatter.formatToParts(instant)) {
    if (part.type in wall) wall[part.type as keyof WallClock] = Number(part.value);
  }
  return wall;
}

/** How far the zone's wall clock is ahead of UTC at `instant`, in ms (to the second). */
export function offsetAt(zone: string, instant: number): number {
  const wall = wallClockAt(zone, instant);
  const wallAsUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  return wallAsUtc - Math.floor(instant / 1000) * 1000;
}

const HOURS_14 = 14 * 3600_000;

/**
 * The instant when the zone's wall clock shows the given date and time. A time that happens twice
 * (the hour repeated when DST ends) gives the later one; a time that never happens (the hour
 * skipped when DST starts) gives the instant one shift later (03:30 for a skipped 02:30). Never
 * earlier than the wall clock says, which is what a "not before" needs.
 */
export function instantOfWallClock(zone: string, year: number, month: number, day: number, hour: number, minute: number): number {
  const wallAsUtc = Date.UTC(year, month - 1, day, hour, minute);
  // UTC offsets run from -12 h to +14 h: the offsets in force 14 h either side of the wall time
  // read as UTC are the only ones the answer can have (one, or two around a DST change).
  const offsets = new Set([offsetAt(zone, wallAsUtc - HOURS_14), offsetAt(zone, wallAsUtc), offsetAt(zone, wallAsUtc + HOURS_14)]);
  const candidates = [...offsets].map((offset) => wallAsUtc - offset);
  const real = candidates.filter((instant) => offsetAt(zone, instant) === wallAsUtc - instant);
  return Math.max(...(real.length > 0 ? real : candidates));
}
