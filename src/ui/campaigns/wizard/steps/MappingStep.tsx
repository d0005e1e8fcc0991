import { Paragraph } from '@zendeskgarden/react-typography';
import styled from 'styled-components';
import type { SlotMapping } from '../../../../core/campaign/mapping';
import { renderRecipientContent } from '../../../../core/campaign/render';
import { MappingEditor } from '../../../audiences/MappingEditor';
import { previewValue } from '../../../audiences/mappingWords';
import { useAsync } from '../../../hooks/useAsync';
import { useI18n } from '../../../i18n/I18nProvider';
import { listUserFields } from '../../../../app/audience/audience';
import { useHerald } from '../../../herald';
import { TemplatePreview } from '../../../templates/TemplatePreview';
import type { WizardData } from '../useWizardData';

const Layout = styled.div`
  display: grid;
  grid-template-columns: minmax(320px, 3fr) minmax(260px, 2fr);
  gap: ${(p) => p.theme.space.lg};
  align-items: start;
`;

interface MappingStepProps {
  data: WizardData;
  mappings: SlotMapping[];
  onChange: (mappings: SlotMapping[]) => void;
}

/** Step 4: where each placeholder's value comes from: a static text or a user field, with a fallback. */
export function MappingStep({ data, mappings, onChange }: MappingStepProps) {
  const { t } = useI18n();
  const { base } = useHerald();
  const fields = useAsync(() => listUserFields(base), [base]);
  if (!data.entry) return <Paragraph>{t('campaigns.wizard.channel.needsTemplate')}</Paragraph>;
  if (data.slots.length === 0) return <Paragraph>{t('campaigns.wizard.mapping.none')}</Paragraph>;
  // The message as the mapping makes it: typed text, field names, what is not chosen; never the example.
  const mappedPreview = renderRecipientContent(
    data.entry.content,
    data.slots,
    data.slots.map((slot, index) => previewValue(t, slot, mappings[index], fields.data ?? [])),
  );
  return (
    <Layout>
      <div>
        <Paragraph>{t('campaigns.wizard.mapping.intro')}</Paragraph>
        <MappingEditor content={data.entry.content} slots={data.slots} mappings={mappings} onChange={onChange} customFields={fields.data ?? []} problems={data.problems} />
      </div>
      <TemplatePreview content={mappedPreview} initial={data.entry.channel === 'sms' ? 'sms' : 'whatsapp'} />
    </Layout>
  );
}
