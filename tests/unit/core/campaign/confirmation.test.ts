import { describe, expect, it } from 'vitest';
import { needsTypedConfirmation, typedCountMatches } from '../../../../src/core/campaign/confirmation';

describe('needsTypedConfirmation', () => {
  it('asks above the threshold only', () => {
    expect(needsTypedConfirmation(500, 1000)).toBe(false);
    expect(needsTypedConfirmation(1000, 1000)).toBe(false);
    expect(needsTypedConfirmation(1001, 1000)).toBe(true);
  });

  it('asks every time when the threshold is 0, even for a single recipient', () => {
    expect(needsTypedConfirmation(1, 0)).toBe(true);
    expect(needsTypedConfirmation(250_000, 0)).toBe(true);
  });
});

describe('typedCountMatches', () => {
  it('accepts the count as people write it in English or French', () => {
    for (const typed of ['2000', '2,000', '2 000', '2\u00A0000', '2\u202F000', '2.000', '  2000 ', '\u00A02 000\u00A0']) {
      expect(typedCountMatches(typed, 2000), JSON.stringify(typed)).toBe(true);
    }
    expect(typedCountMatches('1,234,567', 1_234_567)).toBe(true);
    expect(typedCountMatches('1\u202F234\u202F567', 1_234_567)).toBe(true);
    expect(typedCountMatches('987', 987)).toBe(true);
  });

  it('accepts the number exactly as Intl shows it on screen, copied and pasted', () => {
    const count = 12_345;
    expect(typedCountMatches(new Intl.NumberFormat('en').format(count), count)).toBe(true);
    expect(typedCountMatches(new Intl.NumberFormat('fr').format(count), count)).toBe(true);
  });

  it('refuses another number, so a careless confirmation does not pass', () => {
    expect(typedCountMatches('200', 2000)).toBe(false);
    expect(typedCountMatches('20000', 2000)).toBe(false);
    expect(typedCountMatches('2,001', 2000)).toBe(false);
  });

  it('refuses decimals, odd groupings and mixed separators', () => {
    for (const typed of ['2000.5', '2000,0', '2,000.00', '20,00', '2,00,0', '2,000 000', '2.000,000', '2  000', ',2000', '2000,']) {
      expect(typedCountMatches(typed, 2000), JSON.stringify(typed)).toBe(false);
    }
  });

  it('refuses letters, signs and empty input', () => {
    for (const typed of ['', '   ', 'two thousand', '2000 users', '2k', '+2000', '-2000', '2e3', '0x7D0']) {
      expect(typedCountMatches(typed, 2000), JSON.stringify(typed)).toBe(false);
    }
  });

  it('does not let a huge number round to the count', () => {
    expect(typedCountMatches('9007199254740993', 9_007_199_254_740_992)).toBe(false);
  });
});
