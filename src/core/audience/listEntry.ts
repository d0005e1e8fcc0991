import type { CountryCode } from 'libphonenumber-js/max';
import { normalizePhone } from '../phone/normalizePhone';

/**
 * A block or allow list entry typed by hand: a Zendesk user id, a phone number, or both. The
 * number is stored in E.164 so that it matches the audience's normalised numbers.
 */
export type ListEntryInput = { userId: string; phone: string };

export type ListEntryProblem = 'no-identifier' | 'invalid-user-id' | 'invalid-phone';

export type ListEntryCheck = { ok: true; userId: number | null; phone: string | null } | { ok: false; problems: ListEntryProblem[] };

export function checkListEntry(input: ListEntryInput, defaultCountry: CountryCode | undefined): ListEntryCheck {
  const idText = input.userId.trim();
  const phoneText = input.phone.trim();
  if (idText === '' && phoneText === '') return { ok: false, problems: ['no-identifier'] };
  const problems: ListEntryProblem[] = [];
  const userId = idText === '' ? null : /^[1-9][0-9]{0,15}$/.test(idText) ? Number(idText) : undefined;
  if (userId === undefined) problems.push('invalid-user-id');
  let phone: string | null = null;
  if (phoneText !== '') {
    const check = normalizePhone(phoneText, defaultCountry);
    if (check.status === 'valid' || check.status === 'repaired') phone = check.e164;
    else problems.push('invalid-phone');
  }
  if (problems.length > 0 || userId === undefined) return { ok: false, problems };
  return { ok: true, userId, phone };
}
