import { Button } from '@zendeskgarden/react-buttons';
import { Field, Input } from '@zendeskgarden/react-forms';
import { LG, Paragraph, SM } from '@zendeskgarden/react-typography';
import { useEffect, useId, useRef, useState } from 'react';
import styled from 'styled-components';
import { getColor } from '@zendeskgarden/react-theming';
import type { MessagingIntegration } from '../../../api/sunshine/integrations';
import { launchCampaign, type LaunchStage } from '../../../app/campaigns/launch';
import type { HeraldSettings } from '../../../core/settings/settings';
import { usePlanRun } from '../../audiences/usePlanRun';
import { CampaignStoreFailure } from '../CampaignStoreFailure';
import { useFocusRescue } from '../../hooks/useFocusRescue';
import { useI18n } from '../../i18n/I18nProvider';
import { useAppContext, useHerald } from '../../herald';
import { useCampaignRuns } from '../useCampaignActions';
import { AudienceStep } from './steps/AudienceStep';
import { ChannelStep } from './steps/ChannelStep';
import { ConfirmStep, type LaunchRequest } from './steps/ConfirmStep';
import { MappingStep } from './steps/MappingStep';
import { PlanStep } from './steps/PlanStep';
import { TemplateStep } from './steps/TemplateStep';
import { TestSendStep } from './steps/TestSendStep';
import { draftChoicesOf, useCampaignDraft } from './useCampaignDraft';
import { useWizardData } from './useWizardData';
import { WIZARD_STEPS, type WizardChoices, type WizardStart, type WizardStep } from './wizardState';

const Steps = styled.ol`
  display: flex;
  flex-wrap: wrap;
  gap: ${(p) => p.theme.space.xs};
  list-style: none;
  margin: 0;
  padding: 0;
`;

const Footer = styled.div`
  display: flex;
  flex-wrap: wrap;
  gap: ${(p) => p.theme.space.sm};
  align-items: center;
  border-top: 1px solid ${(p) => getColor({ theme: p.theme, variable: 'border.subtle' })};
  padding-top: ${(p) => p.theme.space.md};
`;

const Panel = styled.section`
  display: flex;
  flex-direction: column;
  gap: ${(p) => p.theme.space.md};
`;

type Launch = { status: 'idle' } | { status: 'running'; stage: LaunchStage } | { status: 'failed'; error: unknown };

interface CampaignWizardProps {
  channels: readonly MessagingIntegration[];
  settings: HeraldSettings;
  initial: WizardStart;
  onClose: () => void;
  /** The campaign was launched (or scheduled): its page takes over. */
  onLaunched: (campaignId: string) => void;
}

