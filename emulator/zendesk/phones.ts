import type { CountryCode, TimeZoneChoice } from './countries';
import type { Random } from './random';

/**
 * Phone numbers as customers type them into Zendesk. Mobile ranges are chosen so that the numbers
 * are VALID for libphonenumber (min and max metadata): a campaign tool must find these reachable,
 * and must flag the national, malformed and missing ones itself.
 */

export interface GeneratedMobile {
  e164: string;
  /** Set when the number itself says where the customer lives (US area codes). */
  timeZone?: TimeZoneChoice;
}

const EASTERN: TimeZoneChoice = { name: 'Eastern Time (US & Canada)', iana: 'America/New_York' };
const CENTRAL: TimeZoneChoice = { name: 'Central Time (US & Canada)', iana: 'America/Chicago' };
const MOUNTAIN: TimeZoneChoice = { name: 'Mountain Time (US & Canada)', iana: 'America/Denver' };
const ARIZONA: TimeZoneChoice = { name: 'Arizona', iana: 'America/Phoenix' };
const PACIFIC: TimeZoneChoice = { name: 'Pacific Time (US & Canada)', iana: 'America/Los_Angeles' };

const US_AREA_CODES: ReadonlyArray<[string, TimeZoneChoice]> = [
  ['201', EASTERN], ['202', EASTERN], ['212', EASTERN], ['305', EASTERN], ['404', EASTERN], ['617', EASTERN],
  ['646', EASTERN], ['718', EASTERN], ['917', EASTERN], ['214', CENTRAL], ['312', CENTRAL], ['512', CENTRAL],
  ['713', CENTRAL], ['773', CENTRAL], ['303', MOUNTAIN], ['602', ARIZONA], ['206', PACIFIC], ['213', PACIFIC],
  ['310', PACIFIC], ['415', PACIFIC], ['619', PACIFIC], ['702', PACIFIC], ['818', PACIFIC],
];

// Ranges checked against libphonenumber's max metadata (e.g. French 069x and UK 07700 are not mobiles there).
const BE_MOBILE = ['460', '465', '466', '467', '468', '470', '471', '472', '473', '474', '475', '476', '477', '478', '479', '483', '484', '485', '486', '487', '488', '489', '490', '491', '492', '493', '494', '495', '496', '497', '498', '499'];
const DE_MOBILE = ['151', '152', '157', '159', '160', '162', '163', '170', '171', '172', '173', '174', '175', '176', '177', '178', '179'];
const GB_MOBILE = ['74', '75', '78'];
const BR_AREAS = ['11', '21', '31', '41', '51', '61', '71', '81'];
const MA_MOBILE = ['60', '61', '62', '63', '64', '65', '66', '67', '69', '70', '71', '76', '77', '78'];

export function mobileFor(country: CountryCode, random: Random): GeneratedMobile {
  switch (country) {
    case 'FR': {
      if (!random.chance(0.7)) return { e164: `+337${random.int(3, 9)}${random.digits(7)}` };
      // 0639 belongs to Mayotte (+262), not to metropolitan France.
      const second = random.int(0, 8);
      const third = second === 3 ? random.int(0, 8) : random.int(0, 9);
      return { e164: `+336${second}${third}${random.digits(6)}` };
    }
    case 'BE':
      return { e164: `+32${random.pick(BE_MOBILE)}${random.digits(6)}` };
    case 'CH':
      return { e164: `+417${random.int(5, 9)}${random.digits(7)}` };
    case 'DE':
      return { e164: `+49${random.pick(DE_MOBILE)}${random.digits(8)}` };
    case 'ES':
      return { e164: `+346${random.digits(8)}` };
    case 'GB':
      return { e164: `+44${random.pick(GB_MOBILE)}${random.digits(8)}` };
    case 'US': {
      const [area, timeZone] = random.pick(US_AREA_CODES);
      // Exchange codes start with 2-9; lines are free.
      return { e164: `+1${area}${random.int(2, 9)}${random.digits(6)}`, timeZone };
    }
    case 'BR':
      return { e164: `+55${random.pick(BR_AREAS)}9${random.int(6, 9)}${random.digits(7)}` };
    case 'IN':
      return { e164: `+91${random.int(6, 9)}${random.digits(9)}` };
    case 'MA':
      return { e164: `+212${random.pick(MA_MOBILE)}${random.digits(7)}` };
  }
}

/** Share of each country's customers who typed their number without the country code. */
export const NATIONAL_FORMAT_SHARE: Readonly<Partial<Record<CountryCode, number>>> = {
  FR: 0.4,
  BE: 0.1,
  DE: 0.1,
  GB: 0.1,
  ES: 0.1,
};

/**
 * The same mobile as a customer would write it at home, without country code. French numbers are
 * repairable with default country FR; the others are not (and a Belgian 04xx even looks French).
 */
export function nationalFormat(country: CountryCode, e164: string, random: Random): string {
  switch (country) {
    case 'FR': {
      const national = `0${e164.slice(3)}`;
      const pairs = national.match(/\d\d/g) ?? [national];
      const style = random.next();
      if (style < 0.5) return pairs.join(' ');
      if (style < 0.8) return national;
      if (style < 0.9) return pairs.join('.');
      return `0033 ${national.slice(1, 2)} ${pairs.slice(1).join(' ')}`;
    }
    case 'BE': {
      const national = `0${e164.slice(3)}`;
      return `${national.slice(0, 4)} ${national.slice(4, 6)} ${national.slice(6, 8)} ${national.slice(8)}`;
    }
    case 'DE': {
      const national = `0${e164.slice(3)}`;
      return `${national.slice(0, 4)} ${national.slice(4)}`;
    }
    case 'GB': {
      const national = `0${e164.slice(3)}`;
      return `${national.slice(0, 5)} ${national.slice(5)}`;
    }
    case 'ES': {
      const national = e164.slice(3);
      return `${national.slice(0, 3)} ${national.slice(3, 5)} ${national.slice(5, 7)} ${national.slice(7)}`;
    }
    default:
      return e164;
  }
}

/** An international number written with spaces, as many people do; still parseable. */
export function spacedInternational(e164: string): string {
  const countryCodeLength = e164.startsWith('+1') ? 2 : e164.startsWith('+212') ? 4 : 3;
  const rest = e164.slice(countryCodeLength);
  const groups = rest.match(/.{1,2}/g) ?? [rest];
  return `${e164.slice(0, countryCodeLength)} ${groups.join(' ')}`;
}

/** Numbers nobody can send to: truncated, with letters, too long, or not a phone at all. */
export function invalidPhone(random: Random): string {
  return random.pick([
    `+33 6 ${random.digits(2)}`,
    `06${random.digits(2)}`,
    `06 ${random.digits(2)} AB ${random.digits(2)} ${random.digits(2)}`,
    `+44 7${random.digits(3)} ${random.digits(3)}${random.digits(3)}${random.digits(4)}`,
    `+999 ${random.digits(8)}`,
    'n/a',
    'ask by email',
    `0${random.digits(3)}-CALL-ME`,
  ]);
}
