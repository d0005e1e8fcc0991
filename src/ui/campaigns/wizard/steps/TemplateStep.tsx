import { Field, Fieldset, Hint, Radio } from '@zendeskgarden/react-forms';
import { Paragraph } from '@zendeskgarden/react-typography';
import styled from 'styled-components';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { Loading } from '../../../components/Loading';
import { useI18n } from '../../../i18n/I18nProvider';
import { languageName } from '../../../templates/languageName';
import { TemplatePreview } from '../../../templates/TemplatePreview';
import type { WizardData } from '../useWizardData';
import { channelName } from '../../../components/channelName';

const Layout = styled.div`
  display: grid;
  grid-template-columns: minmax(280px, 1fr) minmax(280px, 1fr);
  gap: ${(p) => p.theme.space.lg};
  align-items: start;
`;

interface TemplateStepProps {
  data: WizardData;
  templateKey: string | undefined;
  onChoose: (templateKey: string) => void;
}

/** Step 1: the message. Only what can go out now: approved WhatsApp templates, ready SMS templates. */
export function TemplateStep({ data, templateKey, onChoose }: TemplateStepProps) {
  const { t, locale } = useI18n();
  const { catalogue, offers, offer } = data;
  if (catalogue.status === 'loading') return <Loading label={t('templates.loading')} />;
  if (catalogue.status === 'error') return <ErrorNotice error={catalogue.error} title={t('templates.failed')} onRetry={catalogue.reload} />;
  if (offers.length === 0) return <Paragraph>{t('campaigns.wizard.template.none')}</Paragraph>;
  const preview = offer?.integrations[0]?.entry;
  return (
    <Layout>
      <Fieldset>
        <Fieldset.Legend>{t('campaigns.wizard.template.legend')}</Fieldset.Legend>
        <Hint>{t('campaigns.wizard.template.hint')}</Hint>
        {offers.map((candidate) => (
          <Field key={candidate.template.key}>
            <Radio name="campaign-template" value={candidate.template.key} checked={candidate.template.key === templateKey} onChange={() => onChoose(candidate.template.key)}>
              <Field.Label>
                {t('campaigns.wizard.template.option', {
                  name: candidate.template.name,
                  language: languageName(candidate.template.language, locale),
                  channels: candidate.integrations.map(({ integration }) => channelName(t, integration)).join(', '),
                })}
              </Field.Label>
            </Radio>
          </Field>
        ))}
      </Fieldset>
      {preview && offer && <TemplatePreview key={offer.template.key} content={preview.content} initial={preview.channel === 'sms' ? 'sms' : 'whatsapp'} />}
    </Layout>
  );
}
