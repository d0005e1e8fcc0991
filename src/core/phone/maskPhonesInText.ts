import { findPhoneNumbersInText, type CountryCode } from 'libphonenumber-js/max';
import { maskPhone } from './maskPhone';

/**
 * A text with every phone number in it masked as Herald writes numbers down (`+33•••••••78`): for
 * what Herald records about a message (a ticket's note), whose values may hold the customer's own
 * number when a placeholder is mapped to a phone field. Numbers are found as libphonenumber finds
 * them in text (international, or national in the default country).
 */
export function maskPhonesInText(text: string, defaultCountry: CountryCode | undefined): string {
  const found = findPhoneNumbersInText(text, defaultCountry ? { defaultCountry } : undefined);
  if (found.length === 0) return text;
  let masked = '';
  let from = 0;
  for (const { startsAt, endsAt, number } of found) {
    masked += text.slice(from, startsAt) + maskPhone(number.number);
    from = endsAt;
  }
  return masked + text.slice(from);
}
