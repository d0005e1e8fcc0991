import type { DeliveryTotals, RecipientDelivery } from '../../core/delivery/deliveryState';
import { DeliveryOutcomes } from '../../store/deliveryOutcomes';
import type { BaseContext } from '../context';

/**
 * What the Herald service heard about a campaign's messages after Sunshine accepted them, as it
 * wrote it in Herald's custom objects: anyone who may see the campaign may read it.
 */

/** The campaign's funnel; undefined when the service never heard about it (or does not run). */
export function readDeliveryTotals(context: Pick<BaseContext, 'transport'>, campaignId: string): Promise<DeliveryTotals | undefined> {
  return new DeliveryOutcomes(context.transport).readTotals(campaignId);
}

/** What was heard about one recipient's message (a re-engagement's one recipient is index 0). */
export function readRecipientDelivery(context: Pick<BaseContext, 'transport'>, campaignId: string, index: number): Promise<RecipientDelivery | undefined> {
  return new DeliveryOutcomes(context.transport).readOne(campaignId, index);
}
