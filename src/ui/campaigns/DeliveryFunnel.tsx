import { Body, Cell, Head, HeaderCell, HeaderRow, Row, Table } from '@zendeskgarden/react-tables';
import { MD, Paragraph, SM } from '@zendeskgarden/react-typography';
import { useCallback, useId } from 'react';
import styled from 'styled-components';
import { readDeliveryTotals } from '../../app/campaigns/delivery';
import { readHeraldService } from '../../app/settings/heraldService';
import type { DeliveryTotals } from '../../core/delivery/deliveryState';
import { deliveryFunnel, laterFailuresByCode } from '../../core/delivery/funnel';
import type { CampaignRecord } from '../../store/campaigns';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { useHerald } from '../herald';
import { usePolling } from '../hooks/usePolling';
import { useI18n } from '../i18n/I18nProvider';
import { shareWords } from './deliveryWords';
import { Figures } from './Figures';

/** While a campaign sends, and for a day after (late deliveries and reads), what was heard is read this often. */
const POLL_MS = 5_000;
const LIVE_AFTER_FINISH_MS = 24 * 60 * 60 * 1000;

const Section = styled.section`
  display: flex;
  flex-direction: column;
  gap: ${(p) => p.theme.space.sm};
`;

/** Whether what the service hears about the campaign may still change: it sends, or ended less than a day ago. */
export function deliveryStillMoving(campaign: Pick<CampaignRecord, 'status' | 'finishedAt'>, now: number): boolean {
  if (campaign.status === 'running' || campaign.status === 'paused') return true;
  return campaign.finishedAt != null && now - campaign.finishedAt < LIVE_AFTER_FINISH_MS;
}

/**
 * What became of the messages Sunshine accepted, as the Herald service heard it: accepted,
 * delivered, read, replied (each with its share of the accepted), the failures WhatsApp reported
 * later by code, the opt-outs. Without anything heard, it says what Sunshine's acceptance means and
 * what the service would add, rather than claim a delivery.
 */
export function DeliveryFunnel({ campaign, accepted, now }: { campaign: CampaignRecord; accepted: number; now: number }) {
  const { t } = useI18n();
  const { base } = useHerald();
  const titleId = useId();
  const load = useCallback(() => readDeliveryTotals(base, campaign.id), [base, campaign.id]);
  const totals = usePolling(load, { everyMs: POLL_MS, active: deliveryStillMoving(campaign, now) });
  return (
    <Section aria-labelledby={titleId} data-herald-delivery>
      <MD tag="h3" isBold id={titleId}>
        {t('delivery.funnel.title')}
      </MD>
      {totals.status === 'loading' && <Loading label={t('delivery.funnel.title')} />}
      {totals.status === 'error' && <ErrorNotice error={totals.error} title={t('delivery.funnel.unreadable')} onRetry={totals.reload} />}
      {totals.status === 'success' && (totals.data ? <Heard totals={totals.data} accepted={accepted} /> : <NothingHeard />)}
    </Section>
  );
}

function Heard({ totals, accepted }: { totals: DeliveryTotals; accepted: number }) {
  const { t, locale, formatNumber, formatDateTime } = useI18n();
  const failures = laterFailuresByCode(totals);
  return (
    <>
      <Figures aria-label={t('delivery.funnel.caption')}>
        {deliveryFunnel(accepted, totals).map(({ step, count, rate }) => (
          <div key={step}>
            <dt>{t(`delivery.funnel.step.${step}`)}</dt>
            <dd>
              {formatNumber(count)}
              {step !== 'accepted' && rate !== undefined && <SM>{t('delivery.funnel.rate', { rate: shareWords(locale, rate) })}</SM>}
            </dd>
          </div>
        ))}
      </Figures>
      {failures.length === 0 ? (
        <Paragraph>{t('delivery.funnel.noFailure')}</Paragraph>
      ) : (
        <Table size="small" aria-label={t('delivery.funnel.failedCaption')}>
          <Head>
            <HeaderRow>
              <HeaderCell>{t('delivery.funnel.code')}</HeaderCell>
              <HeaderCell>{t('delivery.funnel.meaning')}</HeaderCell>
              <HeaderCell>{t('delivery.funnel.recipients')}</HeaderCell>
            </HeaderRow>
          </Head>
          <Body>
            {failures.map(({ code, count, kind }) => (
              <Row key={code}>
                <Cell>{code}</Cell>
                <Cell>{t(`delivery.failure.${kind}`)}</Cell>
                <Cell>{formatNumber(count)}</Cell>
              </Row>
            ))}
          </Body>
        </Table>
      )}
      <Paragraph>{totals.optedOut > 0 ? t('delivery.funnel.optedOut', { count: totals.optedOut }) : t('delivery.funnel.noOptOut')}</Paragraph>
      <SM>{t('delivery.funnel.heardAt', { at: formatDateTime(totals.heardAt) })}</SM>
    </>
  );
}

/** Nothing heard: Sunshine accepted the messages, and only the Herald service can say more (when it runs, it soon will). */
function NothingHeard() {
  const { t } = useI18n();
  const { base } = useHerald();
  const readService = useCallback(() => readHeraldService(base), [base]);
  const service = usePolling(readService, { everyMs: 30_000, active: true });
  if (service.status === 'success' && service.data.status === 'connected') {
    return (
      <div data-herald-delivery-unheard>
        <Paragraph>
          <strong>{t('delivery.noService.waitingTitle')}</strong>
        </Paragraph>
        <Paragraph>{t('delivery.noService.waiting')}</Paragraph>
      </div>
    );
  }
  return (
    <div data-herald-delivery-unheard>
      <Paragraph>
        <strong>{t('delivery.noService.title')}</strong>
      </Paragraph>
      <Paragraph>{t('delivery.noService.body')}</Paragraph>
      <Paragraph>{t('delivery.noService.adds')}</Paragraph>
      <Paragraph>{t('delivery.noService.settings')}</Paragraph>
    </div>
  );
}
