import { describe, expect, it } from 'vitest';
import { estimateCost } from '../../../../src/core/campaign/cost';
import { estimateDuration } from '../../../../src/core/campaign/duration';
import type { PlanTemplate } from '../../../../src/core/campaign/plan';
import { applyOverrides, DEFAULT_RATE_CARD, parseRateCardOverrides, type RateCard } from '../../../../src/core/campaign/rateCard';
import { MESSAGING_TIERS, parseMessagingTier, tierCheck } from '../../../../src/core/campaign/tier';

const whatsapp = (category: string | undefined): PlanTemplate => ({ name: 'spring_sale', language: 'fr', category, channel: 'whatsapp' });
const sms: PlanTemplate = { name: 'spring_sale', language: 'fr', category: undefined, channel: 'sms' };

/** A card of the default's shape, with figures of its own: the estimate's rules, whatever the shipped prices. */
const card: RateCard = {
  currency: 'USD',
  sources: [{ id: 'test-card', title: 'Test prices', url: 'https://example.com/prices', retrieved: '2026-11-01', effective: '2026-10-01' }],
  whatsapp: {
    BR: { marketing: 0.0782, utility: 0.0085, authentication: 0.0085, source: 'test-card' },
    FR: { marketing: 0.173, utility: 0.0362, authentication: 0.0362, source: 'test-card' },
    MX: { marketing: 0.048, utility: 0.011, authentication: 0.007, source: 'test-card' },
    other: { marketing: 0.1939, utility: 0.0605, authentication: 0.0605, source: 'test-card' },
  },
  sms: {},
};

const countries = [
  { country: 'BR', recipients: 1000 },
  { country: 'FR', recipients: 300 },
  { country: 'JP', recipients: 20 },
  { country: undefined, recipients: 2 },
];

describe('estimateCost on WhatsApp', () => {
  it("prices each country at its category's rate, the others at 'other'", () => {
    const estimate = estimateCost({ countries, template: whatsapp('MARKETING') }, card);
    expect(estimate.currency).toBe('USD');
    expect(estimate.rows).toEqual([
      { country: 'BR', recipients: 1000, unitPrice: 0.0782, subtotal: 78.2, basis: 'country' },
      { country: 'FR', recipients: 300, unitPrice: 0.173, subtotal: 51.9, basis: 'country' },
      { country: 'JP', recipients: 20, unitPrice: 0.1939, subtotal: 3.878, basis: 'other' },
      { country: undefined, recipients: 2, unitPrice: 0.1939, subtotal: 0.3878, basis: 'other' },
    ]);
    expect(estimate.total).toBe(134.3658);
    expect(estimate.unpriced).toBe(0);
  });

  it('says from when the prices apply, and leaves a country the shipped card has no dated price for unpriced', () => {
    expect(estimateCost({ countries, template: whatsapp('MARKETING') }, card).ratesAsOf).toBe('2026-10-01');
    const shipped = estimateCost({ countries, template: whatsapp('MARKETING') }, DEFAULT_RATE_CARD);
    expect(shipped.ratesAsOf).toBe('2026-01-01');
    expect(shipped.rows.map((row) => [row.country, row.basis])).toEqual([
      ['BR', 'country'],
      ['FR', 'none'],
      ['JP', 'none'],
      [undefined, 'none'],
    ]);
    expect(shipped.unpriced).toBe(322);
  });

  it('uses the template category: utility and authentication cost less', () => {
    const brazil = [{ country: 'BR', recipients: 1000 }];
    expect(estimateCost({ countries: brazil, template: whatsapp('UTILITY') }, card).total).toBe(8.5);
    expect(estimateCost({ countries: brazil, template: whatsapp('authentication') }, card).total).toBe(8.5);
    const mexico = [{ country: 'MX', recipients: 1000 }];
    expect(estimateCost({ countries: mexico, template: whatsapp('AUTHENTICATION') }, card).total).toBe(7);
  });

  it('leaves a template of unknown category unpriced', () => {
    const estimate = estimateCost({ countries, template: whatsapp(undefined) }, card);
    expect(estimate.total).toBe(0);
    expect(estimate.unpriced).toBe(1322);
    expect(estimate.rows.every((row) => row.basis === 'none' && row.unitPrice === undefined && row.subtotal === undefined)).toBe(true);
    expect(estimateCost({ countries, template: whatsapp('ALERT_UPDATE') }, card).unpriced).toBe(1322);
  });

  it('leaves countries unpriced when the card has no other row', () => {
    const { whatsapp: rates, ...rest } = card;
    const franceOnly = { ...rest, whatsapp: { FR: rates.FR ?? { marketing: 0, utility: 0, authentication: 0, source: '' } } };
    const estimate = estimateCost({ countries, template: whatsapp('MARKETING') }, franceOnly);
    expect(estimate.rows.map((row) => row.basis)).toEqual(['none', 'country', 'none', 'none']);
    expect(estimate.unpriced).toBe(1022);
    expect(estimate.total).toBe(51.9);
  });

  it('uses the admin overrides', () => {
    const overridden = applyOverrides(card, parseRateCardOverrides('FR,MARKETING,0.0859\nJP,MARKETING,0.1').overrides);
    const estimate = estimateCost({ countries, template: whatsapp('MARKETING') }, overridden);
    expect(estimate.rows.slice(1, 3)).toEqual([
      { country: 'FR', recipients: 300, unitPrice: 0.0859, subtotal: 25.77, basis: 'country' },
      { country: 'JP', recipients: 20, unitPrice: 0.1, subtotal: 2, basis: 'country' },
    ]);
  });
});

