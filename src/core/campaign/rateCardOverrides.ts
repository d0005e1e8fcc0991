import { isKnownCountry } from '../phone/countries';
import { OTHER_COUNTRIES, WHATSAPP_PRICE_CATEGORIES, type RateCard, type RateSource, type WhatsAppPriceCategory, type WhatsAppRate } from './rateCardModel';

/**
 * The admin's own prices (app setting `rate_card`), one per line: `FR,MARKETING,0.0859` or
 * `FR,SMS,0.079` (USD per message, per SMS segment). `other` stands for every country without
 * its own price. Blank lines and `#` comments are ignored; a line Herald cannot read is reported
 * with its number and left out, so one typo does not void the others.
 */

export interface RateCardOverrides {
  whatsapp: Record<string, Partial<Record<WhatsAppPriceCategory, number>>>;
  /** Per SMS segment. */
  sms: Record<string, number>;
}

export type RateCardOverrideProblem = { line: number; text: string; problem: 'format' | 'country' | 'category' | 'price' };

export const RATE_OVERRIDE_SOURCE: RateSource = {
  id: 'admin-overrides',
  title: "Your prices, from Herald's settings",
  url: '',
  retrieved: '',
};

const CATEGORIES: Record<string, WhatsAppPriceCategory | 'sms'> = {
  MARKETING: 'marketing',
  UTILITY: 'utility',
  AUTHENTICATION: 'authentication',
  SMS: 'sms',
};

/** Digits with an optional decimal point: no sign, no exponent, no thousands separator. */
const PRICE = /^(?:\d+(?:\.\d*)?|\.\d+)$/;

export function parseRateCardOverrides(text: string): { overrides: RateCardOverrides; problems: RateCardOverrideProblem[] } {
  const overrides: RateCardOverrides = { whatsapp: {}, sms: {} };
  const problems: RateCardOverrideProblem[] = [];
  text.split(/\r\n|\r|\n/).forEach((raw, index) => {
    const content = raw.replace(/#.*$/, '').trim();
    if (content === '') return;
    const parsed = parseLine(content);
    if ('problem' in parsed) {
      problems.push({ line: index + 1, text: raw.trim(), problem: parsed.problem });
      return;
    }
    const { country, category, price } = parsed;
    // A later line for the same country and category wins, as when reading the list top down.
    if (category === 'sms') overrides.sms[country] = price;
    else overrides.whatsapp[country] = { ...overrides.whatsapp[country], [category]: price };
  });
  return { overrides, problems };
}

type ParsedLine = { country: string; category: WhatsAppPriceCategory | 'sms'; price: number } | { problem: RateCardOverrideProblem['problem'] };

function parseLine(content: string): ParsedLine {
  const fields = content.split(',').map((field) => field.trim());
  if (fields.length !== 3) return { problem: 'format' };
  const [countryText = '', categoryText = '', priceText = ''] = fields;
  const country = countryText.toLowerCase() === OTHER_COUNTRIES ? OTHER_COUNTRIES : countryText.toUpperCase();
  if (country !== OTHER_COUNTRIES && !(/^[A-Z]{2}$/.test(country) && isKnownCountry(country))) return { problem: 'country' };
  const category = CATEGORIES[categoryText.toUpperCase()];
  if (category === undefined) return { problem: 'category' };
  if (!PRICE.test(priceText)) return { problem: 'price' };
  return { country, category, price: Number(priceText) };
}

/**
 * The card with the admin's prices in place. A country the admin prices for only some categories
 * keeps the others from its own row, or from `other` when it had none.
 */
export function applyOverrides(card: RateCard, overrides: RateCardOverrides): RateCard {
  const whatsapp = { ...card.whatsapp };
  let applied = false;
  for (const [country, prices] of Object.entries(overrides.whatsapp)) {
    const overridden = WHATSAPP_PRICE_CATEGORIES.filter((category) => prices[category] !== undefined);
    if (overridden.length === 0) continue;
    whatsapp[country] = overriddenRate(card.whatsapp[country] ?? card.whatsapp[OTHER_COUNTRIES], prices, overridden);
    applied = true;
  }
  const sms = { ...card.sms };
  for (const [country, perSegment] of Object.entries(overrides.sms)) {
    sms[country] = { perSegment, source: RATE_OVERRIDE_SOURCE.id };
    applied = true;
  }
  const sources = applied && !card.sources.some((source) => source.id === RATE_OVERRIDE_SOURCE.id) ? [...card.sources, RATE_OVERRIDE_SOURCE] : card.sources;
  return { ...card, sources, whatsapp, sms };
}

function overriddenRate(base: WhatsAppRate | undefined, prices: Partial<Record<WhatsAppPriceCategory, number>>, overridden: WhatsAppPriceCategory[]): WhatsAppRate {
  // Without a row to complete from, the highest of the admin's prices: never an under-estimate.
  const fallback = Math.max(...overridden.map((category) => prices[category] ?? 0));
  const price = (category: WhatsAppPriceCategory) => prices[category] ?? base?.[category] ?? fallback;
  const row: WhatsAppRate = {
    marketing: price('marketing'),
    utility: price('utility'),
    authentication: price('authentication'),
    source: RATE_OVERRIDE_SOURCE.id,
    overridden,
  };
  if (base && overridden.length < WHATSAPP_PRICE_CATEGORIES.length) row.baseSource = base.source;
  return row;
}
