/**
 * A number as Herald may write it down (a log, a note, a record of a test send): the country code
 * and the last two digits, every other digit hidden (`+33•••••••78`). Enough to tell two numbers of
 * one person apart, not enough to call anyone.
 */
export function maskPhone(e164: string): string {
  const digits = e164.replace(/\D/g, '');
  if (digits.length < 6) return '•'.repeat(digits.length);
  // E.164 country codes are 1 to 3 digits; 2 shown is right for most and never shows a subscriber digit.
  const country = digits.startsWith('1') || digits.startsWith('7') ? digits.slice(0, 1) : digits.slice(0, 2);
  return `+${country}${'•'.repeat(digits.length - country.length - 2)}${digits.slice(-2)}`;
}
