/**
 * Meta's messaging limits (reference §2): how many unique customers a business portfolio may
 * start conversations with per rolling 24 hours, outside the customer-care window. A send above
 * the limit is not refused up front: the messages past it fail, so Herald warns before sending.
 * The admin reads the tier in WhatsApp Manager and sets it in the app (`messaging_tier`).
 */

export const MESSAGING_TIERS = ['250', '2000', '10000', '100000', 'unlimited'] as const;
export type MessagingTier = (typeof MESSAGING_TIERS)[number];

const TIER_LIMITS: Record<MessagingTier, number | undefined> = {
  '250': 250,
  '2000': 2000,
  '10000': 10_000,
  '100000': 100_000,
  unlimited: undefined,
};

export interface TierCheck {
  tier: MessagingTier | undefined;
  /** More recipients than the tier allows in 24 hours; false when the tier is unknown or unlimited. */
  exceeds: boolean;
  /** Unique users per 24 hours; undefined when unknown or unlimited. */
  limit: number | undefined;
}

export function tierCheck(recipients: number, tier: MessagingTier | undefined): TierCheck {
  const limit = tier === undefined ? undefined : TIER_LIMITS[tier];
  return { tier, exceeds: limit !== undefined && recipients > limit, limit };
}

/**
 * The setting as admins may type it: `2000`, `2,000`, `2 000`, `2K`, `100k`, `Unlimited`;
 * undefined for anything else (including the older per-number 1K tier, which is no longer Meta's).
 */
export function parseMessagingTier(text: string | null | undefined): MessagingTier | undefined {
  const compact = (text ?? '').trim().toLowerCase().replace(/[\s,.\u00a0\u202f]/g, '');
  const expanded = /^\d+k$/.test(compact) ? String(Number(compact.slice(0, -1)) * 1000) : compact;
  return MESSAGING_TIERS.find((tier) => tier === expanded);
}
