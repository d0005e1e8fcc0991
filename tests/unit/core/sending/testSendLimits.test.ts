import { describe, expect, it } from 'vitest';
import { maskPhone } from '../../../../src/core/phone/maskPhone';
import { TEST_SENDS_PER_DAY, testSendAllowance } from '../../../../src/core/sending/testSendLimits';

describe('test send limits', () => {
  const now = Date.UTC(2026, 11, 3, 10, 0, 0);

  it('allows five tests a minute and refuses the sixth until the first is a minute old', () => {
    const five = [0, 5, 10, 20, 30].map((seconds) => now - 40_000 + seconds * 1000);
    expect(testSendAllowance(five.slice(0, 4), now)).toEqual({ ok: true });
    expect(testSendAllowance(five, now)).toEqual({ ok: false, limit: 'per-minute', retryAt: five[0]! + 60_000 });
    expect(testSendAllowance(five, five[0]! + 60_000)).toEqual({ ok: true });
  });

  it('caps a day at fifty, counted over the last 24 hours', () => {
    const day = Array.from({ length: TEST_SENDS_PER_DAY }, (_, index) => now - 23 * 3_600_000 + index * 120_000);
    expect(testSendAllowance(day, now)).toEqual({ ok: false, limit: 'per-day', retryAt: day[0]! + 24 * 3_600_000 });
    expect(testSendAllowance(day.slice(1), now)).toEqual({ ok: true });
    // Tests older than a day count no more, whatever their order in the log.
    expect(testSendAllowance([...day].reverse(), day[0]! + 24 * 3_600_000 + 1)).toEqual({ ok: true });
  });
});

describe('masked numbers', () => {
  it('keeps the country code and the last two digits only', () => {
    expect(maskPhone('+33612345678')).toBe('+33•••••••78');
    expect(maskPhone('+14155550123')).toBe('+1••••••••23');
    expect(maskPhone('+5511987654321')).toBe('+55•••••••••21');
    expect(maskPhone('+33612345678')).not.toContain('1234');
  });
});
