import { MD } from '@zendeskgarden/react-typography';
import type { CampaignRecord } from '../../store/campaigns';
import { listUserFields } from '../../app/audience/audience';
import { listChannels } from '../../app/templates/templates';
import { mappingLine } from '../audiences/mappingWords';
import { channelName } from '../components/channelName';
import { useAppContext } from '../herald';
import { useAsync } from '../hooks/useAsync';
import { DefinitionList } from '../components/DefinitionList';
import { useI18n } from '../i18n/I18nProvider';
import { languageName } from '../templates/languageName';

/** Who made the campaign and what it sends: the record a team looks back on. */
export function CampaignDetails({ campaign }: { campaign: CampaignRecord }) {
  const { t, locale, formatDateTime } = useI18n();
  const { definition } = campaign;
  const when = (time: number | null) => (time === null ? '—' : formatDateTime(time));
  const context = useAppContext();
  // The channel and the custom fields by their names; until they are read (or if they cannot be), a plain word.
  const channels = useAsync(() => listChannels(context), [context]);
  const fields = useAsync(() => listUserFields(context), [context]);
  const integration = channels.data?.find((candidate) => candidate.id === campaign.integrationId);
  // Gone only when the channels were read and it is not among them (a refused key reads none).
  const channel = integration ? channelName(t, integration) : channels.status === 'success' ? t('campaigns.details.channelGone') : channels.status === 'loading' ? '…' : '—';
  const mapping = campaign.definition.slots.map((slot, index) => mappingLine(t, slot, definition.mappings[index], fields.data ?? []));
  return (
    <section aria-label={t('campaigns.details.title')}>
      <MD tag="h3" isBold>
        {t('campaigns.details.title')}
      </MD>
      <DefinitionList>
        <dt>{t('campaigns.details.template')}</dt>
        <dd>{`${campaign.templateName} · ${languageName(campaign.templateLanguage, locale)}`}</dd>
        <dt>{t('campaigns.details.channel')}</dt>
        <dd>{`${t(`campaigns.channel.${campaign.channel}`)} · ${channel}`}</dd>
        <dt>{t('campaigns.details.query')}</dt>
        <dd>{campaign.query || '—'}</dd>
        <dt>{t('campaigns.details.mapping')}</dt>
        <dd>{mapping.length > 0 ? mapping.join(' · ') : '—'}</dd>
        <dt>{t('campaigns.details.quietHours')}</dt>
        <dd>{definition.quietHours ? t('campaigns.wizard.confirm.quietValue', { ...definition.quietHours }) : t('campaigns.wizard.confirm.quietNone')}</dd>
        <dt>{t('campaigns.details.rate')}</dt>
        <dd>{t('campaigns.details.rateValue', { count: definition.ratePerSecond })}</dd>
        <dt>{t('campaigns.details.createdBy')}</dt>
        <dd>{campaign.createdByName ?? (campaign.createdBy === null ? '—' : `#${campaign.createdBy}`)}</dd>
        <dt>{t('campaigns.details.launchedBy')}</dt>
        <dd>{campaign.launchedByName ?? (campaign.launchedBy === null ? '—' : `#${campaign.launchedBy}`)}</dd>
        <dt>{t('campaigns.details.startedAt')}</dt>
        <dd>{when(campaign.startedAt)}</dd>
        <dt>{t('campaigns.details.finishedAt')}</dt>
        <dd>{when(campaign.finishedAt)}</dd>
        {campaign.followUpOf && (
          <>
            <dt>{t('campaigns.details.followUpOf')}</dt>
            <dd>{campaign.followUpOf}</dd>
          </>
        )}
      </DefinitionList>
    </section>
  );
}
