/**
 * The shape of a rate card, apart from its default figures (rateCard.ts) and the admin's
 * overrides (rateCardOverrides.ts), which both build on it.
 */

export const WHATSAPP_PRICE_CATEGORIES = ['marketing', 'utility', 'authentication'] as const;
export type WhatsAppPriceCategory = (typeof WHATSAPP_PRICE_CATEGORIES)[number];

export interface RateSource {
  id: string;
  title: string;
  /** '' when the figures are published nowhere (Herald's own computation, the admin's prices). */
  url: string;
  /** ISO date the figures were read; '' when unknown (the admin's own prices). */
  retrieved: string;
  /** ISO date the prices apply from, when the source says. */
  effective?: string;
}

export interface WhatsAppRate {
  marketing: number;
  utility: number;
  authentication: number;
  /** A `RateSource` id. */
  source: string;
  /** With admin overrides: the categories the admin priced; the others keep `baseSource`'s. */
  overridden?: WhatsAppPriceCategory[];
  baseSource?: string;
}

export interface SmsRate {
  perSegment: number;
  source: string;
}

/** Keys are ISO 3166-1 alpha-2 countries, or `other` for every country without its own row. */
export interface RateCard {
  currency: 'USD';
  sources: RateSource[];
  whatsapp: Record<string, WhatsAppRate>;
  sms: Record<string, SmsRate>;
}

export const OTHER_COUNTRIES = 'other';

/**
 * The date the card's published prices apply from: the oldest `effective` of the sources its rows
 * still cite (a row the admin priced in part cites the source of the rest), so no price on the
 * card is older. Undefined when no row has a dated source: the admin's own prices have no date.
 */
export function ratesAsOf(card: RateCard): string | undefined {
  const cited = new Set([...Object.values(card.whatsapp).map((row) => row.baseSource ?? row.source), ...Object.values(card.sms).map((row) => row.source)]);
  const dates = card.sources.flatMap((source) => (cited.has(source.id) && source.effective ? [source.effective] : []));
  return dates.length === 0 ? undefined : dates.reduce((oldest, date) => (date < oldest ? date : oldest));
}
