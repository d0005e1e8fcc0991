import { getCountries } from 'libphonenumber-js';
import { describe, expect, it } from 'vitest';
import { parseQuietHours, quietUntil, recipientTimeZones, type QuietHours } from '../../../../src/core/sending/quietHours';
import { COUNTRY_TIME_ZONES } from '../../../../src/core/time/countryTimeZones';

const NIGHT: QuietHours = { start: '21:00', end: '08:00' };
const at = (iso: string) => Date.parse(iso);
const inZone = (timeZone: string) => ({ timeZone, country: undefined });

/** The local "HH:MM" at `instant`, read with a formatter of the test's own. */
function localTime(zone: string, instant: number): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(instant);
}

describe('parseQuietHours', () => {
  it('reads the usual spellings', () => {
    expect(parseQuietHours('21:00-08:00')).toEqual({ start: '21:00', end: '08:00' });
    expect(parseQuietHours(' 21:00 – 08:00 ')).toEqual({ start: '21:00', end: '08:00' });
    expect(parseQuietHours('9:30 to 17:45')).toEqual({ start: '09:30', end: '17:45' });
    expect(parseQuietHours('00:00—06:00')).toEqual({ start: '00:00', end: '06:00' });
  });

  it('refuses what is not two distinct valid times', () => {
    for (const text of ['', '21:00', '21:00-21:00', '24:00-08:00', '21:60-08:00', '9-17', 'nine to five', '21:00-08:00-09:00']) {
      expect(parseQuietHours(text), text).toBeUndefined();
    }
  });
});

describe('quietUntil in one zone', () => {
  it('lets a recipient receive outside the quiet hours', () => {
    expect(quietUntil(inZone('Europe/Paris'), at('2025-01-15T12:00:00Z'), NIGHT)).toBeUndefined();
    // 07:59:59 is still quiet, 08:00 is not; 20:59 is not, 21:00 is.
    expect(quietUntil(inZone('Europe/Paris'), at('2025-01-15T07:00:00Z'), NIGHT)).toBeUndefined();
    expect(quietUntil(inZone('Europe/Paris'), at('2025-01-15T06:59:59Z'), NIGHT)).toBe(at('2025-01-15T07:00:00Z'));
    expect(quietUntil(inZone('Europe/Paris'), at('2025-01-15T19:59:00Z'), NIGHT)).toBeUndefined();
    expect(quietUntil(inZone('Europe/Paris'), at('2025-01-15T20:00:00Z'), NIGHT)).toBe(at('2025-01-16T07:00:00Z'));
  });

  it('holds through a quiet period that wraps midnight, before and after midnight', () => {
    expect(quietUntil(inZone('Asia/Tokyo'), at('2025-06-10T13:30:00Z'), NIGHT)).toBe(at('2025-06-10T23:00:00Z')); // 22:30 JST
    expect(quietUntil(inZone('Asia/Tokyo'), at('2025-06-10T17:00:00Z'), NIGHT)).toBe(at('2025-06-10T23:00:00Z')); // 02:00 JST
  });

  it('handles quiet hours within one day', () => {
    const lunch = { start: '12:00', end: '14:00' };
    expect(quietUntil(inZone('UTC'), at('2025-06-10T12:30:00Z'), lunch)).toBe(at('2025-06-10T14:00:00Z'));
    expect(quietUntil(inZone('UTC'), at('2025-06-10T14:00:00Z'), lunch)).toBeUndefined();
    expect(quietUntil(inZone('UTC'), at('2025-06-10T11:59:00Z'), lunch)).toBeUndefined();
  });

  it('uses half-hour and quarter-hour offsets', () => {
    expect(quietUntil(inZone('Asia/Kolkata'), at('2025-06-10T01:00:00Z'), NIGHT)).toBe(at('2025-06-10T02:30:00Z')); // 06:30 IST
    expect(quietUntil(inZone('Asia/Kathmandu'), at('2025-06-10T01:00:00Z'), NIGHT)).toBe(at('2025-06-10T02:15:00Z')); // 06:45 NPT
  });
});

describe('quietUntil across DST changes', () => {
  it('EU spring forward (30 March 2025): Paris wakes at 08:00 CEST, an hour earlier in UTC', () => {
    const until = quietUntil(inZone('Europe/Paris'), at('2025-03-29T21:30:00Z'), NIGHT);
    expect(until).toBe(at('2025-03-30T06:00:00Z'));
    expect(localTime('Europe/Paris', until as number)).toBe('08:00');
  });

  it('EU fall back (26 October 2025): Paris wakes at 08:00 CET', () => {
    const until = quietUntil(inZone('Europe/Paris'), at('2025-10-25T20:30:00Z'), NIGHT);
    expect(until).toBe(at('2025-10-26T07:00:00Z'));
    expect(localTime('Europe/Paris', until as number)).toBe('08:00');
  });

  it('US spring forward (9 March 2025): New York wakes at 08:00 EDT', () => {
    expect(quietUntil(inZone('America/New_York'), at('2025-03-09T03:00:00Z'), NIGHT)).toBe(at('2025-03-09T12:00:00Z'));
  });

  it('US fall back (2 November 2025): New York wakes at 08:00 EST', () => {
    expect(quietUntil(inZone('America/New_York'), at('2025-11-02T02:00:00Z'), NIGHT)).toBe(at('2025-11-02T13:00:00Z'));
  });

  it('the hour that happens twice counts once it is over (quiet ending 02:30 on the EU fall-back night)', () => {
    const until = quietUntil(inZone('Europe/Paris'), at('2025-10-26T00:15:00Z'), { start: '22:00', end: '02:30' });
    // 02:30 happens at 00:30Z (CEST) and again at 01:30Z (CET): the later one, never waking anyone early.
    expect(until).toBe(at('2025-10-26T01:30:00Z'));
  });

  it('a quiet end skipped by spring forward releases the recipient after the gap, not before', () => {
    const until = quietUntil(inZone('Europe/Paris'), at('2025-03-30T00:30:00Z'), { start: '22:00', end: '02:30' }) as number;
    expect(until).toBeGreaterThanOrEqual(at('2025-03-30T01:00:00Z'));
    expect(until).toBeLessThanOrEqual(at('2025-03-30T01:30:00Z'));
    expect(quietUntil(inZone('Europe/Paris'), until, { start: '22:00', end: '02:30' })).toBeUndefined();
  });

  it('southern hemisphere: Sydney’s DST starts in October', () => {
    // 5 October 2025, 02:00 AEST → 03:00 AEDT. 08:00 AEDT is 21:00Z the day before.
    expect(quietUntil(inZone('Australia/Sydney'), at('2025-10-04T12:00:00Z'), NIGHT)).toBe(at('2025-10-04T21:00:00Z'));
  });
});

