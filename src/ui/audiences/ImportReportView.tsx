import { Button } from '@zendeskgarden/react-buttons';
import { Alert, Title } from '@zendeskgarden/react-notifications';
import { Body, Cell, Head, HeaderCell, HeaderRow, Row, Table } from '@zendeskgarden/react-tables';
import { Paragraph } from '@zendeskgarden/react-typography';
import { csvFile } from '../../core/csv/csvFile';
import type { ImportReport } from '../../store/contactLists';
import { CsvSeparatorField, useCsvSeparator } from '../components/CsvSeparatorField';
import { useI18n } from '../i18n/I18nProvider';
import { downloadText } from './download';

/** The rejected rows shown on the page; all of them are in the download. */
const SHOWN_REJECTED = 100;

/** What an import did: how many rows were added, and the rejected rows with their reason (the first hundred shown, all downloadable). */
export function ImportReportView({ report }: { report: ImportReport }) {
  const { t } = useI18n();
  const [separator] = useCsvSeparator();
  const rejected = report.rows.filter((row) => row.status === 'rejected');
  const reasonOf = (row: ImportReport['rows'][number]) => (row.reason ? t(`lists.import.reasons.${row.reason}`) : '');
  const download = () =>
    downloadText(
      'herald-rejected-rows.csv',
      csvFile(
        ['row', 'value', 'reason'],
        rejected.map((row) => [String(row.row), row.value ?? '', reasonOf(row)]),
        separator,
      ),
    );
  return (
    <Alert type={rejected.length > 0 ? 'warning' : 'success'} role="status">
      <Title>{t('lists.import.done')}</Title>
      <Paragraph>{t('lists.import.summary', { added: report.added, already: report.alreadyListed, rejected: report.rejected })}</Paragraph>
      {rejected.length > SHOWN_REJECTED && (
        <>
          <Paragraph>{t('lists.import.firstRejected', { shown: SHOWN_REJECTED, count: rejected.length })}</Paragraph>
          <CsvSeparatorField />
          <Button size="small" onClick={download}>
            {t('lists.import.downloadRejected', { count: rejected.length })}
          </Button>
        </>
      )}
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
            {rejected.slice(0, SHOWN_REJECTED).map((row) => (
              <Row key={row.row}>
                <Cell>{row.row}</Cell>
                <Cell>{row.value ?? '—'}</Cell>
                <Cell>{reasonOf(row) || '—'}</Cell>
              </Row>
            ))}
          </Body>
        </Table>
      )}
    </Alert>
  );
}
