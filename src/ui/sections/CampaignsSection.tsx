import { Button } from '@zendeskgarden/react-buttons';
import { Alert, Paragraph as AlertText, Title } from '@zendeskgarden/react-notifications';
import { Paragraph } from '@zendeskgarden/react-typography';
import { useEffect, useRef, useState, type ComponentProps } from 'react';
import type { UnreadableCampaignSeen } from '../../app/campaigns/queries';
import { scheduleState } from '../../core/campaign/schedule';
import type { CampaignRecord } from '../../store/campaigns';
import { HeraldObjectsMissingError } from '../../app/errors';
import { useZaf } from '../../zaf/ZafProvider';
import { CampaignList } from '../campaigns/CampaignList';
import type { CampaignPage } from '../campaigns/CampaignPage';
import { useDueStarts } from '../campaigns/dueStarts';
import { useCampaignRuns } from '../campaigns/useCampaignActions';
import { useCampaignListing } from '../campaigns/useCampaignListing';
import { useRunPhases } from '../campaigns/useRunPhases';
import { useRunPresence } from '../campaigns/useRunPresence';
import type { CampaignWizard } from '../campaigns/wizard/CampaignWizard';
import { draftStart, newCampaignStart, type WizardStart } from '../campaigns/wizard/wizardState';
import { errorMessage } from '../components/errorMessage';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { Section } from '../components/Section';
import { SetupNotice } from '../components/SetupNotice';
import { heraldServiceConnected, useHeraldService } from '../hooks/useHeraldService';
import { useNow } from '../hooks/useNow';
import { useAppContext, useHerald } from '../herald';
import { useI18n } from '../i18n/I18nProvider';
import { lazyPart, PartSlot } from '../shell/lazyPart';
import { ChannelsBlock, type ChannelsState } from './ChannelsBlock';

/** The wizard and a campaign's page download when opened: the list comes first. */
const wizardPart = lazyPart<ComponentProps<typeof CampaignWizard>>(() => import('../campaigns/wizard/CampaignWizard').then((module) => module.CampaignWizard));
const campaignPart = lazyPart<ComponentProps<typeof CampaignPage>>(() => import('../campaigns/CampaignPage').then((module) => module.CampaignPage));

type View = { kind: 'list' } | { kind: 'wizard'; start: WizardStart } | { kind: 'campaign'; id: string };

/** How often the list reads the campaigns again while one is sent from elsewhere (as a campaign's page does). */
const LIST_WATCH_INTERVAL_MS = 5_000;

/** How often the list looks again at its scheduled campaigns' times (a stale one asks for a person). */
const SCHEDULE_CHECK_MS = 30_000;

/** The marketer's campaigns: the history, the wizard for a new one, and each campaign's live page. */
export function CampaignsSection({ channels }: { channels: ChannelsState }) {
  const { t } = useI18n();
  const { settings } = useZaf();
  if (!settings.ok) {
    return (
      <Section title={t('campaigns.title')} intro={t('campaigns.intro')}>
        <ChannelsBlock channels={channels} />
      </Section>
    );
  }
  return <CampaignsView channels={channels} />;
}

