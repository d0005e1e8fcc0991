import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { messageFingerprint } from '../../../../src/core/campaign/eligibility';

const message = { phone: '+33612345678', templateName: 'spring_sale', language: 'fr', values: ['Clarice', '-20 %'] };

describe('messageFingerprint', () => {
  it('is 128 bits written as 32 hexadecimal digits', () => {
    expect(messageFingerprint(message)).toMatch(/^[0-9a-f]{32}$/);
  });

  it('is stable across runs and platforms: a pinned value', () => {
    // Changing this value makes every blackout recorded so far useless: only ever on purpose.
    expect(messageFingerprint(message)).toBe('22cbf0d77597daaf1f15d18a0ee55c53');
    expect(messageFingerprint({ ...message, values: [...message.values] })).toBe('22cbf0d77597daaf1f15d18a0ee55c53');
    expect(messageFingerprint({ ...message, values: [] })).toBe('fa9b6fd96e55f32543d213f08e4ded03');
    expect(messageFingerprint({ phone: '+447400123456', templateName: 'promo', language: 'en_GB', values: ['Zoë', '日本', '😀'] })).toBe('70e97096c46ac71e84ece2d900f7a263');
  });

  it('differs when any input differs', () => {
    const fingerprint = messageFingerprint(message);
    const variants = [
      { ...message, phone: '+33612345679' },
      { ...message, templateName: 'spring_sale2' },
      { ...message, language: 'fr_FR' },
      { ...message, values: ['Clarice', '-20%'] },
      { ...message, values: ['Clarice'] },
      { ...message, values: ['Clarice', '-20 %', ''] },
      { ...message, values: ['-20 %', 'Clarice'] },
    ];
    for (const variant of variants) expect(messageFingerprint(variant)).not.toBe(fingerprint);
  });

  it('does not confuse where one part ends and the next begins', () => {
    const base = { phone: '+33612345678', templateName: 'a', language: 'fr' };
    expect(messageFingerprint({ ...base, values: ['ab', 'c'] })).not.toBe(messageFingerprint({ ...base, values: ['a', 'bc'] }));
    expect(messageFingerprint({ ...base, values: ['a,b'] })).not.toBe(messageFingerprint({ ...base, values: ['a', 'b'] }));
    expect(messageFingerprint({ ...base, templateName: 'ab', language: 'c', values: [] })).not.toBe(messageFingerprint({ ...base, templateName: 'a', language: 'bc', values: [] }));
  });

  it('never shows the phone in clear', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\+[1-9][0-9]{7,14}$/), fc.array(fc.string(), { maxLength: 3 }), (phone, values) => {
        const fingerprint = messageFingerprint({ phone, templateName: 'spring_sale', language: 'fr', values });
        expect(fingerprint).not.toContain(phone.slice(1));
        expect(fingerprint).not.toContain(phone.slice(-6));
      }),
    );
  });

  it('does not collide across many close inputs', () => {
    const seen = new Set<string>();
    for (let index = 0; index < 200_000; index += 1) {
      seen.add(messageFingerprint({ phone: `+3361234${String(index).padStart(4, '0')}`, templateName: 'spring_sale', language: 'fr', values: [String(index % 7)] }));
    }
    expect(seen.size).toBe(200_000);
  });

  it('changes about half of its bits when one character changes', () => {
    const bits = (hex: string) => [...hex].flatMap((digit) => [...parseInt(digit, 16).toString(2).padStart(4, '0')]);
    let flipped = 0;
    const trials = 500;
    for (let index = 0; index < trials; index += 1) {
      const a = bits(messageFingerprint({ ...message, values: [`Clarice ${index}`] }));
      const b = bits(messageFingerprint({ ...message, values: [`Clarice ${index + 1}`] }));
      flipped += a.filter((bit, at) => bit !== b[at]).length;
    }
    expect(flipped / trials / 128).toBeGreaterThan(0.45);
    expect(flipped / trials / 128).toBeLessThan(0.55);
  });
});