/** From a template to a launched campaign, one step at a time; every step can be revisited. */
export function CampaignWizard({ channels, settings, initial, onClose, onLaunched }: CampaignWizardProps) {
  const { t, formatDateTime } = useI18n();
  const context = useAppContext();
  const { rights: permissions } = useHerald();
  const engine = useCampaignRuns();
  const [choices, setChoices] = useState(initial.choices);
  const [step, setStep] = useState<WizardStep>(initial.step);
  // The control used to change the step may be gone (Next on the last step): the new step's title takes the focus.
  const [stepFocus, setStepFocus] = useState(0);
  const title = useRef<HTMLHeadingElement>(null);
  const stepTitleId = useId();
  const stepTitle = useRef<HTMLHeadingElement>(null);
  // The wizard replaces the list, and the button that opened it: its title has the focus.
  useEffect(() => title.current?.focus(), []);
  useEffect(() => {
    if (stepFocus) stepTitle.current?.focus();
  }, [stepFocus]);
  const [tested, setTested] = useState(false);
  const [launch, setLaunch] = useState<Launch>({ status: 'idle' });
  const data = useWizardData(channels, initial);
  const { run, start, cancel } = usePlanRun();
  const [plannedFor, setPlannedFor] = useState<string | undefined>();
  const draft = useCampaignDraft();
  // Save draft is disabled while it saves, the launch button while it launches: then the focus comes back.
  const saveButton = useRef<HTMLButtonElement>(null);
  useFocusRescue(saveButton, draft.save.status);
  useFocusRescue(stepTitle, launch.status);

  // The plan holds for the choices it was built from; quiet hours only change when messages go.
  const planKey = JSON.stringify([data.choice.templateKey, data.choice.integrationId, choices.query, data.choice.mappings]);
  const planned = run.status === 'done' && plannedFor === planKey ? run.result : undefined;

  const goTo = (target: WizardStep) => {
    setStep(target);
    setStepFocus((count) => count + 1);
  };

  const update = (changes: Partial<WizardChoices>) => setChoices((current) => ({ ...current, ...changes }));

  const ready: Record<WizardStep, boolean> = {
    template: Boolean(data.offer),
    channel: Boolean(data.entry),
    audience: Boolean(choices.query),
    mapping: Boolean(data.entry) && data.problems.length === 0,
    plan: Boolean(planned),
    test: Boolean(planned),
    confirm: false,
  };
  const index = WIZARD_STEPS.indexOf(step);
  const reachable = (target: WizardStep) => WIZARD_STEPS.slice(0, WIZARD_STEPS.indexOf(target)).every((earlier) => ready[earlier]);

  const buildPlan = () => {
    const { offer, integration, entry } = data;
    if (!offer || !integration || !entry || !choices.query) return;
    setPlannedFor(planKey);
    void start({
      query: choices.query,
      template: { name: offer.template.name, language: offer.template.language, category: entry.category, channel: integration.channel },
      content: entry.content,
      mappings: data.choice.mappings,
      contact: settings,
      blackoutDays: settings.blackoutDays,
    });
  };

  const saveDraft = async () => {
    const id = await draft.saveDraft(choices, data).catch(() => undefined);
    if (id) update({ campaignId: id });
  };

  const doLaunch = async (request: LaunchRequest) => {
    const chosen = draftChoicesOf(choices, data);
    if (!planned || !chosen) return;
    setLaunch({ status: 'running', stage: 'saving' });
    try {
      const id = await launchCampaign(context, await engine.deps(), chosen, planned.plan.recipients, request, {
        onStage: (stage) => setLaunch({ status: 'running', stage }),
        onSaved: (campaignId) => update({ campaignId }),
      });
      onLaunched(id);
    } catch (error) {
      setLaunch({ status: 'failed', error });
    }
  };

  return (
    <Panel aria-label={t('campaigns.wizard.title')}>
      <LG tag="h2" isBold ref={title} tabIndex={-1}>
        {choices.campaignId ? t('campaigns.wizard.titleDraft', { name: choices.name }) : t('campaigns.wizard.title')}
      </LG>
      <Field>
        <Field.Label>{t('campaigns.wizard.name')}</Field.Label>
        <Input value={choices.name} onChange={(event) => update({ name: event.target.value })} maxLength={120} />
      </Field>
      <nav aria-label={t('campaigns.wizard.steps')}>
        <Steps>
          {WIZARD_STEPS.map((candidate, position) => (
            <li key={candidate}>
              <Button
                size="small"
                isPrimary={candidate === step}
                isBasic={candidate !== step}
                aria-current={candidate === step ? 'step' : undefined}
                disabled={!reachable(candidate)}
                onClick={() => goTo(candidate)}
              >
                {t('campaigns.wizard.stepLabel', { number: position + 1, name: t(`campaigns.wizard.step.${candidate}`) })}
              </Button>
            </li>
          ))}
        </Steps>
      </nav>

      <Panel aria-labelledby={stepTitleId}>
        <LG tag="h3" id={stepTitleId} ref={stepTitle} tabIndex={-1}>
          {t('campaigns.wizard.stepHeading', { number: index + 1, total: WIZARD_STEPS.length, name: t(`campaigns.wizard.step.${step}`) })}
        </LG>
        {step === 'template' && <TemplateStep data={data} templateKey={data.choice.templateKey} onChoose={data.chooseTemplate} />}
        {step === 'channel' && <ChannelStep data={data} integrationId={data.choice.integrationId} onChoose={data.chooseIntegration} />}
        {step === 'audience' && (
          <AudienceStep settings={settings} query={choices.query} queryCount={choices.queryCount} onChecked={(query, queryCount) => update({ query, queryCount })} />
        )}
        {step === 'mapping' && <MappingStep data={data} mappings={data.choice.mappings} onChange={data.setMappings} />}
        {step === 'plan' && (
          <PlanStep
            data={data}
            settings={settings}
            run={run}
            stale={run.status === 'done' && !planned}
            expected={choices.queryCount}
            quietHours={choices.quietHours}
            onQuietHours={(quietHours) => update({ quietHours })}
            onBuild={buildPlan}
            onCancel={cancel}
          />
        )}
        {step === 'test' && <TestSendStep data={data} settings={settings} planned={planned} ownPhone={undefined} onSent={() => setTested(true)} />}
        {step === 'confirm' && (
          <>
            {!tested && <Paragraph role="status">{t('campaigns.wizard.confirm.untested')}</Paragraph>}
            <ConfirmStep
              data={data}
              choices={choices}
              planned={planned}
              settings={settings}
              permissions={permissions}
              launching={launch.status === 'running'}
              launchError={launch.status === 'failed' ? launch.error : undefined}
              onLaunch={(request) => void doLaunch(request)}
              onSetUp={() => setLaunch({ status: 'idle' })}
            />
            {launch.status === 'running' && <Paragraph role="status">{t(`campaigns.wizard.launch.${launch.stage}`)}</Paragraph>}
          </>
        )}
      </Panel>

      <Footer>
        <Button onClick={() => goTo(WIZARD_STEPS[index - 1]!)} disabled={index === 0}>
          {t('campaigns.wizard.back')}
        </Button>
        {step !== 'confirm' && (
          <Button isPrimary onClick={() => goTo(WIZARD_STEPS[index + 1]!)} disabled={!ready[step]}>
            {t('campaigns.wizard.next')}
          </Button>
        )}
        <Button ref={saveButton} isBasic onClick={() => void saveDraft()} disabled={!data.entry || draft.save.status === 'saving' || !permissions.draft}>
          {t('campaigns.wizard.saveDraft')}
        </Button>
        <Button isBasic onClick={onClose}>
          {t('campaigns.wizard.close')}
        </Button>
        {draft.save.status === 'saved' && <SM role="status">{t('campaigns.wizard.saved', { at: formatDateTime(draft.save.at) })}</SM>}
        {/* Someone who may not prepare campaigns may look through a draft: why it cannot be saved. */}
        {!permissions.draft && <SM>{t('campaigns.noDraftRight')}</SM>}
      </Footer>
      {draft.save.status === 'failed' && <CampaignStoreFailure error={draft.save.error} title={t('campaigns.wizard.saveFailed')} onSetUp={() => void saveDraft()} />}
    </Panel>
  );
}
