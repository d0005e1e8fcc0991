import { Paragraph } from '@zendeskgarden/react-typography';
import styled from 'styled-components';
import type { SlotMapping } from '../../../../core/campaign/mapping';
import { MappingEditor } from '../../../audiences/MappingEditor';
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
  return (
    <Layout>
      <div>
        <Paragraph>{t('campaigns.wizard.mapping.intro')}</Paragraph>
        <MappingEditor slots={data.slots} mappings={mappings} onChange={onChange} customFields={fields.data ?? []} problems={data.problems} />
      </div>
      <TemplatePreview content={data.entry.content} initial={data.entry.channel === 'sms' ? 'sms' : 'whatsapp'} />
    </Layout>
  );
}
