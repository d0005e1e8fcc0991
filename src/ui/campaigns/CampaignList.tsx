import { Button } from '@zendeskgarden/react-buttons';
import { Body, Cell, Head, HeaderCell, HeaderRow, Row, Table } from '@zendeskgarden/react-tables';
import { Paragraph } from '@zendeskgarden/react-typography';
import type { UnreadableCampaignSeen } from '../../app/campaigns/queries';
import type { CampaignRecord } from '../../store/campaigns';
import { EmptyState } from '../components/EmptyState';
import { useI18n } from '../i18n/I18nProvider';
import { languageName } from '../templates/languageName';
import { CampaignStatusTag } from './CampaignStatusTag';
import { useTabRun } from './useTabRun';
import { cancelledSummary } from './cancelledSummary';

interface CampaignListProps {
  campaigns: readonly CampaignRecord[];
  /**
   * Records that do not read as campaigns: those still open are shown above the list
   * (CampaignsSection); every one is listed here too, so that a cancelled one does not vanish.
   */
  unreadable: readonly UnreadableCampaignSeen[];
  onOpen: (campaign: CampaignRecord) => void;
  /** A running campaign nobody sends (runPresence): listed as interrupted, not as sending. */
  interrupted: (campaign: CampaignRecord) => boolean;
  hasMore: boolean;
  onMore: () => void;
}

/** Every campaign, newest first: who launched it, when, what it sent, how far it got. */
export function CampaignList({ campaigns, unreadable, onOpen, interrupted, hasMore, onMore }: CampaignListProps) {
  const { t, locale, formatDateTime } = useI18n();
  if (campaigns.length === 0 && unreadable.length === 0) return <EmptyState title={t('campaigns.empty')}>{t('campaigns.emptyHelp')}</EmptyState>;
  return (
    <>
      <Table aria-label={t('campaigns.list.caption')}>
        <Head>
          <HeaderRow>
            <HeaderCell>{t('campaigns.list.name')}</HeaderCell>
            <HeaderCell>{t('campaigns.list.status')}</HeaderCell>
            <HeaderCell>{t('campaigns.list.template')}</HeaderCell>
            <HeaderCell>{t('campaigns.list.who')}</HeaderCell>
            <HeaderCell>{t('campaigns.list.when')}</HeaderCell>
            <HeaderCell>{t('campaigns.list.progress')}</HeaderCell>
          </HeaderRow>
        </Head>
        <Body>
          {campaigns.map((campaign) => {
            const when = campaign.startedAt ?? campaign.scheduledAt ?? (campaign.createdAt ? Date.parse(campaign.createdAt) : null);
            return (
              <Row key={campaign.id}>
                <Cell>
                  <Button isLink onClick={() => onOpen(campaign)}>
                    {campaign.name || t('campaigns.list.unnamed')}
                  </Button>
                </Cell>
                <Cell>
                  <CampaignStatusTag status={campaign.status} interrupted={interrupted(campaign)} />
                </Cell>
                <Cell>{`${campaign.templateName} · ${languageName(campaign.templateLanguage, locale)} · ${t(`campaigns.channel.${campaign.channel}`)}`}</Cell>
                <Cell>{campaign.launchedByName ?? campaign.createdByName ?? '—'}</Cell>
                <Cell>{when === null || Number.isNaN(when) ? '—' : formatDateTime(when)}</Cell>
                <Cell>{campaign.reservedThrough === null ? '—' : <ListedProgress campaign={campaign} />}</Cell>
              </Row>
            );
          })}
          {unreadable.map((campaign) => (
            <Row key={campaign.id}>
              <Cell>{campaign.name || t('campaigns.list.unnamed')}</Cell>
              <Cell>{campaign.status === 'cancelled' ? <CampaignStatusTag status="cancelled" /> : '—'}</Cell>
              <Cell colSpan={4}>{t('campaigns.list.unreadableRow', { person: campaign.changedByName ?? t('errors.someone') })}</Cell>
            </Row>
          ))}
        </Body>
      </Table>
      {hasMore && (
        <Paragraph>
          <Button onClick={onMore}>{t('campaigns.list.more')}</Button>
        </Paragraph>
      )}
    </>
  );
}

/**
 * How far a campaign got, as its page says it: while this tab sends it, the live figures of its run
 * (the stored ones are published every 15 s); otherwise the stored ones. Only this row follows the
 * run's every message, not the whole list.
 */
function ListedProgress({ campaign }: { campaign: CampaignRecord }) {
  const { t, formatNumber } = useI18n();
  const run = useTabRun(campaign.id);
  const live = run?.phase === 'sending' ? run.progress?.counts : undefined;
  const counts = live ?? campaign.counts;
  const done = counts.sent + counts.failed + counts.skipped + counts.unverified;
  // As its page says it: what went out before the cancel and what never will, not "done".
  if (campaign.status === 'cancelled' && !live) return <>{cancelledSummary(t, counts, campaign.recipients)}</>;
  return <>{t('campaigns.list.sentOf', { sent: formatNumber(counts.sent), done: formatNumber(done), total: formatNumber(campaign.recipients) })}</>;
}
