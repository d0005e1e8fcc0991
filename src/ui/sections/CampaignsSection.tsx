import { EmptyState } from '../components/EmptyState';
import { Section } from '../components/Section';
import { useI18n } from '../i18n/I18nProvider';
import { ChannelsBlock, type ChannelsState } from './ChannelsBlock';

export function CampaignsSection({ channels }: { channels: ChannelsState }) {
  const { t } = useI18n();
  return (
    <>
      <Section title={t('campaigns.title')} intro={t('campaigns.intro')}>
        <EmptyState title={t('campaigns.empty')}>{t('campaigns.emptyHelp')}</EmptyState>
      </Section>
      <Section title={t('channels.title')} intro={t('channels.intro')} level={3}>
        <ChannelsBlock channels={channels} />
      </Section>
    </>
  );
}
