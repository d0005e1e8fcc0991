import { COUNTRY_TIME_ZONES } from '../time/countryTimeZones';
import { instantOfWallClock, isKnownTimeZone, wallClockAt } from '../time/zonedTime';

/**
 * Quiet hours in the recipient's own time: nobody gets a campaign message in the middle of their
 * night. A recipient inside the quiet hours is held (kept pending, sent later), never dropped.
 */
export interface QuietHours {
  /** 'HH:MM', 24-hour: when the quiet starts (included). */
  start: string;
  /** 'HH:MM': when it ends (excluded). Before `start` when the quiet wraps midnight (21:00–08:00). */
  end: string;
}

export interface QuietHoursRecipient {
  timeZone: string | null;
  country: string | undefined;
}

const DAY_MS = 24 * 3600_000;
/** A search for a moment when no zone of a country is quiet never looks further than this. */
const SEARCH_LIMIT_MS = 2 * DAY_MS;
const SEARCH_STEPS = 32;

/**
 * Reads "21:00-08:00" (also with an en dash, "to", spaces, or one-digit hours: "9:00 – 17:30").
 * Undefined when the text is not two distinct valid times.
 */
export function parseQuietHours(text: string): QuietHours | undefined {
  const match = /^\s*(\d{1,2}):(\d{2})\s*(?:-|–|—|to)\s*(\d{1,2}):(\d{2})\s*$/i.exec(text);
  if (!match) return undefined;
  const [, startHour, startMinute, endHour, endMinute] = match as unknown as [string, string, string, string, string];
  const start = clockText(Number(startHour), Number(startMinute));
  const end = clockText(Number(endHour), Number(endMinute));
  if (start === undefined || end === undefined || start === end) return undefined;
  return { start, end };
}

/**
 * When the recipient may receive a message: undefined when they may now, else the first instant
 * (ms since epoch) when they may.
 *
 * The zone is the user's IANA time zone when Zendesk has one Intl knows; else every main zone of
 * the phone's country, and the recipient is held while it is quiet in ANY of them (a number
 * from the US is not messaged at 08:00 in New York while it is 05:00 in Los Angeles: never wake
 * anyone). A country whose zones are never all awake together falls back to its main zone.
 *
 * With no zone at all (no time zone, no known country) the recipient is NOT held: holding them
 * would hold them forever, a silent skip, while the campaign was planned for them; the sending
 * time the marketer chose is the best guess left.
 */
export function quietUntil(recipient: QuietHoursRecipient, now: number, quiet: QuietHours): number | undefined {
  const window = minutesOf(quiet);
  const zones = recipientTimeZones(recipient);
  if (zones.length === 0) return undefined;
  const until = zones.length === 1 ? quietEndIn(zones[0] as string, now, window) : allAwakeFrom(zones, now, window);
  return until === undefined || until <= now ? undefined : until;
}

/** The zones whose quiet hours hold this recipient, the most likely first (none: unknown). */
export function recipientTimeZones(recipient: QuietHoursRecipient): readonly string[] {
  if (recipient.timeZone && isKnownTimeZone(recipient.timeZone)) return [recipient.timeZone];
  const country = recipient.country?.toUpperCase();
  return (country && COUNTRY_TIME_ZONES[country]?.filter(isKnownTimeZone)) || [];
}

interface QuietWindow {
  start: number;
  end: number;
}

function minutesOf(quiet: QuietHours): QuietWindow {
  const start = minuteOfDay(quiet.start);
  const end = minuteOfDay(quiet.end);
  if (start === undefined || end === undefined || start === end) throw new RangeError(`Invalid quiet hours ${quiet.start}–${quiet.end}`);
  return { start, end };
}

function isQuiet(minute: number, window: QuietWindow): boolean {
  return window.start < window.end ? minute >= window.start && minute < window.end : minute >= window.start || minute < window.end;
}

/** When the quiet hours around `at` end in `zone`; undefined when it is not quiet there at `at`. */
function quietEndIn(zone: string, at: number, window: QuietWindow): number | undefined {
  const wall = wallClockAt(zone, at);
  const minute = wall.hour * 60 + wall.minute;
  if (!isQuiet(minute, window)) return undefined;
  // Quiet that wraps midnight and started this evening ends tomorrow morning.
  const dayShift = window.start > window.end && minute >= window.start ? 1 : 0;
  const endDay = new Date(Date.UTC(wall.year, wall.month - 1, wall.day + dayShift));
  const hour = Math.floor(window.end / 60);
  const minuteOfHour = window.end % 60;
  let end = instantOfWallClock(zone, endDay.getUTCFullYear(), endDay.getUTCMonth() + 1, endDay.getUTCDate(), hour, minuteOfHour);
  // A DST change between `at` and the end cannot put the end before `at`; a day later if it did.
  if (end <= at) end += DAY_MS;
  return end;
}

/** The first moment from `now` when no zone is quiet: each step jumps to the latest end of the quiet ones. */
function allAwakeFrom(zones: readonly string[], now: number, window: QuietWindow): number | undefined {
  let at = now;
  for (let step = 0; step < SEARCH_STEPS && at - now <= SEARCH_LIMIT_MS; step += 1) {
    let latestEnd: number | undefined;
    for (const zone of zones) {
      const end = quietEndIn(zone, at, window);
      if (end !== undefined && (latestEnd === undefined || end > latestEnd)) latestEnd = end;
    }
    if (latestEnd === undefined) return at;
    at = latestEnd;
  }
  // The zones are never all outside the quiet hours together (a country spanning more hours than
  // the day leaves awake): the main zone, where most recipients live, decides.
  return quietEndIn(zones[0] as string, now, window);
}

function minuteOfDay(text: string): number | undefined {
  const match = /^(\d{2}):(\d{2})$/.exec(text);
  if (!match) return undefined;
  const hour = Number(match[1]);
  const minute = Number(match[2]);
  return hour < 24 && minute < 60 ? hour * 60 + minute : undefined;
}

function clockText(hour: number, minute: number): string | undefined {
  if (hour > 23 || minute > 59) return undefined;
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}
