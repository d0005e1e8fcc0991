import { describe, expect, it } from 'vitest';
import { maskPhonesInText } from '../../../src/core/phone/maskPhonesInText';

describe('maskPhonesInText', () => {
  it('masks every number in a text, international or national in the default country', () => {
    expect(maskPhonesInText('+33 6 12 34 56 78', 'FR')).toBe('+33•••••••78');
    expect(maskPhonesInText('Call 06 12 34 56 78 or +1 202-555-0188.', 'FR')).toBe('Call +33•••••••78 or +1••••••••88.');
    expect(maskPhonesInText('0612345678', 'FR')).toBe('+33•••••••78');
  });

  it('leaves other numbers and text alone', () => {
    for (const text of ['Commande #10482', '-20 %', '2026-12-03', 'María', '']) expect(maskPhonesInText(text, 'FR')).toBe(text);
  });
});
