import { HeraldObjectsMissingError } from '../../app/errors';
import { userCampaignHistory, type HeardCampaignHistory } from '../../app/people/campaignHistory';
import { useHerald } from '../herald';
import { useAsync } from '../hooks/useAsync';
import { useObjectsSetUps } from '../hooks/useObjectsSetUp';

/** The campaigns this user was a recipient of, or `missing` while Herald's custom objects do not exist. */
export function useUserCampaignHistory(userId: number) {
  const { base } = useHerald();
  const setUps = useObjectsSetUps();
  return useAsync<HeardCampaignHistory | 'missing'>(
    () =>
      userCampaignHistory(base, userId).catch((error: unknown) => {
        if (error instanceof HeraldObjectsMissingError) return 'missing' as const;
        throw error;
      }),
    [base, userId, setUps],
  );
}
