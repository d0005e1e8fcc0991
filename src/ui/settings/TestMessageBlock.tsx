import { Field, Input, Select } from '@zendeskgarden/react-forms';
import { Paragraph } from '@zendeskgarden/react-typography';
import { useState, type FormEvent } from 'react';
import styled from 'styled-components';
import type { MessagingIntegration } from '../../api/sunshine/integrations';
import { templateSlots } from '../../core/campaign/mapping';
import { renderRecipientContent } from '../../core/campaign/render';
import { templateOffers } from '../../core/campaign/templateOffers';
import { isUsable, normalizePhone } from '../../core/phone/normalizePhone';
import type { HeraldSettings } from '../../core/settings/settings';
import { useZaf } from '../../zaf/ZafProvider';
import { sendOneTest } from '../campaigns/sendOneTest';
import { TestPhoneField, TestSendResult, useTestAttempt } from '../campaigns/TestSendControls';
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
  const { attempt, run } = useTestAttempt();

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
    const recipient = { userId: currentUser.id, phone: checked.e164, country: checked.country, locale: null, timeZone: null, values };
    await run(checked.e164, () => sendOneTest(transport, settings, { integration: chosen.integration, template: chosen.template, entry: chosen.entry, slots }, recipient));
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
      <TestPhoneField label={t('settings.test.phone')} phone={phone} valid={valid} onChange={setPhone} />
      <TestSendResult attempt={attempt} disabled={!valid} />
    </Form>
  );
}