function CampaignsView({ channels }: { channels: ChannelsState }) {
  const { t, formatDateTime } = useI18n();
  const { rights: permissions, runs } = useHerald();
  const context = useAppContext();
  const listing = useCampaignListing();
  const [view, setView] = useState<View>({ kind: 'list' });
  // The list's title takes the focus when the list replaces the control used (a view closed, the setup done).
  const [listFocus, setListFocus] = useState(0);
  // Said once an unreadable campaign is cancelled: its notice goes, its row stays in the list.
  const [cancelledUnreadable, setCancelledUnreadable] = useState<string>();
  const now = useNow(SCHEDULE_CHECK_MS);
  const service = useHeraldService();
  // Whether a running campaign is interrupted depends on the tabs of this browser too, and on the Herald service for one it is to send.
  const presence = useRunPresence(now, listing.campaigns.some((campaign) => campaign.status === 'running'), heraldServiceConnected(service));
  const { refused: refusedStarts, attempts: startAttempts } = useDueStarts();
  // A start tried, or a run of this tab that moved (started, ended): the list reads the campaigns again.
  const runPhases = useRunPhases();
  const reloadListing = listing.reload;
  const firstRead = useRef(true);
  useEffect(() => {
    if (firstRead.current) {
      firstRead.current = false;
      return;
    }
    void reloadListing();
  }, [startAttempts, runPhases, reloadListing]);
  // Someone else's run publishes its counts every 15 s: the list follows it as the campaign's page does.
  const followsARun = view.kind === 'list' && listing.campaigns.some((campaign) => campaign.status === 'running' && !runs.isSending(campaign.id));
  useEffect(() => {
    if (!followsARun) return undefined;
    const timer = setInterval(() => void reloadListing(), LIST_WATCH_INTERVAL_MS);
    return () => clearInterval(timer);
  }, [followsARun, reloadListing]);

  const backToList = () => {
    setView({ kind: 'list' });
    setListFocus((count) => count + 1);
    void listing.reload();
  };

  const open = (campaign: CampaignRecord) => {
    // A draft without a frozen audience is still being prepared: it opens in the wizard.
    if (campaign.status === 'draft' && campaign.reservedThrough === null) setView({ kind: 'wizard', start: draftStart(campaign) });
    else setView({ kind: 'campaign', id: campaign.id });
  };

  if (view.kind === 'wizard') {
    if (!channels.data) return <ChannelsBlock channels={channels} />;
    return (
      <PartSlot
        part={wizardPart}
        props={{ channels: channels.data, settings: context.settings, initial: view.start, onClose: backToList, onLaunched: (id: string) => setView({ kind: 'campaign', id }) }}
      />
    );
  }

  if (view.kind === 'campaign') {
    return <PartSlot part={campaignPart} props={{ campaignId: view.id, onBack: backToList, onOpenCampaign: (id: string) => setView({ kind: 'campaign', id }) }} />;
  }

  const interrupted = listing.campaigns.filter((campaign) => presence(campaign).kind === 'interrupted');
  // Campaigns live in custom objects: until an admin creates them, there is nothing to list or save.
  const missing = listing.status === 'failed' && listing.error instanceof HeraldObjectsMissingError;
  const stale = listing.campaigns.filter((campaign) => campaign.status === 'scheduled' && campaign.scheduledAt !== null && scheduleState(campaign.scheduledAt, now) === 'stale');

  return (
    <>
      <Section title={t('campaigns.title')} intro={t('campaigns.intro')} focusKey={listFocus}>
        {cancelledUnreadable !== undefined && <Paragraph role="status">{t('campaigns.list.unreadableCancelled', { name: cancelledUnreadable })}</Paragraph>}
        {interrupted.map((campaign) => (
          <CampaignNotice key={campaign.id} title={t('campaigns.list.interrupted', { name: campaign.name })} action={t('campaigns.list.openToResume')} onOpen={() => open(campaign)} />
        ))}
        {stale.map((campaign) => (
          <CampaignNotice
            key={campaign.id}
            title={t('campaigns.list.stale', { name: campaign.name, at: formatDateTime(campaign.scheduledAt ?? 0) })}
            action={t('campaigns.list.openToDecide')}
            onOpen={() => open(campaign)}
          />
        ))}
        {listing.unreadable
          .filter((campaign) => campaign.status !== 'cancelled' && campaign.status !== 'completed')
          .map((campaign) => (
            <UnreadableNotice
              key={campaign.id}
              campaign={campaign}
              onCancelled={(name) => {
                setCancelledUnreadable(name);
                void listing.reload();
              }}
            />
          ))}
        {refusedStarts.map(({ campaign, error }) => (
          <CampaignNotice
            key={campaign.id}
            error
            title={t('campaigns.list.notStarted', { name: campaign.name })}
            body={errorMessage(t, error, formatDateTime).message}
            action={t('campaigns.list.openToDecide')}
            onOpen={() => open(campaign)}
          />
        ))}
        <div>
          <Button isPrimary disabled={!permissions.draft || !channels.data || missing} onClick={() => setView({ kind: 'wizard', start: newCampaignStart(t('campaigns.wizard.defaultName', { date: formatDateTime(now) })) })}>
            {t('campaigns.new')}
          </Button>
        </div>
        {!permissions.draft && <AlertText>{t('campaigns.noDraftRight')}</AlertText>}
        {listing.status === 'loading' && <Loading label={t('campaigns.loading')} />}
        {missing && (
          <SetupNotice
            title={t('campaigns.setup.title')}
            body={t('campaigns.setup.body')}
            // The list reads itself again once the objects are created (useCampaignListing): only the focus moves here.
            onDone={() => setListFocus((count) => count + 1)}
          />
        )}
        {listing.status === 'failed' && !missing && <ErrorNotice error={listing.error} title={t('campaigns.loadFailed')} onRetry={() => void listing.reload()} />}
        {listing.status === 'ready' && (
          <CampaignList
            campaigns={listing.campaigns}
            unreadable={listing.unreadable}
            onOpen={open}
            interrupted={(campaign) => presence(campaign).kind === 'interrupted'}
            hasMore={listing.hasMore}
            onMore={() => void listing.more()}
          />
        )}
      </Section>
      <Section title={t('channels.title')} intro={t('channels.intro')} level={3}>
        <ChannelsBlock channels={channels} />
      </Section>
    </>
  );
}

