import { Field, Select } from '@zendeskgarden/react-forms';
import { Paragraph } from '@zendeskgarden/react-typography';
import { useMemo, useState, type FormEvent } from 'react';
import styled from 'styled-components';
import { sendTest } from '../../../../app/testSends/testSend';
import { sampleRecipients } from '../../../../core/campaign/plan';
import { isUsable, normalizePhone } from '../../../../core/phone/normalizePhone';
import { seededRandom } from '../../../../core/random/seededRandom';
import type { PlannedSend } from '../../../../store/audiencePlanner';
import type { HeraldSettings } from '../../../../core/settings/settings';
import { useI18n } from '../../../i18n/I18nProvider';
import { useAppContext } from '../../../herald';
import { TestPhoneField, TestSendResult, useTestAttempt } from '../../TestSendControls';
import type { WizardData } from '../useWizardData';

const Form = styled.form`
  display: flex;
  flex-direction: column;
  gap: ${(p) => p.theme.space.md};
  max-width: 520px;
`;

interface TestSendStepProps {
  data: WizardData;
  settings: HeraldSettings;
  planned: PlannedSend | undefined;
  /** A phone to start from: the agent's own, when their Zendesk profile has one. */
  ownPhone: string | undefined;
  onSent: () => void;
}

/** Step 6: the real message, rendered for one recipient of the plan, sent to a phone of your choice. */
export function TestSendStep({ data, settings, planned, ownPhone, onSent }: TestSendStepProps) {
  const { t } = useI18n();
  const context = useAppContext();
  const [phone, setPhone] = useState(ownPhone ?? '');
  const [renderAs, setRenderAs] = useState(0);
  const { attempt, run } = useTestAttempt();
  // A handful of recipients to render for, the same ones for as long as the plan stays.
  const samples = useMemo(() => (planned ? sampleRecipients(planned.plan, 5, seededRandom(Math.imul(planned.plan.recipients.size, 2654435761))) : []), [planned]);
  if (!data.entry || !data.integration || !data.offer) return <Paragraph>{t('campaigns.wizard.channel.needsTemplate')}</Paragraph>;
  if (!planned) return <Paragraph>{t('campaigns.wizard.test.needsPlan')}</Paragraph>;
  if (samples.length === 0) return <Paragraph>{t('campaigns.wizard.test.noRecipient')}</Paragraph>;
  const { entry, integration, slots } = data;
  const template = data.offer.template;
  const checked = normalizePhone(phone, settings.defaultCountry);
  const valid = isUsable(checked);

  const send = async (event: FormEvent) => {
    event.preventDefault();
    const model = samples[renderAs] ?? samples[0]!;
    if (!isUsable(checked)) return;
    const sent = await run(() => sendTest(context, { place: 'wizard', phone, message: { integration, template, entry, slots }, values: model.values, model }));
    if (sent?.outcome.kind === 'sent') onSent();
  };

  return (
    <Form onSubmit={(event) => void send(event)} noValidate>
      <Paragraph>{t('campaigns.wizard.test.intro')}</Paragraph>
      <TestPhoneField label={t('campaigns.wizard.test.phone')} phone={phone} valid={valid} onChange={setPhone} />
      <Field>
        <Field.Label>{t('campaigns.wizard.test.renderAs')}</Field.Label>
        <Field.Hint>{t('campaigns.wizard.test.renderAsHint')}</Field.Hint>
        <Select value={String(renderAs)} onChange={(event) => setRenderAs(Number(event.target.value))}>
          {samples.map((sample, index) => (
            <option key={sample.userId} value={index}>
              {t('campaigns.wizard.test.sampleOption', { user: String(sample.userId), values: sample.values.join(' · ') || '—' })}
            </option>
          ))}
        </Select>
      </Field>
      <TestSendResult attempt={attempt} disabled={!valid} />
    </Form>
  );
}
