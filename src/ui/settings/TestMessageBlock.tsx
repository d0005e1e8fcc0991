import { Field, Input, Select } from '@zendeskgarden/react-forms';
import { TEST_SENDS_PER_DAY, TEST_SENDS_PER_MINUTE } from '../../core/sending/testSendLimits';
import { Paragraph } from '@zendeskgarden/react-typography';
import { useState, type FormEvent } from 'react';
import styled from 'styled-components';
import type { MessagingIntegration } from '../../api/sunshine/integrations';
import { sendTest } from '../../app/testSends/testSend';
import type { SlotMapping, TemplateSlot } from '../../core/campaign/mapping';
import { renderRecipientContent } from '../../core/campaign/render';
import { isUsable, normalizePhone } from '../../core/phone/normalizePhone';
import { TestPhoneField, TestSendResult, useTestAttempt } from '../campaigns/TestSendControls';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { useAppContext } from '../herald';
import { useI18n } from '../i18n/I18nProvider';
import { languageName } from '../templates/languageName';
import { TemplatePreview } from '../templates/TemplatePreview';
import { useTemplateChoice } from '../templates/useTemplateChoice';

const Form = styled.form`
  display: flex;
  flex-direction: column;
  gap: ${(p) => p.theme.space.sm};
  max-width: 640px;
`;

/**
 * A typed value is a static mapping: the same value for the one recipient. Until the admin types,
 * the template's example stands in: this message goes to the admin's own phone, to see the template
 * as Meta approved it (a campaign's placeholders never start from the example).
 */
const valueOf = (slot: TemplateSlot, mapping: SlotMapping | undefined) => (mapping?.source.kind === 'static' ? mapping.source.value : slot.sample);

/**
 * The last step of a setup, for admins: a real approved template sent to your own phone through the
 * channel of your choice, the way campaigns send it. Like every test send it respects the block
 * list and opt-outs, refuses card numbers, is limited and is recorded (src/app/testSends).
 */
export function TestMessageBlock({ channels }: { channels: readonly MessagingIntegration[] }) {
  const { t, locale } = useI18n();
  const context = useAppContext();
  const choice = useTemplateChoice(channels, { ticketAvailable: false });
  const [phone, setPhone] = useState('');
  const { attempt, run } = useTestAttempt();
  const { catalogue, offers, offer, integration, entry, slots } = choice;

  if (catalogue.status === 'loading') return <Loading label={t('settings.test.loading')} />;
  if (catalogue.status === 'error') return <ErrorNotice error={catalogue.error} title={t('settings.test.loadFailed')} onRetry={catalogue.reload} />;
  const options = offers.flatMap((candidate) => candidate.integrations.map(({ integration: channel }) => ({ key: `${candidate.template.key}|${channel.id}`, template: candidate.template, channel })));
  if (options.length === 0) return <Paragraph>{t('settings.test.noTemplate')}</Paragraph>;

  const chosenKey = offer && integration ? `${offer.template.key}|${integration.id}` : '';
  const values = slots.map((slot, index) => valueOf(slot, choice.choice.mappings[index]));
  const checked = normalizePhone(phone, context.settings.defaultCountry);
  const valid = isUsable(checked);

  const choose = (key: string) => {
    const option = options.find((candidate) => candidate.key === key);
    choice.chooseTemplate(option?.template.key);
    if (option) choice.chooseIntegration(option.channel.id);
  };
  const type = (index: number, value: string) =>
    choice.setMappings(slots.map((_, position) => ({ source: { kind: 'static', value: position === index ? value : (values[position] ?? '') }, fallback: '' })));

  const send = async (event: FormEvent) => {
    event.preventDefault();
    if (!valid || !offer || !integration || !entry) return;
    await run(() => sendTest(context, { place: 'settings', phone, message: { integration, template: offer.template, entry, slots }, values }));
  };

  return (
    <Form onSubmit={(event) => void send(event)} noValidate aria-label={t('settings.test.title')}>
      <Paragraph>{t('settings.test.intro', { perMinute: TEST_SENDS_PER_MINUTE, perDay: TEST_SENDS_PER_DAY })}</Paragraph>
      <Field>
        <Field.Label>{t('settings.test.template')}</Field.Label>
        <Select value={chosenKey} onChange={(event) => choose(event.target.value)}>
          <option value="">{t('settings.test.chooseTemplate')}</option>
          {options.map((option) => (
            <option key={option.key} value={option.key}>
              {t('settings.test.option', {
                template: option.template.name,
                language: languageName(option.template.language, locale),
                channel: option.channel.displayName ?? option.channel.id,
              })}
            </option>
          ))}
        </Select>
      </Field>
      {slots.map((slot, index) => (
        <Field key={`${chosenKey}|${slot.id}`}>
          <Field.Label>{t('mapping.value', { slot: t(`mapping.slot.${slot.component}`, { position: slot.position, button: (slot.buttonIndex ?? 0) + 1, sample: slot.sample }) })}</Field.Label>
          <Input value={values[index]} onChange={(event) => type(index, event.target.value)} />
        </Field>
      ))}
      {entry && integration && <TemplatePreview content={renderRecipientContent(entry.content, slots, values)} initial={integration.channel === 'sms' ? 'sms' : 'whatsapp'} />}
      <TestPhoneField label={t('settings.test.phone')} phone={phone} valid={valid} onChange={setPhone} />
      <TestSendResult attempt={attempt} disabled={!valid || !entry} />
    </Form>
  );
}
