import { Progress } from '@zendeskgarden/react-loaders';
import { SM } from '@zendeskgarden/react-typography';
import type { SendProgress } from '../../core/sending/progress';
import type { CampaignCounts } from '../../store/campaigns';
import { formatDuration } from '../audiences/formatDuration';
import { useI18n } from '../i18n/I18nProvider';
import { cancelledSummary } from './cancelledSummary';
import { Figures } from './Figures';

interface CampaignProgressProps {
  total: number;
  /** Live figures of this tab's run, when it sends the campaign. */
  live: SendProgress | undefined;
  /** Otherwise, the counts last published on the campaign. */
  stored: CampaignCounts;
  /** A cancelled campaign says how many were sent before and how many never will be, not "done". */
  cancelled?: boolean;
}

/** How far a campaign is: a bar, the count of each outcome, the measured rate and the time left. */
export function CampaignProgress({ total, live, stored, cancelled = false }: CampaignProgressProps) {
  const { t, formatNumber, locale } = useI18n();
  // "8,4/s" in French, "8.4/s" in English.
  const oneDecimal = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const counts: CampaignCounts = live
    ? { pending: live.counts.pending + live.counts.inflight, sent: live.counts.sent, failed: live.counts.failed, skipped: live.counts.skipped, unverified: live.counts.unverified }
    : { ...stored };
  const done = counts.sent + counts.failed + counts.skipped + counts.unverified;
  // Stored counts are published as a run goes (none before its first start): whoever is not done is not sent yet.
  if (!live) counts.pending = Math.max(counts.pending, total - done);
  const percent = total > 0 ? Math.min(100, Math.round((done / total) * 100)) : 0;
  return (
    <section aria-label={t('campaigns.progress.title')}>
      <Progress value={percent} aria-label={t('campaigns.progress.bar', { done, count: total })} />
      <SM role="status" aria-live="polite">
        {cancelled && !live
          ? cancelledSummary(t, counts, total)
          : t('campaigns.progress.summary', { done: formatNumber(done), total: formatNumber(total), percent })}
      </SM>
      <Figures>
        {(['sent', 'failed', 'skipped', 'unverified', 'pending'] as const).map((state) => (
          <div key={state}>
            <dt>{t(`campaigns.state.${state}`)}</dt>
            <dd>{formatNumber(counts[state])}</dd>
          </div>
        ))}
        {live && (
          <>
            <div>
              <dt>{t('campaigns.progress.rate')}</dt>
              <dd>{live.measuredRate === undefined ? '—' : t('campaigns.progress.rateValue', { rate: oneDecimal.format(live.measuredRate), target: live.targetRate })}</dd>
            </div>
            <div>
              <dt>{t('campaigns.progress.eta')}</dt>
              <dd>{live.etaSeconds === undefined ? '—' : formatDuration(live.etaSeconds, t)}</dd>
            </div>
            {live.held > 0 && (
              <div>
                <dt>{t('campaigns.progress.held')}</dt>
                <dd>{formatNumber(live.held)}</dd>
              </div>
            )}
          </>
        )}
      </Figures>
    </section>
  );
}
