import { Button } from '@zendeskgarden/react-buttons';
import { Field, Fieldset, Input, Radio } from '@zendeskgarden/react-forms';
import { Alert, Paragraph as AlertText } from '@zendeskgarden/react-notifications';
import { MD, Paragraph } from '@zendeskgarden/react-typography';
import { useState } from 'react';
import styled from 'styled-components';
import { needsTypedConfirmation, typedCountMatches } from '../../../../core/campaign/confirmation';
import { estimateCost } from '../../../../core/campaign/cost';
import { estimateDuration } from '../../../../core/campaign/duration';
import type { CampaignPermissions } from '../../../../core/campaign/permissions';
import { renderRecipientContent } from '../../../../core/campaign/render';
import { sendingPlaces } from '../../../../core/campaign/pageActions';
import type { SendingPlace } from '../../../../core/campaign/runPresence';
import { checkScheduleTime, wallClockToInstant } from '../../../../core/campaign/schedule';
import { formatPhoneForDisplay } from '../../../../core/phone/formatPhone';
import { smsPreview } from '../../../../core/template/preview';
import type { PlannedSend } from '../../../../store/audiencePlanner';
import type { HeraldSettings } from '../../../../core/settings/settings';
import { formatMinimumDuration } from '../../../audiences/formatDuration';
import { CampaignStoreFailure } from '../../CampaignStoreFailure';
import { DefinitionList } from '../../../components/DefinitionList';
import { heraldServiceConnected, useHeraldService } from '../../../hooks/useHeraldService';
import { useI18n } from '../../../i18n/I18nProvider';
import { SendingPlaceChoice } from '../../SendingPlaceChoice';
import { languageName } from '../../../templates/languageName';
import { TemplatePreview } from '../../../templates/TemplatePreview';
import type { WizardData } from '../useWizardData';
import type { WizardChoices } from '../wizardState';
import { channelName } from '../../../components/channelName';
import { costTotalText } from '../../../audiences/costTotal';

const Layout = styled.div`
  display: grid;
  grid-template-columns: minmax(320px, 3fr) minmax(260px, 2fr);
  gap: ${(p) => p.theme.space.lg};
  align-items: start;
`;

/** When it starts, and where from (the person's choice, or this browser when no Herald service is connected). */
export type LaunchRequest = ({ when: 'now' } | { when: 'later'; at: number }) & { from: SendingPlace };

interface ConfirmStepProps {
  data: WizardData;
  choices: WizardChoices;
  planned: PlannedSend | undefined;
  settings: HeraldSettings;
  permissions: CampaignPermissions;
  launching: boolean;
  launchError: unknown;
  onLaunch: (request: LaunchRequest) => void;
  /** Herald's custom objects were created after a launch failed for their lack. */
  onSetUp: () => void;
}

