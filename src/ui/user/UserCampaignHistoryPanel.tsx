import { Tag } from '@zendeskgarden/react-tags';
import { SM } from '@zendeskgarden/react-typography';
import { useId } from 'react';
import styled from 'styled-components';
import { SKIP_REASONS, UNVERIFIED_CAUSES, type RecipientState, type SkipReason, type UnverifiedCause } from '../../core/sending/states';
import type { HeardCampaignEntry, HeardCampaignHistory } from '../../app/people/campaignHistory';
import { deliveryStateOf, type DeliveryState } from '../../core/delivery/deliveryState';
import { failureMeaning } from '../campaigns/sendingMessages';
import { deliveryWord, laterFailureWords } from '../campaigns/deliveryWords';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { useI18n } from '../i18n/I18nProvider';
import { quoted } from '../i18n/quoted';
import type { Translate } from '../i18n/messages';
import { languageName } from '../templates/languageName';
import { SidebarBlock, SidebarHeading } from './SidebarBlock';
import type { useUserCampaignHistory } from './useUserCampaignHistory';

const Entries = styled.ul`
  list-style: none;
  margin: 0;
  padding: 0;
  display: flex;
  flex-direction: column;
  gap: ${(p) => p.theme.space.sm};
`;

const Entry = styled.li`
  display: flex;
  flex-direction: column;
  gap: ${(p) => p.theme.space.xxs};
  min-width: 0;
  overflow-wrap: anywhere;
`;

const EntryHead = styled.div`
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  justify-content: space-between;
  gap: ${(p) => p.theme.space.xs};
`;

const HUE: Record<RecipientState, string> = {
  pending: 'grey',
  inflight: 'blue',
  sent: 'green',
  failed: 'red',
  skipped: 'grey',
  unverified: 'yellow',
};

/** The campaigns this customer was a recipient of, newest first: when, which campaign and template, and what became of the send. */
export function UserCampaignHistoryPanel({ state }: { state: ReturnType<typeof useUserCampaignHistory> }) {
  const { t } = useI18n();
  const titleId = useId();
  return (
    <SidebarBlock aria-labelledby={titleId}>
      <SidebarHeading id={titleId}>{t('user.history.title')}</SidebarHeading>
      {state.status === 'loading' && <Loading label={t('user.history.loading')} />}
      {state.status === 'error' && <ErrorNotice error={state.error} title={t('user.history.failed')} onRetry={state.reload} />}
      {state.status === 'success' && state.data !== 'missing' && <HistoryContent history={state.data} titleId={titleId} />}
    </SidebarBlock>
  );
}

function HistoryContent({ history, titleId }: { history: HeardCampaignHistory; titleId: string }) {
  const { t, locale } = useI18n();
  if (history.campaignsRead === 0) return <SM>{t('user.history.none')}</SM>;
  return (
    <>
      {history.entries.length === 0 ? (
        <SM>{t('user.history.empty')}</SM>
      ) : (
        <Entries aria-labelledby={titleId}>
          {history.entries.map((entry, index) => (
            <HistoryEntry key={`${entry.campaignId}:${index}`} entry={entry} />
          ))}
        </Entries>
      )}
      {history.unreadable.length > 0 && (
        <SM>
          {t('user.history.unreadable', {
            count: history.unreadable.length,
            names: new Intl.ListFormat(locale, { type: 'conjunction' }).format(history.unreadable.map((campaign) => quoted(locale, campaign.name || t('campaigns.list.unnamed')))),
          })}
        </SM>
      )}
      <SM>{t('user.history.scope', { count: history.campaignsRead })}</SM>
    </>
  );
}

const HEARD_HUE: Record<Exclude<DeliveryState, 'accepted'>, string> = { delivered: 'green', read: 'blue', failed: 'red' };

function HistoryEntry({ entry }: { entry: HeardCampaignEntry }) {
  const { t, locale, formatDateTime } = useI18n();
  const meaning = outcomeMeaning(t, entry);
  // What the Herald service heard about an accepted message: its delivery, when it was read or answered.
  const heard = entry.delivery ? deliveryStateOf(entry.delivery) : 'accepted';
  return (
    <Entry>
      <EntryHead>
        <SM isBold>{entry.campaignName || t('campaigns.list.unnamed')}</SM>
        <span>
          <Tag hue={HUE[entry.state]} size="small">
            {t(`campaigns.state.${entry.state}`)}
          </Tag>{' '}
          {heard !== 'accepted' && (
            <Tag hue={HEARD_HUE[heard]} size="small">
              {deliveryWord(t, heard)}
            </Tag>
          )}
        </span>
      </EntryHead>
      <SM>{`${entry.templateName} · ${languageName(entry.templateLanguage, locale)} · ${t(`campaigns.channel.${entry.channel}`)}`}</SM>
      <SM>{entry.at === null ? t('user.history.noDate') : <time dateTime={new Date(entry.at).toISOString()}>{formatDateTime(entry.at)}</time>}</SM>
      {meaning && <SM>{meaning}</SM>}
      {entry.delivery && <HeardTimes delivery={entry.delivery} />}
      {heard === 'failed' && <SM>{laterFailureWords(t, entry.delivery?.code)}</SM>}
    </Entry>
  );
}

/** When the message was delivered, read and answered, as far as the Herald service heard. */
function HeardTimes({ delivery }: { delivery: NonNullable<HeardCampaignEntry['delivery']> }) {
  const { t, formatDateTime } = useI18n();
  const times = [
    delivery.readAt === undefined ? (delivery.deliveredAt === undefined ? undefined : t('delivery.history.deliveredAt', { at: formatDateTime(delivery.deliveredAt) })) : t('delivery.history.readAt', { at: formatDateTime(delivery.readAt) }),
    delivery.repliedAt === undefined ? undefined : t('delivery.history.repliedAt', { at: formatDateTime(delivery.repliedAt) }),
  ].filter((line): line is string => line !== undefined);
  return times.length === 0 ? null : <SM>{times.join(' · ')}</SM>;
}

const isSkip = (code: string): code is SkipReason => (SKIP_REASONS as readonly string[]).includes(code);
const isDoubt = (code: string): code is UnverifiedCause => (UNVERIFIED_CAUSES as readonly string[]).includes(code);

/** What the code of a failed, skipped or unverified send means; the results table says the same. */
function outcomeMeaning(t: Translate, entry: HeardCampaignEntry): string {
  if (entry.code === undefined) return '';
  switch (entry.state) {
    case 'failed':
      return failureMeaning(t, entry.code);
    case 'skipped':
      return isSkip(entry.code) ? t(`sending.skip.${entry.code}`) : entry.code;
    case 'unverified':
      return isDoubt(entry.code) ? t(`sending.unverified.${entry.code}`) : entry.code;
    default:
      return '';
  }
}
