import { Button } from '@zendeskgarden/react-buttons';
import { Checkbox, Field, Fieldset, Hint, Input } from '@zendeskgarden/react-forms';
import { Paragraph } from '@zendeskgarden/react-typography';
import { useRef } from 'react';
import styled from 'styled-components';
import { estimateCost } from '../../../../core/campaign/cost';
import { tierCheck } from '../../../../core/campaign/tier';
import type { QuietHours } from '../../../../core/sending/quietHours';
import { smsPreview } from '../../../../core/template/preview';
import type { HeraldSettings } from '../../../../core/settings/settings';
import { PlanProgress } from '../../../audiences/PlanProgress';
import { PlanView } from '../../../audiences/PlanView';
import type { PlanRun } from '../../../audiences/usePlanRun';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { useFocusRescue } from '../../../hooks/useFocusRescue';
import { useI18n } from '../../../i18n/I18nProvider';
import type { WizardData } from '../useWizardData';
import { DEFAULT_QUIET_HOURS } from '../wizardState';

const Times = styled.div`
  display: flex;
  gap: ${(p) => p.theme.space.md};
`;

interface PlanStepProps {
  data: WizardData;
  settings: HeraldSettings;
  run: PlanRun;
  /** The plan shown was built for other choices: it must be built again. */
  stale: boolean;
  expected: number | undefined;
  quietHours: QuietHours | null;
  onQuietHours: (quietHours: QuietHours | null) => void;
  onBuild: () => void;
  onCancel: () => void;
}

/** Step 5: the send plan, built from the audience as it is now, and the quiet-hours option. */
export function PlanStep({ data, settings, run, stale, expected, quietHours, onQuietHours, onBuild, onCancel }: PlanStepProps) {
  const { t } = useI18n();
  // The button is disabled while the plan is built: once it is done, the button has the focus again.
  const build = useRef<HTMLButtonElement>(null);
  useFocusRescue(build, run.status);
  const { entry, integration } = data;
  if (!entry || !integration) return <Paragraph>{t('campaigns.wizard.channel.needsTemplate')}</Paragraph>;
  return (
    <>
      <Fieldset>
        <Fieldset.Legend>{t('campaigns.wizard.plan.quietLegend')}</Fieldset.Legend>
        <Field>
          <Checkbox checked={quietHours !== null} onChange={(event) => onQuietHours(event.target.checked ? DEFAULT_QUIET_HOURS : null)}>
            <Field.Label>{t('campaigns.wizard.plan.quietToggle')}</Field.Label>
            <Hint>{t('campaigns.wizard.plan.quietHint')}</Hint>
          </Checkbox>
        </Field>
        {quietHours && (
          <Times>
            <Field>
              <Field.Label>{t('campaigns.wizard.plan.quietStart')}</Field.Label>
              <Input type="time" value={quietHours.start} onChange={(event) => event.target.value && onQuietHours({ ...quietHours, start: event.target.value })} />
            </Field>
            <Field>
              <Field.Label>{t('campaigns.wizard.plan.quietEnd')}</Field.Label>
              <Input type="time" value={quietHours.end} onChange={(event) => event.target.value && onQuietHours({ ...quietHours, end: event.target.value })} />
            </Field>
          </Times>
        )}
      </Fieldset>
      <div>
        <Button ref={build} isPrimary onClick={onBuild} disabled={run.status === 'running'}>
          {t(run.status === 'done' ? 'campaigns.wizard.plan.rebuild' : 'plan.build')}
        </Button>
      </div>
      {stale && run.status === 'done' && <Paragraph role="status">{t('campaigns.wizard.plan.stale')}</Paragraph>}
      <PlanProgress run={run} expected={expected} onCancel={onCancel} />
      {run.status === 'failed' && <ErrorNotice error={run.error} title={t('plan.failed')} onRetry={onBuild} />}
      {run.status === 'done' && !stale && (
        <PlanView
          planned={run.result}
          content={entry.content}
          slots={data.slots}
          cost={estimateCost(run.result.plan, settings.rateCard, integration.channel === 'sms' ? smsPreview(entry.content.body).segments : undefined)}
          tier={tierCheck(run.result.plan.recipients.size, settings.messagingTier)}
          sendRate={settings.sendRate}
        />
      )}
    </>
  );
}
