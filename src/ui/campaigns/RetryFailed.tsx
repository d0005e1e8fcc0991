import { Button } from '@zendeskgarden/react-buttons';
import { Body, Close, Footer, FooterItem, Header, Modal } from '@zendeskgarden/react-modals';
import { Paragraph } from '@zendeskgarden/react-typography';
import { useState } from 'react';
import type { ResultRow } from '../../core/campaign/results';
import { createFollowUp, retryFailedSelection } from '../../app/campaigns/followUp';
import type { CampaignRecord } from '../../store/campaigns';
import { ErrorNotice } from '../components/ErrorNotice';
import { useAppContext } from '../herald';
import { useAsync } from '../hooks/useAsync';
import { useI18n } from '../i18n/I18nProvider';
import { followUpName } from './followUpName';

interface RetryFailedProps {
  campaign: CampaignRecord;
  rows: readonly ResultRow[];
  canSend: boolean;
  /** A follow-up campaign was made: open it. */
  onFollowUp: (campaignId: string) => void;
}

/**
 * "Retry failed": the failures worth another try, those refused on the call and those the channel
 * reported later (what the Herald service heard), how many wait for Meta's marketing limit and
 * until when, and a confirmation that says how many failed later before the follow-up is made.
 */
export function RetryFailed({ campaign, rows, canSend, onFollowUp }: RetryFailedProps) {
  const { t, formatDateTime } = useI18n();
  const context = useAppContext();
  const selection = useAsync(() => retryFailedSelection(context, campaign.id, rows), [context, campaign.id, rows]);
  const [confirming, setConfirming] = useState(false);
  const [followUp, setFollowUp] = useState<{ status: 'idle' | 'running' } | { status: 'failed'; error: unknown }>({ status: 'idle' });

  if (selection.status === 'loading') return null;
  if (selection.status === 'error') return <ErrorNotice error={selection.error} title={t('campaigns.results.retryHeardFailed')} onRetry={selection.reload} />;
  const { rows: retry, later, waiting } = selection.data;
  const onCall = retry.length - later;
  const failed = rows.filter((row) => row.state === 'failed').length;

  const create = async () => {
    setFollowUp({ status: 'running' });
    try {
      const id = await createFollowUp(context, { campaignId: campaign.id, recipients: retry.map((row) => row.index), name: followUpName(t, campaign) });
      setFollowUp({ status: 'idle' });
      setConfirming(false);
      onFollowUp(id);
    } catch (error) {
      setConfirming(false);
      setFollowUp({ status: 'failed', error });
    }
  };

  return (
    <>
      {canSend && retry.length > 0 && (
        <div>
          <Button onClick={() => setConfirming(true)} disabled={followUp.status === 'running'}>
            {t('campaigns.results.retryFailed', { count: retry.length })}
          </Button>
        </div>
      )}
      {later > 0 && <Paragraph>{t('campaigns.results.retryLater', { count: later })}</Paragraph>}
      {waiting && <Paragraph>{t('campaigns.results.retryWaiting', { count: waiting.count, at: formatDateTime(waiting.until) })}</Paragraph>}
      {failed > onCall && <Paragraph>{t('campaigns.results.notRetried', { count: failed - onCall })}</Paragraph>}
      {followUp.status === 'failed' && <ErrorNotice error={followUp.error} title={t('campaigns.results.followUpFailed')} />}
      {confirming && (
        <Modal onClose={() => setConfirming(false)} aria-label={t('campaigns.results.retryConfirm.title', { count: retry.length })}>
          <Header tag="h2">{t('campaigns.results.retryConfirm.title', { count: retry.length })}</Header>
          <Body>
            <Paragraph>{t('campaigns.results.retryConfirm.draft')}</Paragraph>
            {onCall > 0 && <Paragraph>{t('campaigns.results.retryConfirm.onCall', { count: onCall })}</Paragraph>}
            {later > 0 && <Paragraph>{t('campaigns.results.retryConfirm.later', { count: later })}</Paragraph>}
            <Paragraph>{t('campaigns.results.retryConfirm.noDuplicate')}</Paragraph>
          </Body>
          <Footer>
            <FooterItem>
              <Button onClick={() => setConfirming(false)} isBasic>
                {t('common.cancel')}
              </Button>
            </FooterItem>
            <FooterItem>
              <Button isPrimary onClick={() => void create()} disabled={followUp.status === 'running'}>
                {t('campaigns.results.retryConfirm.confirm')}
              </Button>
            </FooterItem>
          </Footer>
          <Close aria-label={t('common.close')} />
        </Modal>
      )}
    </>
  );
}