describe('estimateCost on SMS', () => {
  const smsCard = applyOverrides(DEFAULT_RATE_CARD, parseRateCardOverrides('FR,SMS,0.079\nBR,SMS,0.01').overrides);

  it('is unpriced until the admin gives prices', () => {
    expect(estimateCost({ countries, template: sms }, DEFAULT_RATE_CARD)).toMatchObject({ total: 0, unpriced: 1322 });
  });

  it('prices segments × the per-segment price, the others unpriced without an other row', () => {
    const estimate = estimateCost({ countries, template: sms }, smsCard, 2);
    expect(estimate.rows).toEqual([
      { country: 'BR', recipients: 1000, unitPrice: 0.02, subtotal: 20, basis: 'country' },
      { country: 'FR', recipients: 300, unitPrice: 0.158, subtotal: 47.4, basis: 'country' },
      { country: 'JP', recipients: 20, unitPrice: undefined, subtotal: undefined, basis: 'none' },
      { country: undefined, recipients: 2, unitPrice: undefined, subtotal: undefined, basis: 'none' },
    ]);
    expect(estimate.total).toBe(67.4);
    expect(estimate.unpriced).toBe(22);
  });

  it("uses 'other' for SMS too, and counts one segment by default or for nonsense", () => {
    const withOther = applyOverrides(smsCard, parseRateCardOverrides('other,SMS,0.05').overrides);
    expect(estimateCost({ countries: [{ country: 'JP', recipients: 10 }], template: sms }, withOther).rows[0]).toEqual({ country: 'JP', recipients: 10, unitPrice: 0.05, subtotal: 0.5, basis: 'other' });
    for (const segments of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) expect(estimateCost({ countries: [{ country: 'FR', recipients: 10 }], template: sms }, smsCard, segments).total).toBe(0.79);
    expect(estimateCost({ countries: [{ country: 'FR', recipients: 10 }], template: sms }, smsCard, 2.2).total).toBe(2.37);
  });

  it('adds up to a clean total', () => {
    const many = Array.from({ length: 10 }, (_, index) => ({ country: index % 2 ? 'FR' : 'BR', recipients: 3 }));
    const { total, rows } = estimateCost({ countries: many, template: whatsapp('UTILITY') }, card);
    expect(total).toBe(Math.round(rows.reduce((sum, row) => sum + (row.subtotal ?? 0), 0) * 1e6) / 1e6);
    expect(String(total)).toMatch(/^\d+\.\d{1,6}$/);
  });
});

describe('tierCheck', () => {
  it('compares recipients with the tier limit', () => {
    expect(tierCheck(250, '250')).toEqual({ tier: '250', exceeds: false, limit: 250 });
    expect(tierCheck(251, '250')).toEqual({ tier: '250', exceeds: true, limit: 250 });
    expect(tierCheck(2001, '2000')).toMatchObject({ exceeds: true, limit: 2000 });
    expect(tierCheck(10_000, '10000')).toMatchObject({ exceeds: false, limit: 10_000 });
    expect(tierCheck(100_001, '100000')).toMatchObject({ exceeds: true, limit: 100_000 });
  });

  it('never exceeds an unlimited or unknown tier', () => {
    expect(tierCheck(5_000_000, 'unlimited')).toEqual({ tier: 'unlimited', exceeds: false, limit: undefined });
    expect(tierCheck(5_000_000, undefined)).toEqual({ tier: undefined, exceeds: false, limit: undefined });
  });

  it("reads the setting as admins type it", () => {
    for (const tier of MESSAGING_TIERS) expect(parseMessagingTier(tier)).toBe(tier);
    expect(parseMessagingTier(' 2,000 ')).toBe('2000');
    expect(parseMessagingTier('10K')).toBe('10000');
    expect(parseMessagingTier('100k')).toBe('100000');
    expect(parseMessagingTier('10 000')).toBe('10000');
    expect(parseMessagingTier('Unlimited')).toBe('unlimited');
    for (const text of ['', '1K', '500', 'lots', null, undefined]) expect(parseMessagingTier(text)).toBeUndefined();
  });
});

describe('estimateDuration', () => {
  it('is the least time the pacer takes: one send every 1,010 ms / rate, rounded up', () => {
    expect(estimateDuration(300_000, 8)).toEqual({ seconds: 37_875 });
    expect(estimateDuration(10, 3)).toEqual({ seconds: 4 });
    expect(estimateDuration(0, 8)).toEqual({ seconds: 0 });
    expect(estimateDuration(1, 1000)).toEqual({ seconds: 1 });
  });

  it('refuses a rate that would never finish and a negative audience', () => {
    for (const rate of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) expect(() => estimateDuration(10, rate)).toThrow(RangeError);
    expect(() => estimateDuration(-1, 8)).toThrow(RangeError);
  });
});
