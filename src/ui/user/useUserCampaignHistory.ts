import { useMemo } from 'react';
import { HeraldObjectsMissingError } from '../../store/objectGuard';
import { UserCampaignHistoryReader, type UserCampaignHistory } from '../../store/userCampaignHistory';
import { useAsync } from '../hooks/useAsync';
import { useServices } from '../services';

/** The campaigns this user was a recipient of, or `missing` while Herald's custom objects do not exist. */
export function useUserCampaignHistory(userId: number) {
  const { transport } = useServices();
  const reader = useMemo(() => new UserCampaignHistoryReader(transport), [transport]);
  return useAsync<UserCampaignHistory | 'missing'>(
    () =>
      reader.forUser(userId).catch((error: unknown) => {
        if (error instanceof HeraldObjectsMissingError) return 'missing' as const;
        throw error;
      }),
    [reader, userId],
  );
}
