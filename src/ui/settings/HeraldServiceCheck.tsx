import { Paragraph, UnorderedList } from '@zendeskgarden/react-typography';
import { HeraldObjectsMissingError } from '../../app/errors';
import { Loading } from '../components/Loading';
import type { HeraldServiceRead } from '../hooks/useHeraldService';
import { useNow } from '../hooks/useNow';
import { useI18n } from '../i18n/I18nProvider';
import type { Translate } from '../i18n/messages';

export function heraldServiceVerdict(read: HeraldServiceRead): 'ok' | 'warning' | 'checking' {
  if (read.status === 'loading') return 'checking';
  if (read.status === 'success' && read.data.status === 'connected' && read.data.heartbeat?.webhook === 'registered') return 'ok';
  return 'warning';
}

/** "20 s ago", "il y a 3 min": how long since the service was last heard. */
export function agoText(t: Translate, ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return t('settings.service.ago.seconds', { count: seconds });
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return t('settings.service.ago.minutes', { count: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return t('settings.service.ago.hours', { count: hours });
  return t('settings.service.ago.days', { count: Math.floor(hours / 24) });
}

/**
 * Whether the Herald service hears back for this account: connected (with when it was last heard
 * and its webhook), silent since when, or not connected, with what it adds and how to run it.
 */
export function HeraldServiceCheck({ read }: { read: HeraldServiceRead }) {
  const { t, formatDateTime } = useI18n();
  // The relative times move on between reads.
  const now = useNow(5_000);
  if (read.status === 'loading') return <Loading label={t('settings.checking')} />;
  if (read.status === 'error') {
    return <Paragraph>{read.error instanceof HeraldObjectsMissingError ? t('settings.service.needsObjects') : t('settings.service.unreadable')}</Paragraph>;
  }
  const { heartbeat, status } = read.data;
  // The page's clock may lag the read's by a few ms: never "in 1 s".
  const since = (at: number) => agoText(t, Math.max(now, read.data.readAt) - at);
  if (status === 'absent' || !heartbeat) return <WhatTheServiceAdds lead={t('settings.service.absent')} />;
  if (status === 'silent') {
    return <WhatTheServiceAdds lead={t('settings.service.silent', { at: formatDateTime(heartbeat.beatAt), ago: since(heartbeat.beatAt) })} />;
  }
  return (
    <>
      <Paragraph data-service-status="connected">{t('settings.service.connected', { ago: since(heartbeat.beatAt) })}</Paragraph>
      <Paragraph>
        {heartbeat.lastEventAt === undefined ? t('settings.service.noEventYet') : t('settings.service.lastEvent', { ago: since(heartbeat.lastEventAt) })}
      </Paragraph>
      {heartbeat.webhook !== 'registered' && <Paragraph>{t(`settings.service.webhook.${heartbeat.webhook}`)}</Paragraph>}
    </>
  );
}

function WhatTheServiceAdds({ lead }: { lead: string }) {
  const { t } = useI18n();
  return (
    <>
      <Paragraph data-service-status="not-connected">{lead}</Paragraph>
      <Paragraph>{t('settings.service.adds')}</Paragraph>
      <UnorderedList>
        {(['delivery', 'read', 'replies', 'stop', 'laterFailures'] as const).map((gain) => (
          <UnorderedList.Item key={gain}>{t(`settings.service.gains.${gain}`)}</UnorderedList.Item>
        ))}
      </UnorderedList>
      <Paragraph>{t('settings.service.howToRun')}</Paragraph>
    </>
  );
}
