import { parsePhoneNumberFromString, validatePhoneNumberLength, type CountryCode } from 'libphonenumber-js/max';

/**
 * What Herald can do with a stored phone number. Relay needs numbers already in E.164; Herald
 * repairs what it safely can and says why it cannot use the rest.
 */
export type PhoneCheck =
  | { status: 'valid'; e164: string; country: CountryCode | undefined }
  | { status: 'repaired'; e164: string; country: CountryCode | undefined; original: string; repair: PhoneRepair }
  | { status: 'invalid'; original: string; reason: PhoneProblem }
  | { status: 'missing' };

export const PHONE_STATUSES = ['valid', 'repaired', 'invalid', 'missing'] as const;

/** How a number that was not in international format became one. */
export const PHONE_REPAIRS = ['default-country', 'international-prefix'] as const;
export type PhoneRepair = (typeof PHONE_REPAIRS)[number];

export const PHONE_PROBLEMS = ['no-country', 'too-short', 'too-long', 'not-a-number', 'invalid-number'] as const;
export type PhoneProblem = (typeof PHONE_PROBLEMS)[number];

export function normalizePhone(raw: string | null | undefined, defaultCountry?: CountryCode): PhoneCheck {
  const original = (raw ?? '').trim();
  if (original === '') return { status: 'missing' };
  if (/[a-z]/i.test(original.replace(/\s*(ext\.?|x)\s*\d+$/i, ''))) return { status: 'invalid', original, reason: 'not-a-number' };

  // "00" is the international prefix in most countries: 0033… means +33….
  const international = original.startsWith('+') || original.startsWith('00');
  const candidate = original.startsWith('00') ? `+${original.slice(2)}` : original;
  if (!international && !defaultCountry) return { status: 'invalid', original, reason: 'no-country' };

  const country = international ? undefined : defaultCountry;
  const parsed = parsePhoneNumberFromString(candidate, country);
  if (!parsed || !parsed.isValid()) return { status: 'invalid', original, reason: lengthProblem(candidate, country) };

  const e164 = parsed.number;
  if (!international) return { status: 'repaired', e164, country: parsed.country, original, repair: 'default-country' };
  if (original.startsWith('00')) return { status: 'repaired', e164, country: parsed.country, original, repair: 'international-prefix' };
  return { status: 'valid', e164, country: parsed.country };
}

/** True when the number can be sent to (as is or once repaired). */
export function isUsable(check: PhoneCheck): check is Extract<PhoneCheck, { e164: string }> {
  return check.status === 'valid' || check.status === 'repaired';
}

function lengthProblem(candidate: string, country: CountryCode | undefined): PhoneProblem {
  const result = validatePhoneNumberLength(candidate, country);
  if (result === 'TOO_SHORT') return 'too-short';
  if (result === 'TOO_LONG') return 'too-long';
  if (result === 'NOT_A_NUMBER') return 'not-a-number';
  return 'invalid-number';
}
