import { Button } from '@zendeskgarden/react-buttons';
import { Field, Input, Select } from '@zendeskgarden/react-forms';
import { Alert, Paragraph as AlertText } from '@zendeskgarden/react-notifications';
import { Paragraph } from '@zendeskgarden/react-typography';
import { useMemo, useRef, useState, type FormEvent } from 'react';
import styled from 'styled-components';
import { CampaignNotificationSender } from '../../../../api/sunshine/notificationSender';
import { NotificationsClient } from '../../../../api/sunshine/notifications';
import { sampleRecipients, type Recipient } from '../../../../core/campaign/plan';
import { seededRandom } from '../../../../core/random/seededRandom';
import { isUsable, normalizePhone } from '../../../../core/phone/normalizePhone';
import { sendTestMessage, type TestSendOutcome } from '../../../../core/sending/testSend';
import type { PlannedSend } from '../../../../store/audiencePlanner';
import type { HeraldSettings } from '../../../../zaf/settings';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { useFocusRescue } from '../../../hooks/useFocusRescue';
import { useI18n } from '../../../i18n/I18nProvider';
import { useServices } from '../../../services';
import type { WizardData } from '../useWizardData';
import { testOutcomeMessage } from '../../sendingMessages';

const Form = styled.form`
  display: flex;
  flex-direction: column;
  gap: ${(p) => p.theme.space.md};
  max-width: 520px;
`;

type Attempt = { status: 'idle' } | { status: 'sending' } | { status: 'done'; outcome: TestSendOutcome; phone: string } | { status: 'failed'; error: unknown };

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
  const { transport } = useServices();
  const [phone, setPhone] = useState(ownPhone ?? '');
  const [renderAs, setRenderAs] = useState(0);
  const [attempt, setAttempt] = useState<Attempt>({ status: 'idle' });
  // The button is disabled while the test goes out: once it is done, the button has the focus again.
  const sendButton = useRef<HTMLButtonElement>(null);
  useFocusRescue(sendButton, attempt.status);
  // A handful of recipients to render for, the same ones for as long as the plan stays.
  const samples = useMemo(() => (planned ? sampleRecipients(planned.plan, 5, seededRandom(Math.imul(planned.plan.recipients.size, 2654435761))) : []), [planned]);
  if (!data.entry || !data.integration || !data.offer) return <Paragraph>{t('campaigns.wizard.channel.needsTemplate')}</Paragraph>;
  if (!planned) return <Paragraph>{t('campaigns.wizard.test.needsPlan')}</Paragraph>;
  if (samples.length === 0) return <Paragraph>{t('campaigns.wizard.test.noRecipient')}</Paragraph>;
  const { entry, integration, slots } = data;
  const { name, language } = data.offer.template;
  const checked = normalizePhone(phone, settings.defaultCountry);
  const valid = isUsable(checked);

  const send = async (event: FormEvent) => {
    event.preventDefault();
    const model = samples[renderAs] ?? samples[0]!;
    if (!isUsable(checked)) return;
    const recipient: Recipient = { ...model, phone: checked.e164 };
    setAttempt({ status: 'sending' });
    try {
      const sender = new CampaignNotificationSender(new NotificationsClient(transport, settings.sunshine), {
        integration: { id: integration.id, channel: integration.channel },
        template: { name, language, content: entry.content, slots },
        ...(settings.whatsappNamespace ? { namespace: settings.whatsappNamespace } : {}),
      });
      const outcome = await sendTestMessage(sender, recipient);
      setAttempt({ status: 'done', outcome, phone: checked.e164 });
      if (outcome.kind === 'sent') onSent();
    } catch (error) {
      setAttempt({ status: 'failed', error });
    }
  };

  return (
    <Form onSubmit={(event) => void send(event)} noValidate>
      <Paragraph>{t('campaigns.wizard.test.intro')}</Paragraph>
      <Field>
        <Field.Label>{t('campaigns.wizard.test.phone')}</Field.Label>
        <Field.Hint>{t('campaigns.wizard.test.phoneHint')}</Field.Hint>
        <Input value={phone} onChange={(event) => setPhone(event.target.value)} validation={phone !== '' && !valid ? 'error' : undefined} inputMode="tel" autoComplete="tel" />
        {phone !== '' && !valid && <Field.Message validation="error">{t('campaigns.wizard.test.badPhone')}</Field.Message>}
      </Field>
      <Field>
        <Field.Label>{t('campaigns.wizard.test.renderAs')}</Field.Label>
        <Field.Hint>{t('campaigns.wizard.test.renderAsHint')}</Field.Hint>
        <Select value={String(renderAs)} onChange={(event) => setRenderAs(Number(event.target.value))}>
          {samples.map((sample, index) => (
            <option key={sample.userId} value={index}>
              {t('campaigns.wizard.test.sampleOption', { user: sample.userId, values: sample.values.join(' · ') || '—' })}
            </option>
          ))}
        </Select>
      </Field>
      <div>
        <Button ref={sendButton} type="submit" isPrimary disabled={!valid || attempt.status === 'sending'}>
          {t(attempt.status === 'sending' ? 'campaigns.wizard.test.sending' : 'campaigns.wizard.test.send')}
        </Button>
      </div>
      {attempt.status === 'done' && (
        <Alert type={attempt.outcome.kind === 'sent' ? 'success' : 'warning'} role="status">
          <AlertText>{testOutcomeMessage(t, attempt.outcome, attempt.phone)}</AlertText>
        </Alert>
      )}
      {attempt.status === 'failed' && <ErrorNotice error={attempt.error} title={t('campaigns.wizard.test.failed')} />}
    </Form>
  );
}
