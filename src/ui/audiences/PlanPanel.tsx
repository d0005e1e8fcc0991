import { Button } from '@zendeskgarden/react-buttons';
import { Field, Select } from '@zendeskgarden/react-forms';
import { Paragraph } from '@zendeskgarden/react-typography';
import type { MessagingIntegration } from '../../api/sunshine/integrations';
import { estimateCost } from '../../core/campaign/cost';
import { listUserFields } from '../../app/audience/audience';
import { offersOn } from '../../core/campaign/templateChoice';
import { tierCheck } from '../../core/campaign/tier';
import { smsPreview } from '../../core/template/preview';
import type { HeraldSettings } from '../../core/settings/settings';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { useAsync } from '../hooks/useAsync';
import { useI18n } from '../i18n/I18nProvider';
import { useHerald } from '../herald';
import { languageName } from '../templates/languageName';
import { useTemplateChoice } from '../templates/useTemplateChoice';
import { MappingEditor } from './MappingEditor';
import { PlanProgress } from './PlanProgress';
import { PlanView } from './PlanView';
import { usePlanRun } from './usePlanRun';
import { channelName } from '../components/channelName';

interface PlanPanelProps {
  channels: readonly MessagingIntegration[];
  /** The checked query and how many users it matched (the progress bar's total). */
  audience: { query: string; count: number } | undefined;
  settings: HeraldSettings;
}

/** The channel, the template, the mapping of its placeholders, then the send plan for the audience. */
export function PlanPanel({ channels, audience, settings }: PlanPanelProps) {
  const query = audience?.query;
  const { t, locale } = useI18n();
  const { base } = useHerald();
  // The channel comes first here: the templates offered are those it can send.
  const choice = useTemplateChoice(channels, { ticketAvailable: false });
  const fields = useAsync(() => listUserFields(base), [base]);
  const { run, start, cancel } = usePlanRun();
  const { catalogue, offer, entry, slots, problems } = choice;
  const { integrationId, templateKey, mappings } = choice.choice;

  const active = channels.filter((channel) => channel.status === 'active');
  const integration = active.find((channel) => channel.id === integrationId);
  const options = integration ? offersOn(choice.offers, integration.id) : [];
  const chosen = offer && entry ? { template: offer.template, entry } : undefined;
  const canPlan = query !== undefined && chosen !== undefined && problems.length === 0 && run.status !== 'running';

  const plan = () => {
    if (!chosen || query === undefined || !integration) return;
    void start({
      query,
      template: { name: chosen.template.name, language: chosen.template.language, category: chosen.entry.category, channel: integration.channel },
      content: chosen.entry.content,
      mappings,
      contact: settings,
      blackoutDays: settings.blackoutDays,
    });
  };


  return (
    <>
      {query === undefined ? <Paragraph>{t('plan.needsQuery')}</Paragraph> : <Paragraph>{t('plan.forQuery', { query })}</Paragraph>}
      <Field>
        <Field.Label>{t('plan.channel')}</Field.Label>
        <Select value={integrationId ?? ''} onChange={(event) => choice.chooseIntegration(event.target.value || undefined)}>
          <option value="">{t('plan.chooseChannel')}</option>
          {active.map((channel) => (
            <option key={channel.id} value={channel.id}>
              {`${channelName(t, channel)} · ${t(`channels.type.${channel.type}`)}`}
            </option>
          ))}
        </Select>
      </Field>
      {catalogue.status === 'loading' && integration && <Loading label={t('templates.loading')} />}
      {catalogue.status === 'error' && <ErrorNotice error={catalogue.error} title={t('templates.failed')} onRetry={catalogue.reload} />}
      {integration && catalogue.status === 'success' && (
        <Field>
          <Field.Label>{t('plan.template')}</Field.Label>
          <Field.Hint>{t(integration.channel === 'sms' ? 'plan.templateHintSms' : 'plan.templateHintWhatsapp')}</Field.Hint>
          <Select value={templateKey ?? ''} onChange={(event) => choice.chooseTemplate(event.target.value || undefined)}>
            <option value="">{options.length === 0 ? t('plan.noTemplate') : t('plan.chooseTemplate')}</option>
            {options.map((option) => (
              <option key={option.template.key} value={option.template.key}>
                {`${option.template.name} · ${languageName(option.template.language, locale)}`}
              </option>
            ))}
          </Select>
        </Field>
      )}
      {chosen && (
        <MappingEditor content={chosen.entry.content} slots={slots} mappings={mappings} onChange={choice.setMappings} customFields={fields.data ?? []} problems={problems} />
      )}
      <div>
        <Button isPrimary onClick={plan} disabled={!canPlan}>
          {t('plan.build')}
        </Button>
      </div>
      <PlanProgress run={run} expected={audience?.count} onCancel={cancel} />
      {run.status === 'failed' && <ErrorNotice error={run.error} title={t('plan.failed')} onRetry={plan} />}
      {run.status === 'done' && chosen && (
        <PlanView
          planned={run.result}
          content={chosen.entry.content}
          slots={slots}
          cost={estimateCost(run.result.plan, settings.rateCard, integration?.channel === 'sms' ? smsPreview(chosen.entry.content.body).segments : undefined)}
          tier={tierCheck(run.result.plan.recipients.size, settings.messagingTier)}
          sendRate={settings.sendRate}
        />
      )}
    </>
  );
}
