import type { CostEstimate } from '../../core/campaign/cost';
import type { Translate } from '../i18n/messages';

/** The estimate's total as the plan and the confirmation say it: "At least …" when some countries have no price, none at all when no country has one. */
export function costTotalText(t: Translate, money: Intl.NumberFormat, cost: Pick<CostEstimate, 'total' | 'unpriced'>): string {
  if (cost.unpriced === 0) return money.format(cost.total);
  if (cost.total === 0) return t('plan.noPrice');
  return t('plan.costPartial', { total: money.format(cost.total), count: cost.unpriced });
}
