import { MARKETING_LIMIT_HOLD_MS } from '../../core/campaign/heard';
import type { ExcludedEntry, ExclusionGroup } from '../../core/campaign/plan';
import type { Translate } from '../i18n/messages';

/** "Not on WhatsApp, learned on …", "Marketing limit reached; try again after …": what WhatsApp said about an excluded number. */
export function heardDetail(t: Translate, formatDateTime: (at: number) => string, entry: Pick<ExcludedEntry, 'reasons' | 'heardAt'>): string {
  if (entry.heardAt === undefined) return '';
  if (entry.reasons.includes('not-on-whatsapp')) return t('plan.heard.notOnWhatsApp', { date: formatDateTime(entry.heardAt) });
  return t('plan.heard.marketingLimit', { at: formatDateTime(entry.heardAt + MARKETING_LIMIT_HOLD_MS) });
}

/** When every number held for its marketing limit may be sent to again. */
export function heldUntil(group: ExclusionGroup): number | undefined {
  let latest: number | undefined;
  for (const entry of group.entries) if (entry.heardAt !== undefined) latest = Math.max(latest ?? 0, entry.heardAt + MARKETING_LIMIT_HOLD_MS);
  return latest;
}

/** When WhatsApp said the numbers left out for this reason are not on WhatsApp: "Learned on …", or the first and last reports. */
export function learnedWhen(t: Translate, formatDateTime: (at: number) => string, group: ExclusionGroup): string {
  let first: number | undefined;
  let last: number | undefined;
  for (const entry of group.entries) {
    if (entry.heardAt === undefined) continue;
    first = Math.min(first ?? entry.heardAt, entry.heardAt);
    last = Math.max(last ?? entry.heardAt, entry.heardAt);
  }
  if (first === undefined || last === undefined) return '';
  const [from, to] = [formatDateTime(first), formatDateTime(last)];
  return from === to ? t('plan.heard.learnedOn', { date: from }) : t('plan.heard.learnedBetween', { first: from, last: to });
}
