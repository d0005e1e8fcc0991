import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { containsCardNumber, passesLuhn } from '../../../../src/core/campaign/cardNumbers';

// Test numbers the card networks publish for integration tests: Luhn-valid, never real accounts.
const VISA_16 = '4111111111111111';
const AMEX_15 = '378282246310005';
const DINERS_14 = '30569309025904';
const VISA_13 = '4222222222222';
const NINETEEN = withCheckDigit('601100099013942400');

/** Appends the Luhn check digit (written apart from the code under test, from the definition). */
function withCheckDigit(body: string): string {
  let sum = 0;
  [...body].reverse().forEach((character, index) => {
    const doubled = Number(character) * (index % 2 === 0 ? 2 : 1);
    sum += doubled > 9 ? doubled - 9 : doubled;
  });
  return body + String((10 - (sum % 10)) % 10);
}

/** The same digits with the check digit changed: Luhn-invalid. */
function broken(digits: string): string {
  const last = Number(digits.at(-1));
  return digits.slice(0, -1) + String((last + 1) % 10);
}

describe('passesLuhn', () => {
  it('accepts valid checksums and refuses others', () => {
    for (const number of [VISA_16, AMEX_15, DINERS_14, VISA_13, NINETEEN, '79927398713']) expect(passesLuhn(number)).toBe(true);
    for (const number of [VISA_16, AMEX_15, DINERS_14, VISA_13, '79927398713']) expect(passesLuhn(broken(number))).toBe(false);
    expect(passesLuhn('')).toBe(false);
    expect(passesLuhn('4111a11111111111')).toBe(false);
  });
});

describe('containsCardNumber', () => {
  it('finds Luhn-valid numbers of 13 to 19 digits, alone or in a text', () => {
    for (const number of [VISA_13, DINERS_14, AMEX_15, VISA_16, NINETEEN]) {
      expect(containsCardNumber(number)).toBe(true);
      expect(containsCardNumber(`Votre carte ${number} expire bientôt.`)).toBe(true);
    }
  });

  it('finds them written with single spaces or dashes between digits', () => {
    expect(containsCardNumber('4111 1111 1111 1111')).toBe(true);
    expect(containsCardNumber('4111-1111-1111-1111')).toBe(true);
    expect(containsCardNumber('3782 822463 10005')).toBe(true);
    expect(containsCardNumber('4 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1')).toBe(true);
    expect(containsCardNumber('4111-1111 1111-1111')).toBe(true);
    expect(containsCardNumber('Ref 12 4111 1111 1111 1111')).toBe(true);
  });

  it('ignores numbers whose checksum fails', () => {
    expect(containsCardNumber(broken(VISA_16))).toBe(false);
    expect(containsCardNumber('4111 1111 1111 1112')).toBe(false);
  });

  it('ignores Luhn-valid runs that are too short or too long to be a card', () => {
    const twelve = withCheckDigit('41111111111');
    const twenty = withCheckDigit('4111111111111111111');
    expect(passesLuhn(twelve)).toBe(true);
    expect(passesLuhn(twenty)).toBe(true);
    expect(containsCardNumber(twelve)).toBe(false);
    expect(containsCardNumber(twenty)).toBe(false);
    // A card followed by more digits is one long number, not a card.
    expect(containsCardNumber(`${VISA_16}0000`)).toBe(false);
  });

  it('reads a number as a person sees it: any space, dash, dot or slash between digits, invisible characters, digits of any script', () => {
    const written = [
      '4111  1111  1111  1111',
      '4111.1111.1111.1111',
      '4111/1111/1111/1111',
      '4111 - 1111 - 1111 - 1111',
      '4111\u00a01111\u00a01111\u00a01111', // non-breaking spaces
      '4111\u202f1111\u202f1111\u202f1111', // narrow non-breaking spaces (French typography)
      '4111\u20131111\u20131111\u20131111', // en dashes
      '4111\u200b1111\u200b1111\u200b1111', // zero-width spaces
      '41\u00ad11\u00ad11\u00ad11\u00ad11\u00ad11\u00ad11\u00ad11', // soft hyphens
      '\uff14\uff11\uff11\uff11\uff11\uff11\uff11\uff11\uff11\uff11\uff11\uff11\uff11\uff11\uff11\uff11', // fullwidth
      '\u0664\u0661\u0661\u0661 \u0661\u0661\u0661\u0661 \u0661\u0661\u0661\u0661 \u0661\u0661\u0661\u0661', // Arabic-Indic
      '\u096a\u0967\u0967\u0967-\u0967\u0967\u0967\u0967-\u0967\u0967\u0967\u0967-\u0967\u0967\u0967\u0967', // Devanagari
      '\u{1d7dc}\u{1d7d9}\u{1d7d9}\u{1d7d9}\u{1d7d9}\u{1d7d9}\u{1d7d9}\u{1d7d9}\u{1d7d9}\u{1d7d9}\u{1d7d9}\u{1d7d9}\u{1d7d9}\u{1d7d9}\u{1d7d9}\u{1d7d9}', // mathematical double-struck
    ];
    for (const text of written) expect(containsCardNumber(`Carte : ${text}`), JSON.stringify(text)).toBe(true);
    // The same forms with a checksum that fails stay ordinary text.
    expect(containsCardNumber('4111\u00a01111\u00a01111\u00a01112')).toBe(false);
    expect(containsCardNumber('\u0664\u0661\u0661\u0661 \u0661\u0661\u0661\u0661 \u0661\u0661\u0661\u0661 \u0661\u0661\u0661\u0662')).toBe(false);
    // Digits far apart are not one number.
    expect(containsCardNumber('4111, then 1111, then 1111, then 1111')).toBe(false);
  });

  it('lets ordinary values through: phone numbers, dates, prices, order numbers', () => {
    for (const text of ['+33 6 12 34 56 78', '2026-11-21', '-20 %', 'Commande #10482', 'SPRING-2026', '']) expect(containsCardNumber(text)).toBe(false);
  });
});

describe('containsCardNumber, for any digits', () => {
  const digitString = (min: number, max: number) => fc.stringMatching(new RegExp(`^[0-9]{${min},${max}}$`));

  it('finds every Luhn-valid number of 13 to 19 digits, however it is grouped', () => {
    fc.assert(
      fc.property(digitString(12, 18), fc.array(fc.constantFrom('', ' ', '-'), { minLength: 18, maxLength: 18 }), (body, separators) => {
        const number = withCheckDigit(body);
        const written = [...number].map((digit, index) => (index === 0 ? digit : `${separators[index - 1] ?? ''}${digit}`)).join('');
        expect(containsCardNumber(written)).toBe(true);
        expect(containsCardNumber(`Code: ${written}.`)).toBe(true);
      }),
    );
  });

  it('flags a run of digits with no separator exactly when it has 13–19 digits and passes Luhn', () => {
    fc.assert(
      fc.property(digitString(1, 25), (digits) => {
        expect(containsCardNumber(digits)).toBe(digits.length >= 13 && digits.length <= 19 && passesLuhn(digits));
      }),
    );
  });
});
