import type { MessagingIntegration } from '../../api/sunshine/integrations';
import { ChannelsTable } from '../components/ChannelsTable';
import { EmptyState } from '../components/EmptyState';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import type { AsyncState } from '../hooks/useAsync';
import { useI18n } from '../i18n/I18nProvider';
import { Paragraph } from '@zendeskgarden/react-typography';

export type ChannelsState = AsyncState<MessagingIntegration[] | undefined> & { reload: () => void };

/** The channels list in each of its states: not configured, loading, failed, empty, listed. */
export function ChannelsBlock({ channels }: { channels: ChannelsState }) {
  const { t } = useI18n();
  if (channels.status === 'loading') return <Loading label={t('channels.loading')} />;
  if (channels.status === 'error') return <ErrorNotice error={channels.error} title={t('channels.failed')} onRetry={channels.reload} />;
  if (channels.data === undefined) return <Paragraph>{t('channels.needsSettings')}</Paragraph>;
  if (channels.data.length === 0) return <EmptyState title={t('channels.none')}>{t('channels.noneHelp')}</EmptyState>;
  return <ChannelsTable integrations={channels.data} caption={t('channels.caption')} />;
}
