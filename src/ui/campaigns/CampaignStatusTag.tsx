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

/** A campaign's status; one that is sending with nobody sending it (`interrupted`) says so rather than "Sending". */
export function CampaignStatusTag({ status, interrupted = false }: { status: CampaignStatus; interrupted?: boolean }) {
  const { t } = useI18n();
  if (interrupted && status === 'running') return <Tag hue="orange">{t('campaigns.status.interrupted')}</Tag>;
  return <Tag hue={HUE[status]}>{t(`campaigns.status.${status}`)}</Tag>;
}
