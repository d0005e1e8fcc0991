import { Paragraph } from '@zendeskgarden/react-typography';
import { EmptyState } from '../components/EmptyState';
import { Section } from '../components/Section';
import { useI18n } from '../i18n/I18nProvider';
import type { ChannelsState } from './ChannelsBlock';
import { ChannelsBlock } from './ChannelsBlock';

export function TemplatesSection({ channels }: { channels: ChannelsState }) {
  const { t } = useI18n();
  const whatsapp = channels.data?.filter((channel) => channel.channel === 'whatsapp').length ?? 0;
  const sms = channels.data?.filter((channel) => channel.channel === 'sms').length ?? 0;
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
