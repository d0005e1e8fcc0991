import { Alert, Title } from '@zendeskgarden/react-notifications';
import { Body, Cell, Head, HeaderCell, HeaderRow, Row, Table } from '@zendeskgarden/react-tables';
import { Paragraph } from '@zendeskgarden/react-typography';
import type { ImportReport } from '../../store/contactLists';
import { useI18n } from '../i18n/I18nProvider';

/** What an import did: how many rows were added, and every rejected row with its reason. */
export function ImportReportView({ report }: { report: ImportReport }) {
  const { t } = useI18n();
  const rejected = report.rows.filter((row) => row.status === 'rejected');
  return (
    <Alert type={rejected.length > 0 ? 'warning' : 'success'} role="status">
      <Title>{t('lists.import.done')}</Title>
      <Paragraph>{t('lists.import.summary', { added: report.added, already: report.alreadyListed, rejected: report.rejected })}</Paragraph>
      {rejected.length > 0 && (
        <Table size="small" aria-label={t('lists.import.rejectedCaption')}>
          <Head>
            <HeaderRow>
              <HeaderCell>{t('lists.import.row')}</HeaderCell>
              <HeaderCell>{t('lists.import.value')}</HeaderCell>
              <HeaderCell>{t('lists.import.reason')}</HeaderCell>
            </HeaderRow>
          </Head>
          <Body>
            {rejected.map((row) => (
              <Row key={row.row}>
                <Cell>{row.row}</Cell>
                <Cell>{row.value ?? '—'}</Cell>
                <Cell>{row.reason ? t(`lists.import.reasons.${row.reason}`) : '—'}</Cell>
              </Row>
            ))}
          </Body>
        </Table>
      )}
    </Alert>
  );
}
