import { Tag } from '@zendeskgarden/react-tags';
import type { CatalogueStatus } from '../../core/template/catalogue';
import { useI18n } from '../i18n/I18nProvider';

const HUE: Record<CatalogueStatus, string> = {
  APPROVED: 'successHue',
  READY: 'successHue',
  PENDING: 'warningHue',
  REJECTED: 'dangerHue',
  PAUSED: 'orange',
  DISABLED: 'grey',
};

export function StatusTag({ status, source }: { status: CatalogueStatus; source?: string }) {
  const { t } = useI18n();
  const label = t(`templates.status.${status}`);
  return <Tag hue={HUE[status]}>{source ? t('templates.statusAt', { source, status: label }) : label}</Tag>;
}
