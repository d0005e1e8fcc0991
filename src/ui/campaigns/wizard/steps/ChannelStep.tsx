import { Field, Fieldset, Hint, Radio } from '@zendeskgarden/react-forms';
import { Paragraph } from '@zendeskgarden/react-typography';
import { formatPhoneForDisplay } from '../../../../core/phone/formatPhone';
import { useI18n } from '../../../i18n/I18nProvider';
import type { WizardData } from '../useWizardData';
import { channelName } from '../../../components/channelName';

interface ChannelStepProps {
  data: WizardData;
  integrationId: string | undefined;
  onChoose: (integrationId: string) => void;
}

/** Step 2: the one WhatsApp number or SMS sender this campaign goes out from. */
export function ChannelStep({ data, integrationId, onChoose }: ChannelStepProps) {
  const { t } = useI18n();
  if (!data.offer) return <Paragraph>{t('campaigns.wizard.channel.needsTemplate')}</Paragraph>;
  return (
    <Fieldset>
      <Fieldset.Legend>{t('campaigns.wizard.channel.legend')}</Fieldset.Legend>
      <Hint>{t('campaigns.wizard.channel.hint')}</Hint>
      {data.offer.integrations.map(({ integration, entry }) => (
        <Field key={integration.id}>
          <Radio name="campaign-channel" value={integration.id} checked={integration.id === integrationId} onChange={() => onChoose(integration.id)}>
            <Field.Label>
              {t('campaigns.wizard.channel.option', {
                name: channelName(t, integration),
                type: t(`channels.type.${integration.type}`),
                number: integration.senderNumber ? formatPhoneForDisplay(integration.senderNumber) : '—',
              })}
            </Field.Label>
            <Hint>{t(entry.channel === 'sms' ? 'campaigns.wizard.channel.smsReady' : 'campaigns.wizard.channel.approved')}</Hint>
          </Radio>
        </Field>
      ))}
    </Fieldset>
  );
}
