import type { SendPlan } from './plan';
import { OTHER_COUNTRIES, ratesAsOf, WHATSAPP_PRICE_CATEGORIES, type RateCard, type WhatsAppPriceCategory } from './rateCardModel';

/**
 * What a send would cost, country by country (product brief: "cost estimate by destination
 * country × category"). A country without its own price is estimated with the card's `other`
 * price and says so; recipients nothing prices are counted apart rather than costed at zero.
 */

export interface CostRow {
  country: string | undefined;
  recipients: number;
  /** Per message: the category's price on WhatsApp, segments × the per-segment price on SMS. */
  unitPrice: number | undefined;
  subtotal: number | undefined;
  /** Priced with the country's own row, with `other`, or not at all. */
  basis: 'country' | 'other' | 'none';
}

export interface CostEstimate {
  currency: string;
  total: number;
  rows: CostRow[];
  /** Recipients with no price (basis 'none'): not in the total. */
  unpriced: number;
  /** ISO date the card's published prices apply from (`ratesAsOf`), for the plan to say how current they are. */
  ratesAsOf: string | undefined;
}

/** Prices have four decimals; rounding sums to a millionth removes floating-point noise (0.30000000000000004). */
function roundPrice(amount: number): number {
  return Math.round(amount * 1e6) / 1e6;
}

/**
 * `smsSegments`: the segments of one SMS (the template's preview counts them), 1 by default;
 * WhatsApp ignores it. A template without a known category (legacy, or not yet fetched) is not
 * priced on WhatsApp: guessing would make the estimate look surer than it is.
 */
export function estimateCost(plan: Pick<SendPlan, 'countries' | 'template'>, card: RateCard, smsSegments = 1): CostEstimate {
  const segments = Number.isFinite(smsSegments) ? Math.max(1, Math.ceil(smsSegments)) : 1;
  const category = whatsAppCategory(plan.template.category);
  const rows = plan.countries.map(({ country, recipients }): CostRow => {
    const price = plan.template.channel === 'sms' ? smsPrice(card, country, segments) : whatsAppPrice(card, country, category);
    if (!price) return { country, recipients, unitPrice: undefined, subtotal: undefined, basis: 'none' };
    return { country, recipients, unitPrice: price.unit, subtotal: roundPrice(price.unit * recipients), basis: price.basis };
  });
  return {
    currency: card.currency,
    total: roundPrice(rows.reduce((sum, row) => sum + (row.subtotal ?? 0), 0)),
    rows,
    unpriced: rows.reduce((sum, row) => sum + (row.basis === 'none' ? row.recipients : 0), 0),
    ratesAsOf: ratesAsOf(card),
  };
}

type Price = { unit: number; basis: 'country' | 'other' };

function whatsAppCategory(category: string | undefined): WhatsAppPriceCategory | undefined {
  const name = category?.toLowerCase();
  return WHATSAPP_PRICE_CATEGORIES.find((known) => known === name);
}

function whatsAppPrice(card: RateCard, country: string | undefined, category: WhatsAppPriceCategory | undefined): Price | undefined {
  if (category === undefined) return undefined;
  const own = country === undefined ? undefined : card.whatsapp[country];
  if (own) return { unit: own[category], basis: 'country' };
  const other = card.whatsapp[OTHER_COUNTRIES];
  return other ? { unit: other[category], basis: 'other' } : undefined;
}

function smsPrice(card: RateCard, country: string | undefined, segments: number): Price | undefined {
  const own = country === undefined ? undefined : card.sms[country];
  if (own) return { unit: roundPrice(own.perSegment * segments), basis: 'country' };
  const other = card.sms[OTHER_COUNTRIES];
  return other ? { unit: roundPrice(other.perSegment * segments), basis: 'other' } : undefined;
}
