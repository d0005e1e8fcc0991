import type { RecipientDelivery } from '../../core/delivery/deliveryState';
import { DeliveryOutcomes, deliveryKey } from '../../store/deliveryOutcomes';
import { UserCampaignHistoryReader, type UserCampaignEntry, type UserCampaignHistory } from '../../store/userCampaignHistory';
import type { AppContext } from '../context';

/** A campaign the user received, with what the Herald service heard about their message (when it heard anything). */
export interface HeardCampaignEntry extends UserCampaignEntry {
  delivery?: RecipientDelivery;
}

export interface HeardCampaignHistory extends UserCampaignHistory {
  entries: HeardCampaignEntry[];
}

/**
 * The campaigns this user was a recipient of, among the last ones (their ledgers are read: a module
 * of its own, loaded with the history), and for each message Sunshine accepted, whether it was
 * delivered and read: the delivery chunks that hold them, in one more request.
 */
export async function userCampaignHistory(context: Pick<AppContext, 'transport'>, userId: number): Promise<HeardCampaignHistory> {
  const history = await new UserCampaignHistoryReader(context.transport).forUser(userId);
  const accepted = history.entries.filter((entry) => entry.state === 'sent');
  if (accepted.length === 0) return history;
  const heard = await new DeliveryOutcomes(context.transport).readSome(accepted);
  return {
    ...history,
    entries: history.entries.map((entry) => {
      const delivery = entry.state === 'sent' ? heard.get(deliveryKey(entry.campaignId, entry.index)) : undefined;
      return delivery ? { ...entry, delivery } : entry;
    }),
  };
}