/** A record that no longer reads as a campaign: whose change it was, and, for a launcher, a way to stop it for good. */
function UnreadableNotice({ campaign, onCancelled }: { campaign: UnreadableCampaignSeen; onCancelled: (name: string) => void }) {
  const { t, formatDateTime } = useI18n();
  const { rights } = useHerald();
  const { cancelUnreadable } = useCampaignRuns();
  const [working, setWorking] = useState(false);
  // Cancelling is for good: asked once more, in place.
  const [confirming, setConfirming] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  const at = campaign.updatedAt === null ? Number.NaN : Date.parse(campaign.updatedAt);
  const name = campaign.name || t('campaigns.list.unnamed');
  const cancel = () => {
    setWorking(true);
    setFailure(undefined);
    cancelUnreadable(campaign.id).then(
      () => onCancelled(name),
      (error: unknown) => {
        setFailure(error);
        setWorking(false);
        setConfirming(false);
      },
    );
  };
  return (
    <Alert type="error" role="alert">
      <Title>
        {t('campaigns.list.unreadableCampaign', {
          name: campaign.name || t('campaigns.list.unnamed'),
          person: campaign.changedByName ?? t('errors.someone'),
          at: Number.isNaN(at) ? '—' : formatDateTime(at),
        })}
      </Title>
      {failure !== undefined && <AlertText>{t('campaigns.list.cancelUnreadableFailed', { reason: errorMessage(t, failure, formatDateTime).message })}</AlertText>}
      <AlertText>
        {rights.send && confirming ? (
          <>
            {t('campaigns.list.cancelUnreadableConfirm', { name })}{' '}
            <Button size="small" isDanger disabled={working} onClick={cancel}>
              {t('campaigns.list.cancelUnreadableYes')}
            </Button>{' '}
            <Button size="small" isBasic disabled={working} onClick={() => setConfirming(false)}>
              {t('campaigns.list.cancelUnreadableNo')}
            </Button>
          </>
        ) : rights.send ? (
          <Button size="small" isDanger onClick={() => setConfirming(true)}>
            {t('campaigns.list.cancelUnreadable')}
          </Button>
        ) : (
          t('campaigns.list.unreadableNoRight')
        )}
      </AlertText>
    </Alert>
  );
}

/** A campaign that needs someone, above the list: what happened, and a way to open it. */
function CampaignNotice({ title, body, action, error, onOpen }: { title: string; body?: string; action: string; error?: boolean; onOpen: () => void }) {
  return (
    <Alert type={error ? 'error' : 'warning'} role={error ? 'alert' : 'status'}>
      <Title>{title}</Title>
      {body && <AlertText>{body}</AlertText>}
      <AlertText>
        <Button size="small" onClick={onOpen}>
          {action}
        </Button>
      </AlertText>
    </Alert>
  );
}
