import { Button } from '@zendeskgarden/react-buttons';
import { Body, Cell, Head, HeaderCell, HeaderRow, Row, Table } from '@zendeskgarden/react-tables';
import { MD, Paragraph, UnorderedList } from '@zendeskgarden/react-typography';
import { useState } from 'react';
import styled from 'styled-components';
import type { MessagingIntegration } from '../../api/sunshine/integrations';
import type { LogicalTemplate } from '../../core/template/catalogue';
import type { RemovalOutcome, SubmissionTarget } from '../../store/templateCatalogue';
import { Section } from '../components/Section';
import { useI18n } from '../i18n/I18nProvider';
import { removeTemplate } from '../../app/templates/templates';
import { useAppContext, useHerald } from '../herald';
import { DeleteTemplateDialog } from './DeleteTemplateDialog';
import { languageName } from './languageName';
import { rejectionText } from './rejections';
import { StatusTag } from './StatusTag';
import { TemplatePreview } from './TemplatePreview';
import { categoryLabel } from './TemplateToolbar';
import { channelName } from '../components/channelName';

const Columns = styled.div`
  display: grid;
  grid-template-columns: minmax(0, 1fr) minmax(280px, 380px);
  gap: ${(p) => p.theme.space.lg};
`;

interface TemplateDetailProps {
  template: LogicalTemplate;
  /** Every language of the same name: Meta deletes by name, so deletion reaches all of them. */
  namesakes: readonly LogicalTemplate[];
  integrations: readonly MessagingIntegration[];
  onBack: () => void;
  /** After a deletion: the outcome per place; the section shows it and goes back to the list. */
  onRemoved: (outcomes: RemovalOutcome[]) => void;
}

/** One template: where it exists and in which status, its variables and samples, its previews. */
export function TemplateDetail({ template, namesakes, integrations, onBack, onRemoved }: TemplateDetailProps) {
  const { t, locale } = useI18n();
  const context = useAppContext();
  const { rights } = useHerald();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);

  const entries = namesakes.flatMap((namesake) => namesake.entries);
  const whatsappHolders = integrations.filter((integration) => entries.some((entry) => entry.integrationId === integration.id));
  const inSms = entries.some((entry) => entry.channel === 'sms');
  const languages = namesakes.map((namesake) => languageName(namesake.language, locale));
  const places = [...whatsappHolders.map((integration) => channelName(t, integration)), ...(inSms ? [t('templates.smsSource')] : [])];

  const remove = async () => {
    setBusy(true);
    const targets: SubmissionTarget[] = [...whatsappHolders.map((integration) => ({ channel: 'whatsapp' as const, integration })), ...(inSms ? [{ channel: 'sms' as const }] : [])];
    const outcomes = await removeTemplate(context, template.name, whatsappHolders, inSms).catch((error: unknown) => targets.map((target): RemovalOutcome => ({ target, status: 'failed', error })));
    setBusy(false);
    setConfirming(false);
    onRemoved(outcomes);
  };

  return (
    <Section title={template.name} intro={`${languageName(template.language, locale)} · ${template.category ? categoryLabel(template.category, t) : t('templates.noCategory')}`} focusKey={1}>
      <div>
        <Button size="small" onClick={onBack}>
          {t('templates.detail.back')}
        </Button>
      </div>
      <Columns>
        <div>
          <Table size="small" aria-label={t('templates.detail.where')}>
            <Head>
              <HeaderRow>
                <HeaderCell>{t('templates.detail.source')}</HeaderCell>
                <HeaderCell>{t('templates.list.statuses')}</HeaderCell>
                <HeaderCell>{t('templates.detail.reason')}</HeaderCell>
              </HeaderRow>
            </Head>
            <Body>
              {template.entries.map((entry) => (
                <Row key={`${entry.channel}:${entry.integrationId ?? 'sms'}`}>
                  <Cell>{entry.integrationName}</Cell>
                  <Cell>
                    <StatusTag status={entry.status} />
                  </Cell>
                  <Cell>{entry.rejectedReason ? rejectionText(entry.rejectedReason, t) : '—'}</Cell>
                </Row>
              ))}
            </Body>
          </Table>
          <MD tag="h3" isBold>
            {t('templates.detail.variables')}
          </MD>
          {template.content.variables.length === 0 ? (
            <Paragraph>{t('templates.detail.noVariables')}</Paragraph>
          ) : (
            <UnorderedList>
              {template.content.variables.map((variable) => (
                <UnorderedList.Item key={variable.position}>
                  {variable.sample === undefined
                    ? t('templates.detail.variableNoSample', { position: variable.position })
                    : t('templates.detail.variable', { position: variable.position, sample: variable.sample })}
                </UnorderedList.Item>
              ))}
            </UnorderedList>
          )}
          {rights.draft ? (
            <div>
              <Button isDanger onClick={() => setConfirming(true)} disabled={places.length === 0}>
                {t('templates.delete.open')}
              </Button>
            </div>
          ) : (
            <Paragraph>{t('errors.notAllowed.draft')}</Paragraph>
          )}
        </div>
        <TemplatePreview content={template.content} initial={template.channels.includes('whatsapp') ? 'whatsapp' : 'sms'} />
      </Columns>
      {confirming && (
        <DeleteTemplateDialog template={template} places={places} languages={languages} busy={busy} onConfirm={() => void remove()} onCancel={() => setConfirming(false)} />
      )}
    </Section>
  );
}
