import { Button } from '@zendeskgarden/react-buttons';
import { Body, Cell, Head, HeaderCell, HeaderRow, Row, Table } from '@zendeskgarden/react-tables';
import styled from 'styled-components';
import type { LogicalTemplate } from '../../core/template/catalogue';
import { useI18n } from '../i18n/I18nProvider';
import { languageName } from './languageName';
import { StatusTag } from './StatusTag';
import { categoryLabel } from './TemplateToolbar';

const Tags = styled.div`
  display: flex;
  flex-wrap: wrap;
  gap: ${(p) => p.theme.space.xxs};
`;

/** One row per logical template (name + language), with its status on each integration. */
export function TemplateList({ templates, onOpen }: { templates: readonly LogicalTemplate[]; onOpen: (key: string) => void }) {
  const { t, locale } = useI18n();
  return (
    <Table size="small" aria-label={t('templates.list.caption')}>
      <Head>
        <HeaderRow>
          <HeaderCell>{t('templates.list.name')}</HeaderCell>
          <HeaderCell>{t('templates.list.language')}</HeaderCell>
          <HeaderCell>{t('templates.list.category')}</HeaderCell>
          <HeaderCell>{t('templates.list.statuses')}</HeaderCell>
        </HeaderRow>
      </Head>
      <Body>
        {templates.map((template) => (
          <Row key={template.key}>
            <Cell>
              <Button isLink onClick={() => onOpen(template.key)} aria-label={t('templates.list.open', { name: template.name, language: languageName(template.language, locale) })}>
                {template.name}
              </Button>
            </Cell>
            <Cell>{languageName(template.language, locale)}</Cell>
            <Cell>{template.category ? categoryLabel(template.category, t) : '—'}</Cell>
            <Cell>
              <Tags>
                {template.entries.map((entry) => (
                  <StatusTag key={`${entry.channel}:${entry.integrationId ?? 'sms'}`} status={entry.status} source={entry.integrationName} />
                ))}
              </Tags>
            </Cell>
          </Row>
        ))}
      </Body>
    </Table>
  );
}
