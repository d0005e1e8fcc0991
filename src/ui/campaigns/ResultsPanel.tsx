import { Button } from '@zendeskgarden/react-buttons';
import { Field, Input, Select } from '@zendeskgarden/react-forms';
import { Body, Cell, Head, HeaderCell, HeaderRow, Row, Table } from '@zendeskgarden/react-tables';
import { MD, Paragraph, SM } from '@zendeskgarden/react-typography';
import { useMemo, useRef, useState } from 'react';
import styled from 'styled-components';
import { deliveryOfRow, filterResults, resultsCsv, type ResultDescription, type ResultRow } from '../../core/campaign/results';
import { DELIVERY_STATES, type DeliveryState } from '../../core/delivery/deliveryState';
import { formatPhoneForDisplay } from '../../core/phone/formatPhone';
import { RECIPIENT_STATES, SKIP_REASONS, UNVERIFIED_CAUSES, type RecipientState, type SkipReason, type UnverifiedCause } from '../../core/sending/states';
import { loadCampaignResults } from '../../app/campaigns/results';
import type { CampaignRecord } from '../../store/campaigns';
import { downloadText } from '../audiences/download';
import { CsvSeparatorField, useCsvSeparator } from '../components/CsvSeparatorField';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { useFocusRescue } from '../hooks/useFocusRescue';
import { useI18n } from '../i18n/I18nProvider';
import type { Translate } from '../i18n/messages';
import { useAppContext } from '../herald';
import { failureMeaning } from './sendingMessages';
import { deliveryWord, laterFailureWords } from './deliveryWords';
import { RetryFailed } from './RetryFailed';
import { userNames } from '../../app/people/people';
import { useAsync } from '../hooks/useAsync';

const PAGE_SIZE = 50;
/** The states a finished recipient can be in (pending only while a campaign runs). */
const SHOWN_STATES = RECIPIENT_STATES.filter((state) => state !== 'inflight');

const Filters = styled.div`
  display: flex;
  flex-wrap: wrap;
  gap: ${(p) => p.theme.space.md};
  align-items: flex-end;
`;

type Load = { status: 'idle' } | { status: 'loading' } | { status: 'done'; rows: ResultRow[] } | { status: 'failed'; error: unknown };

interface ResultsPanelProps {
  campaign: CampaignRecord;
  canSend: boolean;
  /** A follow-up campaign was made: open it. */
  onFollowUp: (campaignId: string) => void;
}

