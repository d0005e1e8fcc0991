import { describe, expect, it } from 'vitest';
import { applyOverrides, DEFAULT_RATE_CARD, OTHER_COUNTRIES, parseRateCardOverrides, PER_MESSAGE_PRICING_SINCE, RATE_OVERRIDE_SOURCE, ratesAsOf } from '../../../../src/core/campaign/rateCard';

describe('DEFAULT_RATE_CARD', () => {
  it('cites, for every row, a per-message source that says from when its prices apply', () => {
    const sources = new Map(DEFAULT_RATE_CARD.sources.map((source) => [source.id, source]));
    for (const [country, row] of Object.entries(DEFAULT_RATE_CARD.whatsapp)) {
      const source = sources.get(row.source);
      expect(source?.url, country).toMatch(/^https:\/\//);
      expect(source?.retrieved, country).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      // Meta has charged per delivered template since 2025-07-01: earlier prices priced conversations.
      expect(source?.effective, country).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect((source?.effective ?? '') >= PER_MESSAGE_PRICING_SINCE, country).toBe(true);
    }
  });

  it('has the published figures, with their source, and no guessed row', () => {
    expect(DEFAULT_RATE_CARD.whatsapp.BR).toEqual({ marketing: 0.0782, utility: 0.0085, authentication: 0.0085, source: 'wappbiz-2026-01' });
    expect(Object.keys(DEFAULT_RATE_CARD.whatsapp).sort()).toEqual(['AR', 'BR', 'CL']);
    expect(DEFAULT_RATE_CARD.whatsapp[OTHER_COUNTRIES]).toBeUndefined();
    expect(DEFAULT_RATE_CARD.sms).toEqual({});
  });

  it('has no marketing price for the US, where WhatsApp delivers no marketing template', () => {
    expect(DEFAULT_RATE_CARD.whatsapp.US?.marketing).toBeUndefined();
  });

  it('is dated by its oldest source', () => {
    expect(ratesAsOf(DEFAULT_RATE_CARD)).toBe('2026-01-01');
  });
});

describe('ratesAsOf', () => {
  const sources = [
    { id: 'older', title: '', url: 'https://example.com/a', retrieved: '2026-11-01', effective: '2026-01-01' },
    { id: 'newer', title: '', url: 'https://example.com/b', retrieved: '2026-11-01', effective: '2026-10-01' },
  ];
  const row = (source: string) => ({ marketing: 0.1, utility: 0.01, authentication: 0.01, source });

  it('is the oldest date among the sources the rows still cite', () => {
    expect(ratesAsOf({ currency: 'USD', sources, whatsapp: { AR: row('newer'), BR: row('older') }, sms: {} })).toBe('2026-01-01');
    expect(ratesAsOf({ currency: 'USD', sources, whatsapp: { AR: row('newer') }, sms: {} })).toBe('2026-10-01');
  });

  it("follows the admin's prices: a row priced in part keeps its date, one priced in full has none", () => {
    const card = { currency: 'USD' as const, sources, whatsapp: { AR: row('newer'), BR: row('older') }, sms: {} };
    expect(ratesAsOf(applyOverrides(card, parseRateCardOverrides('BR,MARKETING,0.2').overrides))).toBe('2026-01-01');
    expect(ratesAsOf(applyOverrides(card, parseRateCardOverrides('BR,MARKETING,0.2\nBR,UTILITY,0.02\nBR,AUTHENTICATION,0.02').overrides))).toBe('2026-10-01');
    expect(ratesAsOf({ currency: 'USD', sources: [], whatsapp: {}, sms: {} })).toBeUndefined();
  });
});

describe('parseRateCardOverrides', () => {
  it('reads WhatsApp and SMS prices, ignoring blank lines and comments', () => {
    const text = ['# Our BSP prices, 2026', '', 'FR,MARKETING,0.0859', ' fr , utility , 0.02 ', 'FR,SMS,0.079', 'other,authentication,.05', 'US,SMS,0.0079 # Twilio', '  '].join('\n');
    expect(parseRateCardOverrides(text)).toEqual({
      overrides: { whatsapp: { FR: { marketing: 0.0859, utility: 0.02 }, other: { authentication: 0.05 } }, sms: { FR: 0.079, US: 0.0079 } },
      problems: [],
    });
  });

  it('reports each line it cannot read, with its number, and keeps the others', () => {
    const text = ['FR,MARKETING,0.0859', 'FR;MARKETING;0.08', 'FR,MARKETING', 'XX,MARKETING,0.1', 'FRA,MARKETING,0.1', 'FR,PROMO,0.1', 'FR,UTILITY,-0.1', 'FR,UTILITY,0,05', 'FR,UTILITY,abc', 'FR,UTILITY,1e-3', 'DE,UTILITY,'].join('\r\n');
    const { overrides, problems } = parseRateCardOverrides(text);
    expect(overrides).toEqual({ whatsapp: { FR: { marketing: 0.0859 } }, sms: {} });
    expect(problems).toEqual([
      { line: 2, text: 'FR;MARKETING;0.08', problem: 'format' },
      { line: 3, text: 'FR,MARKETING', problem: 'format' },
      { line: 4, text: 'XX,MARKETING,0.1', problem: 'country' },
      { line: 5, text: 'FRA,MARKETING,0.1', problem: 'country' },
      { line: 6, text: 'FR,PROMO,0.1', problem: 'category' },
      { line: 7, text: 'FR,UTILITY,-0.1', problem: 'price' },
      { line: 8, text: 'FR,UTILITY,0,05', problem: 'format' },
      { line: 9, text: 'FR,UTILITY,abc', problem: 'price' },
      { line: 10, text: 'FR,UTILITY,1e-3', problem: 'price' },
      { line: 11, text: 'DE,UTILITY,', problem: 'price' },
    ]);
  });

  it('lets a later line win over an earlier one, and accepts free messages', () => {
    expect(parseRateCardOverrides('FR,UTILITY,0.03\nFR,UTILITY,0').overrides.whatsapp).toEqual({ FR: { utility: 0 } });
    expect(parseRateCardOverrides('').overrides).toEqual({ whatsapp: {}, sms: {} });
  });
});

describe('applyOverrides', () => {
  it('replaces the prices the admin gives and keeps the others from the country row', () => {
    const card = applyOverrides(DEFAULT_RATE_CARD, { whatsapp: { BR: { marketing: 0.0859 } }, sms: {} });
    expect(card.whatsapp.BR).toEqual({ marketing: 0.0859, utility: 0.0085, authentication: 0.0085, source: 'admin-overrides', overridden: ['marketing'], baseSource: 'wappbiz-2026-01' });
    expect(card.whatsapp.AR).toBe(DEFAULT_RATE_CARD.whatsapp.AR);
    expect(card.sources.at(-1)).toEqual(RATE_OVERRIDE_SOURCE);
  });

  it('adds countries, completing them from other', () => {
    const withOther = applyOverrides(DEFAULT_RATE_CARD, parseRateCardOverrides('other,MARKETING,0.2\nother,UTILITY,0.05\nother,AUTHENTICATION,0.05').overrides);
    const card = applyOverrides(withOther, { whatsapp: { JP: { marketing: 0.1, utility: 0.01, authentication: 0.01 }, KR: { utility: 0.01 } }, sms: {} });
    expect(card.whatsapp.JP).toEqual({ marketing: 0.1, utility: 0.01, authentication: 0.01, source: 'admin-overrides', overridden: ['marketing', 'utility', 'authentication'] });
    expect(card.whatsapp.KR).toEqual({ marketing: 0.2, utility: 0.01, authentication: 0.05, source: 'admin-overrides', overridden: ['utility'], baseSource: 'admin-overrides' });
  });

  it('adds SMS prices per segment', () => {
    const card = applyOverrides(DEFAULT_RATE_CARD, parseRateCardOverrides('FR,SMS,0.079\nother,SMS,0.1').overrides);
    expect(card.sms).toEqual({ FR: { perSegment: 0.079, source: 'admin-overrides' }, other: { perSegment: 0.1, source: 'admin-overrides' } });
  });

  it('leaves the card as it was without overrides, and never changes the card it is given', () => {
    const before = JSON.stringify(DEFAULT_RATE_CARD);
    expect(applyOverrides(DEFAULT_RATE_CARD, { whatsapp: {}, sms: {} })).toEqual(DEFAULT_RATE_CARD);
    const once = applyOverrides(DEFAULT_RATE_CARD, { whatsapp: { BR: { utility: 0 } }, sms: { FR: 0.07 } });
    const twice = applyOverrides(once, { whatsapp: { BR: { marketing: 0.2 } }, sms: {} });
    expect(JSON.stringify(DEFAULT_RATE_CARD)).toBe(before);
    expect(twice.sources.filter((source) => source.id === 'admin-overrides')).toHaveLength(1);
  });

  it('completes a new country from the highest given price when the card has no other row', () => {
    const card = applyOverrides({ currency: 'USD', sources: [], whatsapp: {}, sms: {} }, { whatsapp: { FR: { utility: 0.02, authentication: 0.01 } }, sms: {} });
    expect(card.whatsapp.FR).toMatchObject({ marketing: 0.02, utility: 0.02, authentication: 0.01 });
  });
});
