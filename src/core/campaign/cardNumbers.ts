/**
 * Zendesk redacts credit-card numbers from messaging tickets (product brief, rule 7): a value
 * holding one would reach the customer but show redacted in the ticket, or be refused. Herald
 * refuses such a value up front rather than send a message whose copy nobody can read.
 *
 * A card number is 13 to 19 digits (ISO/IEC 7812) whose Luhn checksum is valid. People and
 * systems write it in many ways, and a value that slips past this check is still a card number to
 * the customer who reads it: so the value is first read as a person sees it. Compatibility forms
 * become plain ones (NFKC: fullwidth digits, non-breaking and narrow spaces), every decimal digit
 * of any script counts as its digit (Arabic-Indic, Devanagari…), invisible characters are dropped
 * (zero-width spaces, soft hyphens), and up to three separators may stand between two digits:
 * any space, any dash, a dot, a slash or a backslash (`4111 1111 1111 1111`, `4111–1111–…`,
 * `4111.1111.…`, `4111 / 1111 / …`).
 */

export const CARD_NUMBER_MIN_DIGITS = 13;
export const CARD_NUMBER_MAX_DIGITS = 19;

/** Digits with at most three separators between two of them; anything else ends the run. */
const DIGIT_RUN = /\d(?:[\p{Zs}\p{Pd}\s./\\]{0,3}\d)*/gu;
const SEPARATORS = /[\p{Zs}\p{Pd}\s./\\]+/u;
const INVISIBLE = /\p{Cf}/gu;
const ANY_DIGIT = /\p{Nd}/gu;

export function containsCardNumber(text: string): boolean {
  // Most values hold no digit at all, or too few: nothing to read closely.
  if (!hasEnoughDigits(text)) return false;
  const seen = asciiDigits(text.normalize('NFKC')).replace(INVISIBLE, '');
  for (const match of seen.matchAll(DIGIT_RUN)) {
    if (match[0].length >= CARD_NUMBER_MIN_DIGITS && hasCardNumberSpan(match[0].split(SEPARATORS))) return true;
  }
  return false;
}

function hasEnoughDigits(text: string): boolean {
  let digits = 0;
  for (const _ of text.matchAll(ANY_DIGIT)) if (++digits >= CARD_NUMBER_MIN_DIGITS) return true;
  return false;
}

/** Every decimal digit as its ASCII digit. */
function asciiDigits(text: string): string {
  return text.replace(ANY_DIGIT, (digit) => String(digitValue(digit.codePointAt(0) as number)));
}

const digitValues = new Map<number, number>();

/**
 * Unicode encodes each script's decimal digits 0 to 9 in one contiguous run (a stability policy for
 * Numeric_Type=Decimal), and runs that touch (the mathematical digits) are whole runs of ten: a
 * digit's value is its distance from the start of its block of digits, modulo ten.
 */
function digitValue(codePoint: number): number {
  if (codePoint >= 0x30 && codePoint <= 0x39) return codePoint - 0x30;
  const known = digitValues.get(codePoint);
  if (known !== undefined) return known;
  let start = codePoint;
  while (/\p{Nd}/u.test(String.fromCodePoint(start - 1))) start -= 1;
  const value = (codePoint - start) % 10;
  digitValues.set(codePoint, value);
  return value;
}

/**
 * Groups are what the separators split, e.g. `12 4111 1111 1111 1111`. A card number is made of
 * whole groups (a group is never cut in two: `41111111111111110000` is one 20-digit number, not a
 * card followed by zeros), so every span of consecutive groups with 13–19 digits is tried.
 */
function hasCardNumberSpan(groups: readonly string[]): boolean {
  for (let first = 0; first < groups.length; first += 1) {
    let digits = '';
    for (let last = first; last < groups.length; last += 1) {
      digits += groups[last] ?? '';
      if (digits.length > CARD_NUMBER_MAX_DIGITS) break;
      if (digits.length >= CARD_NUMBER_MIN_DIGITS && passesLuhn(digits)) return true;
    }
  }
  return false;
}

/** The Luhn checksum: from the right, every second digit doubled (minus 9 above 9), the sum a multiple of 10. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let index = 0; index < digits.length; index += 1) {
    let digit = digits.charCodeAt(digits.length - 1 - index) - 48;
    if (digit < 0 || digit > 9) return false;
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return digits.length > 0 && sum % 10 === 0;
}