describe('quietUntil by the phone’s country', () => {
  it('holds a US number while it is quiet anywhere in the US (never wake anyone)', () => {
    const us = { timeZone: null, country: 'US' };
    // 09:00 in New York, 06:00 in Los Angeles, 04:00 in Honolulu.
    const until = quietUntil(us, at('2025-01-15T14:00:00Z'), NIGHT) as number;
    expect(until).toBe(at('2025-01-15T18:00:00Z'));
    for (const zone of COUNTRY_TIME_ZONES.US ?? []) {
      const [hour] = localTime(zone, until).split(':').map(Number);
      expect(hour, zone).toBeGreaterThanOrEqual(8);
      expect(hour, zone).toBeLessThan(21);
    }
    // 15:00 in New York, 10:00 in Honolulu: everyone is awake.
    expect(quietUntil(us, at('2025-01-15T20:00:00Z'), NIGHT)).toBeUndefined();
    // 21:00 in New York: quiet there until 08:00, by when Honolulu is still asleep (03:00).
    expect(quietUntil(us, at('2025-01-16T02:00:00Z'), NIGHT)).toBe(at('2025-01-16T18:00:00Z'));
  });

  it('a single-zone country behaves like its zone', () => {
    expect(quietUntil({ timeZone: null, country: 'FR' }, at('2025-03-29T21:30:00Z'), NIGHT)).toBe(at('2025-03-30T06:00:00Z'));
    expect(quietUntil({ timeZone: null, country: 'fr' }, at('2025-03-29T21:30:00Z'), NIGHT)).toBe(at('2025-03-30T06:00:00Z'));
  });

  it('a country whose zones are never all awake together falls back to its main zone', () => {
    // Russia spans 10 hours; quiet from 02:00 to 20:00 leaves 6 waking hours: never shared.
    const long = { start: '02:00', end: '20:00' };
    const until = quietUntil({ timeZone: null, country: 'RU' }, at('2025-01-15T06:00:00Z'), long);
    expect(until).toBe(at('2025-01-15T17:00:00Z')); // 20:00 in Moscow
  });

  it('prefers the user’s own zone to the country’s', () => {
    const expat = { timeZone: 'Europe/Paris', country: 'US' };
    expect(quietUntil(expat, at('2025-01-15T12:00:00Z'), NIGHT)).toBeUndefined();
    expect(recipientTimeZones(expat)).toEqual(['Europe/Paris']);
  });

  it('falls back to the country when Zendesk gave its own zone name, not an IANA one', () => {
    const recipient = { timeZone: 'Eastern Time (US & Canada)', country: 'CA' };
    expect(recipientTimeZones(recipient)).toEqual(COUNTRY_TIME_ZONES.CA);
  });

  it('does not hold a recipient whose zone is unknown (holding would never end)', () => {
    expect(quietUntil({ timeZone: null, country: undefined }, at('2025-01-15T02:00:00Z'), NIGHT)).toBeUndefined();
    expect(quietUntil({ timeZone: 'Mars/Olympus_Mons', country: 'ZZ' }, at('2025-01-15T02:00:00Z'), NIGHT)).toBeUndefined();
  });
});

describe('COUNTRY_TIME_ZONES', () => {
  it('covers every country libphonenumber gives numbers of', () => {
    const missing = getCountries().filter((country) => !COUNTRY_TIME_ZONES[country]);
    expect(missing).toEqual([]);
  });

  it('covers the ISO 3166 countries without phone metadata, and only two-letter codes', () => {
    for (const country of ['AQ', 'BV', 'GS', 'HM', 'PN', 'TF', 'UM']) expect(COUNTRY_TIME_ZONES[country], country).toBeDefined();
    expect(Object.keys(COUNTRY_TIME_ZONES).every((code) => /^[A-Z]{2}$/.test(code))).toBe(true);
    // 249 ISO 3166-1 codes, plus Ascension, Tristan da Cunha and Kosovo.
    expect(Object.keys(COUNTRY_TIME_ZONES)).toHaveLength(252);
  });

  it('names only zones this runtime knows, each country once', () => {
    for (const [country, zones] of Object.entries(COUNTRY_TIME_ZONES)) {
      expect(zones.length, country).toBeGreaterThan(0);
      expect(new Set(zones).size, country).toBe(zones.length);
      for (const zone of zones) expect(() => new Intl.DateTimeFormat('en', { timeZone: zone }), `${country} ${zone}`).not.toThrow();
    }
  });
});
