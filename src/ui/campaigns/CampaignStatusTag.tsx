import { Tag } from '@zendeskgarden/react-tags';
import type { CampaignStatus } from '../../store/campaigns';
import { useI18n } from '../i18n/I18nProvider';

const HUE: Record<CampaignStatus, string> = {
  draft: 'grey',
  scheduled: 'blue',
  running: 'green',
  paused: 'yellow',
  completed: 'grey',
  cancelled: 'red',
};

export function CampaignStatusTag({ status }: { status: CampaignStatus }) {
  const { t } = useI18n();
  return <Tag hue={HUE[status]}>{t(`campaigns.status.${status}`)}</Tag>;
}
