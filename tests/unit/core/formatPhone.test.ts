import { describe, expect, it } from 'vitest';
import { formatPhoneForDisplay } from '../../../src/core/phone/formatPhone';

describe('formatPhoneForDisplay', () => {
  it('groups the digits of valid numbers the international way', () => {
    expect(formatPhoneForDisplay('+33612345678')).toBe('+33 6 12 34 56 78');
    expect(formatPhoneForDisplay('+12025550188')).toBe('+1 202 555 0188');
  });

  it('gives back the "+" of the bare digits the Conversations API uses for WhatsApp numbers', () => {
    expect(formatPhoneForDisplay('5511955550123')).toBe('+55 11 95555 0123');
    // Not a number anyone can have, but still an international number.
    expect(formatPhoneForDisplay('447700900123')).toBe('+447700900123');
  });

  it('leaves anything else as it was typed', () => {
    expect(formatPhoneForDisplay(' MG-01 ')).toBe('MG-01');
  });
});
