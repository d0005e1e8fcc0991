import type { DeliveryState } from '../../core/delivery/deliveryState';
import { laterFailureMeaning } from '../../core/delivery/laterFailures';
import type { Translate } from '../i18n/messages';

/**
 * What the Herald service heard, in the user's words (translations `delivery.*`): a message's
 * delivery once Sunshine accepted it, what a failure WhatsApp reported later means (with its code,
 * for whoever looks it up), a share of the accepted messages.
 */

export function deliveryWord(t: Translate, state: DeliveryState): string {
  return t(`delivery.state.${state}`);
}

/** "Not on WhatsApp: … (code 131026)". */
export function laterFailureWords(t: Translate, code: string | undefined): string {
  const shown = code ?? '?';
  return t('delivery.withCode', { meaning: t(`delivery.failure.${laterFailureMeaning(shown).meaning}`), code: shown });
}

/** "75 %" in French, "75%" in English; below 1 % a tenth is kept, so that a few read out of thousands is not 0 %. */
export function shareWords(locale: string, rate: number): string {
  const digits = rate > 0 && rate < 0.01 ? 1 : 0;
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: digits }).format(rate);
}
