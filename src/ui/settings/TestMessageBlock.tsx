import { Button } from '@zendeskgarden/react-buttons';
import { Field, Input, Select } from '@zendeskgarden/react-forms';
import { Alert, Paragraph as AlertText } from '@zendeskgarden/react-notifications';
import { Paragraph } from '@zendeskgarden/react-typography';
import { useState, type FormEvent } from 'react';
import styled from 'styled-components';
import type { MessagingIntegration } from '../../api/sunshine/integrations';
import { templateSlots } from '../../core/campaign/mapping';
import { renderRecipientContent } from '../../core/campaign/render';
import { templateOffers } from '../../core/campaign/templateOffers';
import { isUsable, normalizePhone } from '../../core/phone/normalizePhone';
import type { TestSendOutcome } from '../../core/sending/testSend';
import type { HeraldSettings } from '../../zaf/settings';
import { useZaf } from '../../zaf/ZafProvider';
import { sendOneTest } from '../campaigns/sendOneTest';
import { testOutcomeMessage } from '../campaigns/sendingMessages';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { useI18n } from '../i18n/I18nProvider';
import { useServices } from '../services';
import { languageName } from '../templates/languageName';
import { TemplatePreview } from '../templates/TemplatePreview';
import { useTemplateCatalogue } from '../templates/useTemplateCatalogue';

const Form = styled.form`
  display: flex;
  flex-direction: column;
  gap: ${(p) => p.theme.space.sm};
  max-width: 640px;
`;

type Attempt = { status: 'idle' } | { status: 'sending' } | { status: 'done'; outcome: TestSendOutcome; phone: string } | { status: 'failed'; error: unknown };

/**
 * The last step of a setup: a real approved template sent to your own phone through the channel of
 * your choice, the way campaigns send it. Nothing is recorded (no ledger, no blackout log).
 */
export function TestMessageBlock({ channels, settings }: { channels: readonly MessagingIntegration[]; settings: HeraldSettings }) {
  const { t, locale } = useI18n();
  const { currentUser } = useZaf();
  const { transport } = useServices();
  const catalogue = useTemplateCatalogue(channels);
  const [choice, setChoice] = useState('');
  const [typedValues, setTypedValues] = useState<Record<string, string>>({});
  const [phone, setPhone] = useState('');
  const [attempt, setAttempt] = useState<Attempt>({ status: 'idle' });

  if (catalogue.status === 'loading') return <Loading label={t('settings.test.loading')} />;
  if (catalogue.status === 'error') return <ErrorNotice error={catalogue.error} title={t('settings.test.loadFailed')} onRetry={catalogue.reload} />;
  const offers = templateOffers(catalogue.data?.templates ?? [], channels);
  const options = offers.flatMap((offer) => offer.integrations.map(({ integration, entry }) => ({ key: `${offer.template.key}|${integration.id}`, template: offer.template, integration, entry })));
  if (options.length === 0) return <Paragraph>{t('settings.test.noTemplate')}</Paragraph>;

  const chosen = options.find((option) => option.key === choice) ?? options[0]!;
  const slots = templateSlots(chosen.entry.content);
  const values = slots.map((slot) => typedValues[`${chosen.key}|${slot.id}`] ?? slot.sample);
  const checked = normalizePhone(phone, settings.defaultCountry);
  const valid = isUsable(checked);

  const send = async (event: FormEvent) => {
    event.preventDefault();
    if (!isUsable(checked)) return;
    setAttempt({ status: 'sending' });
    try {
      const recipient = { userId: currentUser.id, phone: checked.e164, country: checked.country, locale: null, timeZone: null, values };
      const outcome = await sendOneTest(transport, settings, { integration: chosen.integration, template: chosen.template, entry: chosen.entry, slots }, recipient);
      setAttempt({ status: 'done', outcome, phone: checked.e164 });
    } catch (error) {
      setAttempt({ status: 'failed', error });
    }
  };

  return (
    <Form onSubmit={(event) => void send(event)} noValidate aria-label={t('settings.test.title')}>
      <Paragraph>{t('settings.test.intro')}</Paragraph>
      <Field>
        <Field.Label>{t('settings.test.template')}</Field.Label>
        <Select value={chosen.key} onChange={(event) => setChoice(event.target.value)}>
          {options.map((option) => (
            <option key={option.key} value={option.key}>
              {t('settings.test.option', {
                template: option.template.name,
                language: languageName(option.template.language, locale),
                channel: option.integration.displayName ?? option.integration.id,
              })}
            </option>
          ))}
        </Select>
      </Field>
      {slots.map((slot, index) => (
        <Field key={`${chosen.key}|${slot.id}`}>
          <Field.Label>{t('mapping.value', { slot: t(`mapping.slot.${slot.component}`, { position: slot.position, button: (slot.buttonIndex ?? 0) + 1, sample: slot.sample }) })}</Field.Label>
          <Input value={values[index]} onChange={(event) => setTypedValues((current) => ({ ...current, [`${chosen.key}|${slot.id}`]: event.target.value }))} />
        </Field>
      ))}
      <TemplatePreview content={renderRecipientContent(chosen.entry.content, slots, values)} initial={chosen.integration.channel === 'sms' ? 'sms' : 'whatsapp'} />
      <Field>
        <Field.Label>{t('settings.test.phone')}</Field.Label>
        <Field.Hint>{t('campaigns.wizard.test.phoneHint')}</Field.Hint>
        <Input value={phone} onChange={(event) => setPhone(event.target.value)} validation={phone !== '' && !valid ? 'error' : undefined} inputMode="tel" autoComplete="tel" />
        {phone !== '' && !valid && <Field.Message validation="error">{t('campaigns.wizard.test.badPhone')}</Field.Message>}
      </Field>
      <div>
        <Button type="submit" isPrimary disabled={!valid || attempt.status === 'sending'}>
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
