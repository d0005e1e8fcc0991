import { describe, expect, it } from 'vitest';
import { isUsable, normalizePhone } from '../../../src/core/phone/normalizePhone';

describe('normalizePhone', () => {
  it('keeps a number already in E.164 and tells its country', () => {
    expect(normalizePhone('+33612345678')).toEqual({ status: 'valid', e164: '+33612345678', country: 'FR' });
  });

  it('accepts international numbers written with spaces as valid, in E.164', () => {
    expect(normalizePhone(' +1 212 555 0100 ')).toEqual({ status: 'valid', e164: '+12125550100', country: 'US' });
  });

  it('repairs a national number with the default country and says so', () => {
    expect(normalizePhone('06 12 34 56 78', 'FR')).toEqual({
      status: 'repaired',
      e164: '+33612345678',
      country: 'FR',
      original: '06 12 34 56 78',
      repair: 'default-country',
    });
  });

  it('repairs the 00 international prefix', () => {
    const check = normalizePhone('0033612345678');
    expect(check).toMatchObject({ status: 'repaired', e164: '+33612345678', repair: 'international-prefix' });
  });

  it('refuses a national number when no default country is set', () => {
    expect(normalizePhone('06 12 34 56 78')).toEqual({ status: 'invalid', original: '06 12 34 56 78', reason: 'no-country' });
  });

  it('tells too short, too long, letters and impossible numbers apart', () => {
    expect(normalizePhone('12345', 'FR')).toMatchObject({ status: 'invalid', reason: 'too-short' });
    expect(normalizePhone('+3361234567899999')).toMatchObject({ status: 'invalid', reason: 'too-long' });
    expect(normalizePhone('call me')).toMatchObject({ status: 'invalid', reason: 'not-a-number' });
    // UK 07700 900xxx is reserved for drama: the right length, but no one can have it.
    expect(normalizePhone('07700 900123', 'GB')).toMatchObject({ status: 'invalid', reason: 'invalid-number' });
  });

  it('reports a missing number for empty values', () => {
    expect(normalizePhone('')).toEqual({ status: 'missing' });
    expect(normalizePhone('   ')).toEqual({ status: 'missing' });
    expect(normalizePhone(null)).toEqual({ status: 'missing' });
    expect(normalizePhone(undefined)).toEqual({ status: 'missing' });
  });

  it('treats only valid and repaired numbers as usable', () => {
    expect(isUsable(normalizePhone('+33612345678'))).toBe(true);
    expect(isUsable(normalizePhone('0612345678', 'FR'))).toBe(true);
    expect(isUsable(normalizePhone('0612345678'))).toBe(false);
    expect(isUsable(normalizePhone(''))).toBe(false);
  });
});
