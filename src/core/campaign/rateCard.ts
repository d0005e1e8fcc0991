/**
 * What a message costs, per destination country (product brief, rule 8): WhatsApp by template
 * category, SMS by segment. Herald ships a default table built only from published figures, each
 * row naming its source, and the admin replaces any price with their own (app setting
 * `rate_card`, see rateCardOverrides.ts). Estimates, not invoices: BSP markups, Meta's volume
 * tiers and free service-window messages are not modelled.
 */

import { OTHER_COUNTRIES, type RateCard, type RateSource, type WhatsAppPriceCategory, type WhatsAppRate } from './rateCardModel';

export * from './rateCardModel';
export { applyOverrides, parseRateCardOverrides, RATE_OVERRIDE_SOURCE, type RateCardOverrideProblem, type RateCardOverrides } from './rateCardOverrides';

const RETRIEVED = '2026-11-21';

const SOURCES: RateSource[] = [
  {
    id: 'wappbiz-2026-01',
    title: 'Meta rate card effective 2026-01-01, as published by WappBiz',
    url: 'https://www.wappbiz.com/blogs/whatsapp-business-latest-pricing-update',
    retrieved: RETRIEVED,
    effective: '2026-01-01',
  },
  {
    // The page does not say from when its prices apply.
    id: 'eazybe',
    title: 'Eazybe WABA pricing (per-message model)',
    url: 'https://help.eazybe.com/pt/waba/pricing',
    retrieved: RETRIEVED,
  },
  {
    id: 'chamelio-2024',
    title: 'Chamelio WhatsApp pricing guide (conversation-based era)',
    url: 'https://chamelio.co/app/whatsapp-pricing-guide',
    retrieved: RETRIEVED,
  },
  {
    id: 'herald-pessimistic',
    title: 'Herald: the highest default price of each category, for countries without their own',
    url: '',
    retrieved: RETRIEVED,
  },
];

function rate(source: string, marketing: number, utility: number, authentication: number): WhatsAppRate {
  return { marketing, utility, authentication, source };
}

/** USD per delivered template: marketing, utility, authentication. Only figures from the sources above. */
const COUNTRY_RATES: Record<string, WhatsAppRate> = {
  // Source wappbiz-2026-01: Meta's rate card effective 2026-01-01, as published by WappBiz.
  AR: rate('wappbiz-2026-01', 0.0773, 0.0325, 0.0325),
  BR: rate('wappbiz-2026-01', 0.0782, 0.0085, 0.0085),
  CL: rate('wappbiz-2026-01', 0.1112, 0.025, 0.025),
  // Source eazybe: Eazybe WABA pricing (per-message model), effective date not stated.
  IN: rate('eazybe', 0.0129, 0.0017, 0.0017),
  US: rate('eazybe', 0.0275, 0.0044, 0.0044),
  // Canada is priced with the US: Meta bills both as its "North America" market.
  CA: rate('eazybe', 0.0275, 0.0044, 0.0044),
  GB: rate('eazybe', 0.0582, 0.0242, 0.014),
  DE: rate('eazybe', 0.1502, 0.0605, 0.0605),
  ID: rate('eazybe', 0.0452, 0.022, 0.022),
  MX: rate('eazybe', 0.048, 0.011, 0.007),
  NG: rate('eazybe', 0.0568, 0.0074, 0.0074),
  ZA: rate('eazybe', 0.0417, 0.0084, 0.0084),
  AE: rate('eazybe', 0.0422, 0.0173, 0.0173),
  SA: rate('eazybe', 0.0501, 0.0127, 0.0127),
  TR: rate('eazybe', 0.012, 0.0058, 0.004),
  EG: rate('eazybe', 0.0708, 0.0057, 0.0057),
  PK: rate('eazybe', 0.052, 0.0059, 0.0059),
  MY: rate('eazybe', 0.0946, 0.0154, 0.0154),
  // Source chamelio-2024: Chamelio WhatsApp pricing guide (conversation-based era).
  FR: rate('chamelio-2024', 0.173, 0.0362, 0.0362),
  IT: rate('chamelio-2024', 0.0835, 0.0362, 0.0362),
  NL: rate('chamelio-2024', 0.1939, 0.0604, 0.0604),
  CO: rate('chamelio-2024', 0.0151, 0.0002, 0.0002),
  IL: rate('chamelio-2024', 0.0427, 0.0064, 0.0064),
};

/**
 * Source herald-pessimistic: for a country without its own row, the highest price of each
 * category above, so an estimate may be too high but is never too low.
 */
function highestRates(rates: readonly WhatsAppRate[]): WhatsAppRate {
  const highest = (category: WhatsAppPriceCategory) => Math.max(...rates.map((row) => row[category]));
  return rate('herald-pessimistic', highest('marketing'), highest('utility'), highest('authentication'));
}

export const DEFAULT_RATE_CARD: RateCard = {
  currency: 'USD',
  sources: SOURCES,
  whatsapp: { ...COUNTRY_RATES, [OTHER_COUNTRIES]: highestRates(Object.values(COUNTRY_RATES)) },
  // No published per-segment prices we can vouch for (they vary by provider and sender type): the admin adds theirs.
  sms: {},
};
