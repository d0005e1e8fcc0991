import { instantOfWallClock, isKnownTimeZone } from '../time/zonedTime';

/**
 * A campaign scheduled to start later. Herald has no server: a scheduled campaign starts when a
 * Herald page is open at or after its time. That is why a campaign found long after its time is
 * "stale" and must not start on its own: the audience, the offer or the hour may no longer suit.
 */

/** What can be wrong with a start time; the UI has a message for each. */
export const SCHEDULE_PROBLEMS = ['invalid', 'in-the-past', 'too-far'] as const;
export type ScheduleProblem = (typeof SCHEDULE_PROBLEMS)[number];

export type ScheduleCheck = { ok: true; at: number } | { ok: false; problem: ScheduleProblem };

/**
 * At least a minute ahead: a time that is already (nearly) here would start as soon as it is saved,
 * which is "launch now" without the launch confirmation.
 */
export const MIN_SCHEDULE_LEAD_MS = 60_000;
/** At most 90 days ahead: further than that, the template, the audience and the consent may all have changed. */
export const MAX_SCHEDULE_AHEAD_MS = 90 * 24 * 3600_000;
/** Past this delay, a due campaign waits for a person to say it may still go. */
export const DEFAULT_STALE_AFTER_MS = 3 * 3600_000;

/** `at` (ms since epoch, or undefined when the input did not read as a time) as a start time chosen at `now`. */
export function checkScheduleTime(at: number | undefined, now: number): ScheduleCheck {
  if (at === undefined || !Number.isFinite(at)) return { ok: false, problem: 'invalid' };
  const ahead = at - now;
  if (ahead < MIN_SCHEDULE_LEAD_MS) return { ok: false, problem: 'in-the-past' };
  if (ahead > MAX_SCHEDULE_AHEAD_MS) return { ok: false, problem: 'too-far' };
  return { ok: true, at };
}

export type ScheduleState = 'waiting' | 'due' | 'stale';

/** Whether a scheduled campaign may start at `now`: not yet, yes, or only if a person confirms. */
export function scheduleState(scheduledAt: number, now: number, staleAfterMs: number = DEFAULT_STALE_AFTER_MS): ScheduleState {
  if (now < scheduledAt) return 'waiting';
  return now - scheduledAt <= staleAfterMs ? 'due' : 'stale';
}

/** The value of an `<input type="datetime-local">`: seconds only when the input's step asks for them. */
const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?$/;

/**
 * The instant an agent means by a date and time typed in their own time zone (an IANA name).
 * Undefined when the text is not a real date and time, or the zone is unknown.
 *
 * Around a DST change (zonedTime.ts decides): a time that happens twice (02:30 on the night
 * clocks go back) is the later one, and a time that never happens (02:30 on the night clocks go
 * forward) is the same time on the new clock (03:30). Either way the campaign never starts before
 * the time the agent read on their clock, which is what "send at" promises.
 */
export function wallClockToInstant(localDateTime: string, timeZone: string): number | undefined {
  const match = LOCAL_DATE_TIME.exec(localDateTime.trim());
  if (!match || !isKnownTimeZone(timeZone)) return undefined;
  const [year, month, day, hour, minute, second = 0] = match.slice(1).map((part) => (part === undefined ? undefined : Number(part))) as [
    number,
    number,
    number,
    number,
    number,
    number?,
  ];
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return undefined;
  // Date.UTC rolls 31 April into 1 May: reading the day back catches dates that do not exist.
  if (day < 1 || new Date(Date.UTC(year, month - 1, day)).getUTCDate() !== day) return undefined;
  return instantOfWallClock(timeZone, year, month, day, hour, minute) + second * 1000;
}
