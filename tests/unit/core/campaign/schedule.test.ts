import { describe, expect, it } from 'vitest';
import {
  checkScheduleTime,
  DEFAULT_STALE_AFTER_MS,
  SCHEDULE_PROBLEMS,
  scheduleState,
  wallClockToInstant,
} from '../../../../src/core/campaign/schedule';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const NOW = Date.UTC(2026, 5, 1, 12, 0);

describe('checkScheduleTime', () => {
  it('accepts a time from one minute to 90 days ahead', () => {
    expect(checkScheduleTime(NOW + MINUTE, NOW)).toEqual({ ok: true, at: NOW + MINUTE });
    expect(checkScheduleTime(NOW + 3 * DAY, NOW)).toEqual({ ok: true, at: NOW + 3 * DAY });
    expect(checkScheduleTime(NOW + 90 * DAY, NOW)).toEqual({ ok: true, at: NOW + 90 * DAY });
  });

  it('refuses a time already past or less than a minute ahead', () => {
    expect(checkScheduleTime(NOW - HOUR, NOW)).toEqual({ ok: false, problem: 'in-the-past' });
    expect(checkScheduleTime(NOW, NOW)).toEqual({ ok: false, problem: 'in-the-past' });
    expect(checkScheduleTime(NOW + MINUTE - 1, NOW)).toEqual({ ok: false, problem: 'in-the-past' });
  });

  it('refuses a time more than 90 days ahead', () => {
    expect(checkScheduleTime(NOW + 90 * DAY + 1, NOW)).toEqual({ ok: false, problem: 'too-far' });
    expect(checkScheduleTime(NOW + 365 * DAY, NOW)).toEqual({ ok: false, problem: 'too-far' });
  });

  it('calls an input that did not read as a time invalid', () => {
    expect(checkScheduleTime(undefined, NOW)).toEqual({ ok: false, problem: 'invalid' });
    expect(checkScheduleTime(Number.NaN, NOW)).toEqual({ ok: false, problem: 'invalid' });
    expect(checkScheduleTime(wallClockToInstant('2026-06-31T10:00', 'Europe/Paris'), NOW)).toEqual({ ok: false, problem: 'invalid' });
  });

  it('only ever gives problems the UI has a message for', () => {
    const problems = [NOW - 1, NOW + 400 * DAY, Number.NaN].map((at) => checkScheduleTime(at, NOW)).map((check) => (check.ok ? 'ok' : check.problem));
    expect(problems).toEqual(['in-the-past', 'too-far', 'invalid']);
    expect([...SCHEDULE_PROBLEMS].sort()).toEqual([...problems].sort());
  });
});

describe('scheduleState', () => {
  const at = Date.UTC(2026, 5, 2, 9, 0);

  it('waits until the time comes', () => {
    expect(scheduleState(at, at - DAY)).toBe('waiting');
    expect(scheduleState(at, at - 1)).toBe('waiting');
  });

  it('is due from its time until three hours late', () => {
    expect(scheduleState(at, at)).toBe('due');
    expect(scheduleState(at, at + 2 * HOUR)).toBe('due');
    expect(scheduleState(at, at + DEFAULT_STALE_AFTER_MS)).toBe('due');
  });

  it('is stale beyond that: nobody had Herald open, a person must say it may still go', () => {
    expect(scheduleState(at, at + DEFAULT_STALE_AFTER_MS + 1)).toBe('stale');
    expect(scheduleState(at, at + 2 * DAY)).toBe('stale');
  });

  it('takes another delay when given', () => {
    expect(scheduleState(at, at + 20 * MINUTE, 15 * MINUTE)).toBe('stale');
    expect(scheduleState(at, at + 10 * MINUTE, 15 * MINUTE)).toBe('due');
  });
});

describe('wallClockToInstant', () => {
  it('reads an agent’s local time in their own time zone', () => {
    expect(wallClockToInstant('2026-07-01T09:00', 'America/New_York')).toBe(Date.UTC(2026, 6, 1, 13, 0));
    expect(wallClockToInstant('2026-07-01T09:00', 'Asia/Kolkata')).toBe(Date.UTC(2026, 6, 1, 3, 30));
    expect(wallClockToInstant('2026-07-01T09:00', 'UTC')).toBe(Date.UTC(2026, 6, 1, 9, 0));
  });

  it('follows Paris across the change to summer time (last Sunday of March)', () => {
    expect(wallClockToInstant('2026-03-28T10:00', 'Europe/Paris')).toBe(Date.UTC(2026, 2, 28, 9, 0));
    expect(wallClockToInstant('2026-03-29T01:30', 'Europe/Paris')).toBe(Date.UTC(2026, 2, 29, 0, 30));
    expect(wallClockToInstant('2026-03-29T03:30', 'Europe/Paris')).toBe(Date.UTC(2026, 2, 29, 1, 30));
    expect(wallClockToInstant('2026-03-29T10:00', 'Europe/Paris')).toBe(Date.UTC(2026, 2, 29, 8, 0));
  });

  it('moves a time the spring change skips (02:30) to the same time on the new clock, never earlier', () => {
    expect(wallClockToInstant('2026-03-29T02:30', 'Europe/Paris')).toBe(Date.UTC(2026, 2, 29, 1, 30));
    expect(wallClockToInstant('2026-03-29T02:00', 'Europe/Paris')).toBe(Date.UTC(2026, 2, 29, 1, 0));
  });

  it('takes the later of a time the autumn change repeats (02:30 twice)', () => {
    expect(wallClockToInstant('2026-10-25T01:30', 'Europe/Paris')).toBe(Date.UTC(2026, 9, 24, 23, 30));
    expect(wallClockToInstant('2026-10-25T02:30', 'Europe/Paris')).toBe(Date.UTC(2026, 9, 25, 1, 30));
    expect(wallClockToInstant('2026-10-25T03:30', 'Europe/Paris')).toBe(Date.UTC(2026, 9, 25, 2, 30));
  });

  it('keeps seconds when the input gives them', () => {
    expect(wallClockToInstant('2026-07-01T09:00:30', 'UTC')).toBe(Date.UTC(2026, 6, 1, 9, 0, 30));
  });

  it('gives nothing for a date that does not exist, a malformed value or an unknown zone', () => {
    for (const value of ['2026-02-29T10:00', '2026-04-31T10:00', '2026-13-01T10:00', '2026-01-01T24:00', '2026-01-01T10:60', '2026-01-01 10:00', '2026-1-1T10:00', '']) {
      expect(wallClockToInstant(value, 'Europe/Paris'), value).toBeUndefined();
    }
    expect(wallClockToInstant('2028-02-29T10:00', 'Europe/Paris')).toBe(Date.UTC(2028, 1, 29, 9, 0));
    expect(wallClockToInstant('2026-07-01T09:00', 'Mars/Olympus_Mons')).toBeUndefined();
    expect(wallClockToInstant('2026-07-01T09:00', 'Eastern Time (US & Canada)')).toBeUndefined();
  });
});
