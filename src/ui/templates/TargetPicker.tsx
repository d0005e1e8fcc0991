import { Checkbox, Field, Fieldset, Hint } from '@zendeskgarden/react-forms';
import type { MessagingIntegration } from '../../api/sunshine/integrations';
import { formatPhoneForDisplay } from '../../core/phone/formatPhone';
import { useI18n } from '../i18n/I18nProvider';
import { SMS_TARGET } from './useTemplateDraft';
import { channelName } from '../components/channelName';

interface TargetPickerProps {
  integrations: readonly MessagingIntegration[];
  chosen: ReadonlySet<string>;
  onToggle: (id: string, on: boolean) => void;
  smsAvailable: boolean;
}

/** Where the template goes: any WhatsApp numbers (each approved by Meta on its own) and SMS. */
export function TargetPicker({ integrations, chosen, onToggle, smsAvailable }: TargetPickerProps) {
  const { t } = useI18n();
  const whatsapp = integrations.filter((integration) => integration.channel === 'whatsapp');
  return (
    <Fieldset>
      <Fieldset.Legend>{t('templates.editor.targets')}</Fieldset.Legend>
      <Hint>{t('templates.editor.targetsHint')}</Hint>
      {whatsapp.map((integration) => (
        <Field key={integration.id}>
          <Checkbox checked={chosen.has(integration.id)} disabled={integration.status !== 'active'} onChange={(event) => onToggle(integration.id, event.target.checked)}>
            <Field.Label>
              {t('templates.editor.whatsappTarget', {
                name: channelName(t, integration),
                number: integration.senderNumber ? formatPhoneForDisplay(integration.senderNumber) : '—',
              })}
              {integration.status !== 'active' && ` ${t('templates.editor.inactive')}`}
            </Field.Label>
          </Checkbox>
        </Field>
      ))}
      <Field>
        <Checkbox checked={chosen.has(SMS_TARGET)} disabled={!smsAvailable} onChange={(event) => onToggle(SMS_TARGET, event.target.checked)}>
          <Field.Label>
            {t('templates.editor.smsTarget')}
            {!smsAvailable && ` ${t('templates.editor.smsNeedsSetup')}`}
          </Field.Label>
        </Checkbox>
      </Field>
    </Fieldset>
  );
}
