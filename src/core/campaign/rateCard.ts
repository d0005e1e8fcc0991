/**
 * What a message costs, per destination country (product brief, rule 8): WhatsApp by template
 * category, SMS by segment. Herald ships a default table built only from published figures, each
 * row naming its source, and the admin replaces any price with their own (app setting
 * `rate_card`, see rateCardOverrides.ts). Estimates, not invoices: BSP markups, Meta's volume
 * tiers and free service-window messages are not modelled.
 */

import { type RateCard, type RateSource, type WhatsAppRate } from './rateCardModel';

export * from './rateCardModel';
export { applyOverrides, parseRateCardOverrides, RATE_OVERRIDE_SOURCE, type RateCardOverrideProblem, type RateCardOverrides } from './rateCardOverrides';

/** Meta has charged per delivered template since this day; prices from before it priced conversations. */
export const PER_MESSAGE_PRICING_SINCE = '2025-07-01';

const SOURCES: RateSource[] = [
  {
    id: 'wappbiz-2026-01',
    title: 'Meta rate card effective 2026-01-01, as published by WappBiz',
    url: 'https://www.wappbiz.com/blogs/whatsapp-business-latest-pricing-update',
    retrieved: '2026-11-21',
    effective: '2026-01-01',
  },
];

function rate(source: string, marketing: number, utility: number, authentication: number): WhatsAppRate {
  return { marketing, utility, authentication, source };
}

/**
 * USD per delivered template: marketing, utility, authentication. Only per-message prices whose
 * source says from when they apply (after PER_MESSAGE_PRICING_SINCE). A country we have no such
 * figure for has no row, rather than a guess: the plan says its cost is unknown, and the admin
 * adds their own price (settings, `rate_card`). Rows dropped on 2026-12 for that reason: the
 * conversation-era figures (FR, IT, NL, CO, IL) and a per-message table that gives no date (US,
 * CA, IN, GB, DE, ID, MX, NG, ZA, AE, SA, TR, EG, PK, MY). There is no `other` row either: the
 * highest price of three markets would be no upper bound for the markets missing here.
 * The US would have no marketing price anyway: WhatsApp delivers no marketing template there
 * (marketingReach.ts), so such recipients are left out of the plan and cost nothing.
 */
const COUNTRY_RATES: Record<string, WhatsAppRate> = {
  AR: rate('wappbiz-2026-01', 0.0773, 0.0325, 0.0325),
  BR: rate('wappbiz-2026-01', 0.0782, 0.0085, 0.0085),
  CL: rate('wappbiz-2026-01', 0.1112, 0.025, 0.025),
};

export const DEFAULT_RATE_CARD: RateCard = {
  currency: 'USD',
  sources: SOURCES,
  whatsapp: COUNTRY_RATES,
  // No published per-segment prices we can vouch for (they vary by provider and sender type): the admin adds theirs.
  sms: {},
};