/** Step 7: everything the send will do, in one place, and the launch (or the schedule). */
export function ConfirmStep({ data, choices, planned, settings, permissions, launching, launchError, onLaunch, onSetUp }: ConfirmStepProps) {
  const { t, locale, formatNumber, formatDateTime } = useI18n();
  const [typed, setTyped] = useState('');
  const [when, setWhen] = useState<'now' | 'later'>('now');
  const [later, setLater] = useState('');
  const service = useHeraldService();
  const places = sendingPlaces(heraldServiceConnected(service));
  // The service by default while it is connected; this browser alone otherwise (also if it went away since it was chosen).
  const [chosenPlace, setChosenPlace] = useState<SendingPlace>();
  const from = chosenPlace !== undefined && places.includes(chosenPlace) ? chosenPlace : places[0]!;
  // The time the schedule was last checked against (set with the input: no clock reading while rendering).
  const [checkedAt, setCheckedAt] = useState(() => Date.now());
  const { entry, integration, offer, slots } = data;
  if (!entry || !integration || !offer) return <Paragraph>{t('campaigns.wizard.channel.needsTemplate')}</Paragraph>;
  if (!planned) return <Paragraph>{t('campaigns.wizard.test.needsPlan')}</Paragraph>;

  const total = planned.plan.recipients.size;
  const cost = estimateCost(planned.plan, settings.rateCard, integration.channel === 'sms' ? smsPreview(entry.content.body).segments : undefined);
  const money = new Intl.NumberFormat(locale, { style: 'currency', currency: cost.currency, maximumFractionDigits: 2 });
  const first = total > 0 ? planned.plan.recipients.at(0) : undefined;
  const sample = first ? renderRecipientContent(entry.content, slots, first.values) : entry.content;
  const askCount = needsTypedConfirmation(total, settings.confirmThreshold);
  const countConfirmed = !askCount || typedCountMatches(typed, total);
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const scheduledAt = when === 'later' && later !== '' ? wallClockToInstant(later, timeZone) : undefined;
  const scheduleCheck = when === 'later' ? checkScheduleTime(scheduledAt, checkedAt) : undefined;
  const scheduleProblem = scheduleCheck && !scheduleCheck.ok ? scheduleCheck.problem : undefined;
  const canLaunch = permissions.send && total > 0 && countConfirmed && scheduleProblem === undefined && !launching;

  const launch = (clickedAt: number) => {
    if (!canLaunch) return;
    // Checked again at the click: the page may have stayed open past the chosen time.
    if (when === 'later' && !checkScheduleTime(scheduledAt, clickedAt).ok) {
      setCheckedAt(clickedAt);
      return;
    }
    onLaunch(when === 'later' && scheduledAt !== undefined ? { when: 'later', at: scheduledAt, from } : { when: 'now', from });
  };

  return (
    <Layout>
      <div>
        <DefinitionList aria-label={t('campaigns.wizard.confirm.summary')}>
          <dt>{t('campaigns.wizard.confirm.name')}</dt>
          <dd>{choices.name}</dd>
          <dt>{t('campaigns.wizard.confirm.template')}</dt>
          <dd>{`${offer.template.name} · ${languageName(offer.template.language, locale)}`}</dd>
          <dt>{t('campaigns.wizard.confirm.channel')}</dt>
          <dd>
            {t('campaigns.wizard.channel.option', {
              name: channelName(t, integration),
              type: t(`channels.type.${integration.type}`),
              number: integration.senderNumber ? formatPhoneForDisplay(integration.senderNumber) : '—',
            })}
          </dd>
          <dt>{t('campaigns.wizard.confirm.audience')}</dt>
          <dd>{t('campaigns.wizard.confirm.audienceValue', { recipients: total, audience: planned.plan.audienceSize })}</dd>
          <dt>{t('campaigns.wizard.confirm.cost')}</dt>
          <dd>{costTotalText(t, money, cost)}</dd>
          <dt>{t('campaigns.wizard.confirm.duration')}</dt>
          <dd>{formatMinimumDuration(estimateDuration(total, settings.sendRate).seconds, t)}</dd>
          <dt>{t('campaigns.wizard.confirm.quietHours')}</dt>
          <dd>{choices.quietHours ? t('campaigns.wizard.confirm.quietValue', { ...choices.quietHours }) : t('campaigns.wizard.confirm.quietNone')}</dd>
        </DefinitionList>

        {askCount && (
          <Field>
            <Field.Label>{t('campaigns.wizard.confirm.typeCount', { count: total })}</Field.Label>
            <Field.Hint>{t('campaigns.wizard.confirm.typeCountHint', { threshold: formatNumber(settings.confirmThreshold) })}</Field.Hint>
            <Input value={typed} onChange={(event) => setTyped(event.target.value)} inputMode="numeric" validation={typed !== '' && !countConfirmed ? 'error' : undefined} />
            {typed !== '' && !countConfirmed && <Field.Message validation="error">{t('campaigns.wizard.confirm.countMismatch')}</Field.Message>}
          </Field>
        )}

        <Fieldset>
          <Fieldset.Legend>{t('campaigns.wizard.confirm.when')}</Fieldset.Legend>
          <Field>
            <Radio name="campaign-when" value="now" checked={when === 'now'} onChange={() => setWhen('now')}>
              <Field.Label>{t('campaigns.wizard.confirm.now')}</Field.Label>
            </Radio>
          </Field>
          <Field>
            <Radio name="campaign-when" value="later" checked={when === 'later'} onChange={() => setWhen('later')}>
              <Field.Label>{t('campaigns.wizard.confirm.later')}</Field.Label>
            </Radio>
          </Field>
          {when === 'later' && (
            <Field>
              <Field.Label>{t('campaigns.wizard.confirm.startAt', { timeZone })}</Field.Label>
              <Input type="datetime-local" value={later} onChange={(event) => {
                  setLater(event.target.value);
                  setCheckedAt(Date.now());
                }} validation={scheduleProblem && later !== '' ? 'error' : undefined} />
              {scheduleProblem && later !== '' && <Field.Message validation="error">{t(`errors.schedule.${scheduleProblem}`)}</Field.Message>}
              {scheduledAt !== undefined && !scheduleProblem && <Field.Hint>{t('campaigns.wizard.confirm.startsAt', { at: formatDateTime(scheduledAt) })}</Field.Hint>}
            </Field>
          )}
        </Fieldset>
        {/* Nothing said about the service until it is known whether it runs. */}
        <SendingPlaceChoice name="campaign-place" places={places} value={from} onChange={setChosenPlace} explainAlone={service.status !== 'loading'} />

        {!permissions.send && (
          <Alert type="info" role="status">
            <AlertText>{t('campaigns.wizard.confirm.noSendRight')}</AlertText>
          </Alert>
        )}
        {total === 0 && <Paragraph role="status">{t('campaigns.wizard.confirm.nobody')}</Paragraph>}
        {Boolean(launchError) && <CampaignStoreFailure error={launchError} title={t('campaigns.wizard.confirm.launchFailed')} onSetUp={onSetUp} />}
        <div>
          <Button isPrimary onClick={() => launch(Date.now())} disabled={!canLaunch}>
            {t(when === 'later' ? 'campaigns.wizard.confirm.schedule' : 'campaigns.wizard.confirm.launch', { count: total })}
          </Button>
        </div>
      </div>
      <div>
        <MD tag="h3" isBold>
          {t('campaigns.wizard.confirm.sample')}
        </MD>
        <TemplatePreview content={sample} initial={entry.channel === 'sms' ? 'sms' : 'whatsapp'} />
      </div>
    </Layout>
  );
}