/** Every recipient's outcome, filterable, exportable as CSV, and the follow-up of the retryable failures. */
export function ResultsPanel({ campaign, canSend, onFollowUp }: ResultsPanelProps) {
  const { t, formatDateTime, formatNumber } = useI18n();
  const [separator] = useCsvSeparator();
  const context = useAppContext();
  const [load, setLoad] = useState<Load>({ status: 'idle' });
  const [state, setState] = useState<RecipientState | ''>('');
  const [delivery, setDelivery] = useState<DeliveryState | ''>('');
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(0);

  const title = useRef<HTMLHeadingElement>(null);
  // Showing or reading the results again replaces the button used, the first or last page disables
  // Previous or Next: the title takes the focus.
  useFocusRescue(title, `${load.status} ${page}`);
  const rows = load.status === 'done' ? load.rows : undefined;
  const filtered = useMemo(
    () => (rows ? filterResults(rows, { states: state === '' ? [] : [state], deliveries: delivery === '' ? [] : [delivery], search }) : []),
    [rows, state, delivery, search],
  );
  // The delivery filter and columns once the Herald service heard about any message of the campaign.
  const heard = useMemo(() => rows?.some((row) => row.delivery !== undefined) ?? false, [rows]);
  const pages = Math.max(1, Math.ceil(filtered.length / PAGE_SIZE));
  const shown = filtered.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE);
  // The names of the page shown (one request for 50 rows); a user Zendesk no longer knows keeps their number.
  const shownIds = shown.map((row) => row.userId).join(',');
  const names = useAsync(() => (shownIds === '' ? Promise.resolve(new Map<number, string>()) : userNames(context, shownIds.split(',').map(Number))), [context, shownIds]);

  const read = async () => {
    setLoad({ status: 'loading' });
    try {
      setLoad({ status: 'done', rows: await loadCampaignResults(context, campaign.id) });
      setPage(0);
    } catch (error) {
      setLoad({ status: 'failed', error });
    }
  };

  const download = () => {
    const csv = resultsCsv(filtered, (row) => describeRow(t, row), { separator, localTime: formatDateTime });
    downloadText(`${slug(campaign.name)}-results.csv`, csv);
  };

  return (
    <section aria-label={t('campaigns.results.title')}>
      <MD tag="h3" isBold ref={title} tabIndex={-1}>
        {t('campaigns.results.title')}
      </MD>
      {load.status === 'idle' && (
        <div>
          <Button onClick={() => void read()}>{t('campaigns.results.show')}</Button>
        </div>
      )}
      {load.status === 'loading' && <Loading label={t('campaigns.results.loading')} />}
      {load.status === 'failed' && <ErrorNotice error={load.error} title={t('campaigns.results.failed')} onRetry={() => void read()} />}
      {rows && (
        <>
          <Filters>
            <Field>
              <Field.Label>{t('campaigns.results.filterState')}</Field.Label>
              <Select
                value={state}
                onChange={(event) => {
                  setState(event.target.value as RecipientState | '');
                  setPage(0);
                }}
              >
                <option value="">{t('campaigns.results.allStates')}</option>
                {SHOWN_STATES.map((candidate) => (
                  <option key={candidate} value={candidate}>
                    {t(`campaigns.state.${candidate}`)}
                  </option>
                ))}
              </Select>
            </Field>
            {heard && (
              <Field>
                <Field.Label>{t('delivery.results.filter')}</Field.Label>
                <Select
                  value={delivery}
                  onChange={(event) => {
                    setDelivery(event.target.value as DeliveryState | '');
                    setPage(0);
                  }}
                >
                  <option value="">{t('delivery.results.all')}</option>
                  {DELIVERY_STATES.map((candidate) => (
                    <option key={candidate} value={candidate}>
                      {deliveryWord(t, candidate)}
                    </option>
                  ))}
                </Select>
              </Field>
            )}
            <Field>
              <Field.Label>{t('campaigns.results.search')}</Field.Label>
              <Input
                value={search}
                onChange={(event) => {
                  setSearch(event.target.value);
                  setPage(0);
                }}
              />
            </Field>
            <CsvSeparatorField />
            <Button onClick={download} disabled={filtered.length === 0}>
              {t('campaigns.results.download', { count: filtered.length })}
            </Button>
            <Button onClick={() => void read()} isBasic>
              {t('campaigns.results.refresh')}
            </Button>
          </Filters>
          <RetryFailed campaign={campaign} rows={rows} canSend={canSend} onFollowUp={onFollowUp} />
          <SM role="status">{t('campaigns.results.count', { shown: formatNumber(filtered.length), count: rows.length })}</SM>
          {shown.length === 0 ? (
            <Paragraph>{t('campaigns.results.none')}</Paragraph>
          ) : (
            <Table size="small" aria-label={t('campaigns.results.caption')}>
              <Head>
                <HeaderRow>
                  <HeaderCell>{t('campaigns.results.user')}</HeaderCell>
                  <HeaderCell>{t('campaigns.results.phone')}</HeaderCell>
                  <HeaderCell>{t('campaigns.results.outcome')}</HeaderCell>
                  <HeaderCell>{t('campaigns.results.meaning')}</HeaderCell>
                  <HeaderCell>{t('campaigns.results.at')}</HeaderCell>
                  {heard && (
                    <>
                      <HeaderCell>{t('delivery.results.column')}</HeaderCell>
                      <HeaderCell>{t('delivery.results.readAt')}</HeaderCell>
                      <HeaderCell>{t('delivery.results.repliedAt')}</HeaderCell>
                    </>
                  )}
                </HeaderRow>
              </Head>
              <Body>
                {shown.map((row) => {
                  const { outcome, meaning, delivery: heardWord, deliveryMeaning } = describeRow(t, row);
                  const heardAbout = row.state === 'sent' ? row.delivery : undefined;
                  return (
                    <Row key={row.index}>
                      <Cell>{names.data?.get(row.userId) ?? t('campaigns.results.userNumber', { id: String(row.userId) })}</Cell>
                      <Cell>{formatPhoneForDisplay(row.phone)}</Cell>
                      <Cell>{outcome}</Cell>
                      <Cell>{meaning || '—'}</Cell>
                      <Cell>{row.at === undefined ? '—' : formatDateTime(row.at)}</Cell>
                      {heard && (
                        <>
                          <Cell>{deliveryMeaning ? t('delivery.results.withMeaning', { state: heardWord ?? '', meaning: deliveryMeaning }) : heardWord || '—'}</Cell>
                          <Cell>{heardAbout?.readAt === undefined ? '—' : formatDateTime(heardAbout.readAt)}</Cell>
                          <Cell>{heardAbout?.repliedAt === undefined ? '—' : formatDateTime(heardAbout.repliedAt)}</Cell>
                        </>
                      )}
                    </Row>
                  );
                })}
              </Body>
            </Table>
          )}
          {pages > 1 && (
            <Filters role="group" aria-label={t('campaigns.results.pages')}>
              <Button size="small" onClick={() => setPage(page - 1)} disabled={page === 0}>
                {t('campaigns.results.previous')}
              </Button>
              <SM>{t('campaigns.results.page', { page: page + 1, pages })}</SM>
              <Button size="small" onClick={() => setPage(page + 1)} disabled={page + 1 >= pages}>
                {t('campaigns.results.next')}
              </Button>
            </Filters>
          )}
        </>
      )}
    </section>
  );
}

/** A row's outcome and what its code means, and what became of an accepted message, in the user's language (the CSV says the same). */
export function describeRow(t: Translate, row: ResultRow): ResultDescription {
  const heard = deliveryOfRow(row);
  return {
    ...ledgerWords(t, row),
    delivery: heard === undefined ? '' : deliveryWord(t, heard),
    deliveryMeaning: heard === 'failed' ? laterFailureWords(t, row.delivery?.code) : '',
  };
}

function ledgerWords(t: Translate, row: ResultRow): { outcome: string; meaning: string } {
  const outcome = t(`campaigns.state.${row.state}`);
  if (!row.code) return { outcome, meaning: '' };
  switch (row.state) {
    case 'failed':
      return { outcome, meaning: failureMeaning(t, row.code) };
    case 'skipped':
      return { outcome, meaning: isSkip(row.code) ? t(`sending.skip.${row.code}`) : row.code };
    case 'unverified':
      return { outcome, meaning: isDoubt(row.code) ? t(`sending.unverified.${row.code}`) : row.code };
    default:
      return { outcome, meaning: '' };
  }
}

const isSkip = (code: string): code is SkipReason => (SKIP_REASONS as readonly string[]).includes(code);
const isDoubt = (code: string): code is UnverifiedCause => (UNVERIFIED_CAUSES as readonly string[]).includes(code);

function slug(name: string): string {
  return (
    name
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .toLowerCase() || 'campaign'
  );
}
