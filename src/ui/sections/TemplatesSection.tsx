import { Paragraph } from '@zendeskgarden/react-typography';
import { countByChannel } from '../../api/sunshine/integrations';
import { EmptyState } from '../components/EmptyState';
import { Section } from '../components/Section';
import { useI18n } from '../i18n/I18nProvider';
import { ChannelsBlock, type ChannelsState } from './ChannelsBlock';

export function TemplatesSection({ channels }: { channels: ChannelsState }) {
  const { t } = useI18n();
  const { whatsapp, sms } = countByChannel(channels.data ?? []);
  return (
    <Section title={t('templates.title')} intro={t('templates.intro')}>
      {channels.status === 'success' && channels.data && (
        <Paragraph aria-live="polite">{`${t('templates.whatsappSources', { count: whatsapp })} ${t('templates.smsSources', { count: sms })}`}</Paragraph>
      )}
      <EmptyState title={t('templates.catalogueUnavailable')}>{t('templates.catalogueUnavailableHelp')}</EmptyState>
      <ChannelsBlock channels={channels} />
    </Section>
  );
}
