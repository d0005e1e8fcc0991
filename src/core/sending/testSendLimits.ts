/**
 * How many test messages one agent may send. A test send is a real, paid message to a number the
 * agent types: without a limit, the test form is a way to message anyone, any number of times,
 * outside every campaign rule. Five a minute is more than anyone checking a message needs; fifty a
 * day is a working day of careful testing. The log of test sends (who, when, a masked number, the
 * template) is what both limits count.
 */

export const TEST_SENDS_PER_MINUTE = 5;
export const TEST_SENDS_PER_DAY = 50;
const MINUTE_MS = 60_000;
const DAY_MS = 24 * 3_600_000;

export type TestSendAllowance = { ok: true } | { ok: false; limit: 'per-minute' | 'per-day'; retryAt: number };

/** Whether the agent may send one more test at `now`, given when their earlier tests went (any order). */
export function testSendAllowance(sentAt: readonly number[], now: number): TestSendAllowance {
  const recent = [...sentAt].filter((at) => at > now - DAY_MS && at <= now).sort((a, b) => a - b);
  if (recent.length >= TEST_SENDS_PER_DAY) return { ok: false, limit: 'per-day', retryAt: recent[recent.length - TEST_SENDS_PER_DAY]! + DAY_MS };
  const lastMinute = recent.filter((at) => at > now - MINUTE_MS);
  if (lastMinute.length >= TEST_SENDS_PER_MINUTE) return { ok: false, limit: 'per-minute', retryAt: lastMinute[lastMinute.length - TEST_SENDS_PER_MINUTE]! + MINUTE_MS };
  return { ok: true };
}
