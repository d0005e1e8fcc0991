import { getCountries, isSupportedCountry } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import { isKnownCountry, PHONE_COUNTRIES } from '../../../src/core/phone/countries';

describe('the countries whose numbers Herald reads', () => {
  it('are exactly those of the phone library, so that a setting accepted is a country numbers can be read for', () => {
    expect([...PHONE_COUNTRIES].sort()).toEqual([...getCountries()].sort());
  });

  it('tell a known country from an unknown code, as the library does', () => {
    for (const code of ['FR', 'BR', 'US', 'TA', 'XK', 'ZZ', 'fr', 'EU', '']) expect(isKnownCountry(code)).toBe(isSupportedCountry(code));
  });
});
