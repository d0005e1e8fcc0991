/**
 * Zendesk redacts credit-card numbers from messaging tickets (product brief, rule 7): a value
 * holding one would reach the customer but show redacted in the ticket, or be refused. Herald
 * refuses such a value up front rather than send a message whose copy nobody can read.
 *
 * A card number is 13 to 19 digits (ISO/IEC 7812) whose Luhn checksum is valid, written with
 * nothing, a single space or a single dash between digits (`4111 1111 1111 1111`,
 * `4111-1111-1111-1111`).
 */

export const CARD_NUMBER_MIN_DIGITS = 13;
export const CARD_NUMBER_MAX_DIGITS = 19;

/** Digits with at most one space or dash between two of them; anything else ends the run. */
const DIGIT_RUN = /\d(?:[ -]?\d)*/g;
const SEPARATOR = /[ -]/;

export function containsCardNumber(text: string): boolean {
  for (const match of text.matchAll(DIGIT_RUN)) {
    if (match[0].length >= CARD_NUMBER_MIN_DIGITS && hasCardNumberSpan(match[0].split(SEPARATOR))) return true;
  }
  return false;
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
