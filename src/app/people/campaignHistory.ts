import { UserCampaignHistoryReader, type UserCampaignHistory } from '../../store/userCampaignHistory';
import type { AppContext } from '../context';

/** The campaigns this user was a recipient of, among the last ones (their ledgers are read: a module of its own, loaded with the history). */
export function userCampaignHistory(context: Pick<AppContext, 'transport'>, userId: number): Promise<UserCampaignHistory> {
  return new UserCampaignHistoryReader(context.transport).forUser(userId);
}
