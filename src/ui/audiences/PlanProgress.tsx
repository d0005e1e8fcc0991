import { Button } from '@zendeskgarden/react-buttons';
import { Progress } from '@zendeskgarden/react-loaders';
import { Paragraph } from '@zendeskgarden/react-typography';
import { useI18n } from '../i18n/I18nProvider';
import type { PlanRun } from './usePlanRun';

/** Long work shows progress: users read, pages, pace, waits for Zendesk's limit, and a way out. */
export function PlanProgress({ run, expected, onCancel }: { run: PlanRun; expected: number | undefined; onCancel: () => void }) {
  const { t, formatNumber, formatDateTime } = useI18n();
  if (run.status !== 'running' && run.status !== 'cancelled') return null;
  const progress = run.progress;
  return (
    <div role="status" aria-live="polite">
      {run.status === 'running' && expected !== undefined && expected > 0 && (
        <Progress aria-label={t('plan.progress.label')} value={Math.min(100, Math.round(((progress?.users ?? 0) / expected) * 100))} />
      )}
      <Paragraph>
        {progress
          ? t('plan.progress.read', { count: progress.users, pages: t('plan.progress.pages', { count: progress.pages }), rate: formatNumber(Math.round(progress.usersPerSecond)) })
          : t('plan.progress.starting')}
      </Paragraph>
      {progress?.phase === 'waiting' && progress.resumesAt !== undefined && <Paragraph>{t('plan.progress.waiting', { time: formatDateTime(progress.resumesAt) })}</Paragraph>}
      {progress?.phase === 'retrying' && <Paragraph>{t('plan.progress.retrying')}</Paragraph>}
      {progress && progress.restarts > 0 && <Paragraph>{t('plan.progress.restarted', { count: progress.restarts })}</Paragraph>}
      {run.status === 'running' ? (
        <Button size="small" onClick={onCancel}>
          {t('plan.progress.cancel')}
        </Button>
      ) : (
        <Paragraph>{t('plan.progress.cancelled')}</Paragraph>
      )}
    </div>
  );
}
