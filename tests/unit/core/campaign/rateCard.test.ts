import { describe, expect, it } from 'vitest';
import { applyOverrides, DEFAULT_RATE_CARD, OTHER_COUNTRIES, parseRateCardOverrides, RATE_OVERRIDE_SOURCE } from '../../../../src/core/campaign/rateCard';

describe('DEFAULT_RATE_CARD', () => {
  it('names a known source for every row', () => {
    const ids = new Set(DEFAULT_RATE_CARD.sources.map((source) => source.id));
    for (const row of Object.values(DEFAULT_RATE_CARD.whatsapp)) expect(ids.has(row.source)).toBe(true);
    for (const source of DEFAULT_RATE_CARD.sources) {
      expect(source.retrieved).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      if (source.id !== 'herald-pessimistic') expect(source.url).toMatch(/^https:\/\//);
    }
  });

  it('has the published figures, with their sources', () => {
    expect(DEFAULT_RATE_CARD.whatsapp.BR).toEqual({ marketing: 0.0782, utility: 0.0085, authentication: 0.0085, source: 'wappbiz-2026-01' });
    expect(DEFAULT_RATE_CARD.whatsapp.GB).toEqual({ marketing: 0.0582, utility: 0.0242, authentication: 0.014, source: 'eazybe' });
    expect(DEFAULT_RATE_CARD.whatsapp.FR).toEqual({ marketing: 0.173, utility: 0.0362, authentication: 0.0362, source: 'chamelio-2024' });
    expect(DEFAULT_RATE_CARD.whatsapp.CA).toEqual(DEFAULT_RATE_CARD.whatsapp.US);
    expect(Object.keys(DEFAULT_RATE_CARD.whatsapp).sort()).toEqual(
      ['AE', 'AR', 'BR', 'CA', 'CL', 'CO', 'DE', 'EG', 'FR', 'GB', 'ID', 'IL', 'IN', 'IT', 'MX', 'MY', 'NG', 'NL', 'PK', 'SA', 'TR', 'US', 'ZA', 'other'].sort(),
    );
    expect(DEFAULT_RATE_CARD.sources.find((source) => source.id === 'wappbiz-2026-01')?.effective).toBe('2026-01-01');
    expect(DEFAULT_RATE_CARD.sms).toEqual({});
  });

  it('prices other countries at the highest price of each category, never below any country', () => {
    expect(DEFAULT_RATE_CARD.whatsapp[OTHER_COUNTRIES]).toEqual({ marketing: 0.1939, utility: 0.0605, authentication: 0.0605, source: 'herald-pessimistic' });
    const other = DEFAULT_RATE_CARD.whatsapp[OTHER_COUNTRIES];
    for (const row of Object.values(DEFAULT_RATE_CARD.whatsapp)) {
      expect(row.marketing).toBeLessThanOrEqual(other?.marketing ?? 0);
      expect(row.utility).toBeLessThanOrEqual(other?.utility ?? 0);
      expect(row.authentication).toBeLessThanOrEqual(other?.authentication ?? 0);
    }
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
    const card = applyOverrides(DEFAULT_RATE_CARD, { whatsapp: { FR: { marketing: 0.0859 } }, sms: {} });
    expect(card.whatsapp.FR).toEqual({ marketing: 0.0859, utility: 0.0362, authentication: 0.0362, source: 'admin-overrides', overridden: ['marketing'], baseSource: 'chamelio-2024' });
    expect(card.whatsapp.GB).toBe(DEFAULT_RATE_CARD.whatsapp.GB);
    expect(card.sources.at(-1)).toEqual(RATE_OVERRIDE_SOURCE);
  });

  it('adds countries, completing them from other', () => {
    const card = applyOverrides(DEFAULT_RATE_CARD, { whatsapp: { JP: { marketing: 0.1, utility: 0.01, authentication: 0.01 }, KR: { utility: 0.01 } }, sms: {} });
    expect(card.whatsapp.JP).toEqual({ marketing: 0.1, utility: 0.01, authentication: 0.01, source: 'admin-overrides', overridden: ['marketing', 'utility', 'authentication'] });
    expect(card.whatsapp.KR).toEqual({ marketing: 0.1939, utility: 0.01, authentication: 0.0605, source: 'admin-overrides', overridden: ['utility'], baseSource: 'herald-pessimistic' });
  });

  it('adds SMS prices per segment', () => {
    const card = applyOverrides(DEFAULT_RATE_CARD, parseRateCardOverrides('FR,SMS,0.079\nother,SMS,0.1').overrides);
    expect(card.sms).toEqual({ FR: { perSegment: 0.079, source: 'admin-overrides' }, other: { perSegment: 0.1, source: 'admin-overrides' } });
  });

  it('leaves the card as it was without overrides, and never changes the card it is given', () => {
    const before = JSON.stringify(DEFAULT_RATE_CARD);
    expect(applyOverrides(DEFAULT_RATE_CARD, { whatsapp: {}, sms: {} })).toEqual(DEFAULT_RATE_CARD);
    const once = applyOverrides(DEFAULT_RATE_CARD, { whatsapp: { FR: { utility: 0 } }, sms: { FR: 0.07 } });
    const twice = applyOverrides(once, { whatsapp: { FR: { marketing: 0.2 } }, sms: {} });
    expect(JSON.stringify(DEFAULT_RATE_CARD)).toBe(before);
    expect(twice.sources.filter((source) => source.id === 'admin-overrides')).toHaveLength(1);
  });

  it('completes a new country from the highest given price when the card has no other row', () => {
    const card = applyOverrides({ currency: 'USD', sources: [], whatsapp: {}, sms: {} }, { whatsapp: { FR: { utility: 0.02, authentication: 0.01 } }, sms: {} });
    expect(card.whatsapp.FR).toMatchObject({ marketing: 0.02, utility: 0.02, authentication: 0.01 });
  });
});
