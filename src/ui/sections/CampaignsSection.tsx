import { Button } from '@zendeskgarden/react-buttons';
import { Alert, Paragraph as AlertText, Title } from '@zendeskgarden/react-notifications';
import { useEffect, useRef, useState, type ComponentProps } from 'react';
import { scheduleState } from '../../core/campaign/schedule';
import type { CampaignRecord } from '../../store/campaigns';
import { HeraldObjectsMissingError } from '../../app/errors';
import { useZaf } from '../../zaf/ZafProvider';
import { CampaignList } from '../campaigns/CampaignList';
import type { CampaignPage } from '../campaigns/CampaignPage';
import { useCampaignRuns } from '../campaigns/useCampaignActions';
import { useCampaignListing } from '../campaigns/useCampaignListing';
import { useRunPresence } from '../campaigns/useRunPresence';
import type { CampaignWizard } from '../campaigns/wizard/CampaignWizard';
import { draftStart, newCampaignStart, type WizardStart } from '../campaigns/wizard/wizardState';
import { errorMessage } from '../components/errorMessage';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { Section } from '../components/Section';
import { SetupNotice } from '../components/SetupNotice';
import { useNow } from '../hooks/useNow';
import { useAppContext, useHerald } from '../herald';
import { useI18n } from '../i18n/I18nProvider';
import { lazyPart, PartSlot } from '../shell/lazyPart';
import { ChannelsBlock, type ChannelsState } from './ChannelsBlock';

/** The wizard and a campaign's page download when opened: the list comes first. */
const wizardPart = lazyPart<ComponentProps<typeof CampaignWizard>>(() => import('../campaigns/wizard/CampaignWizard').then((module) => module.CampaignWizard));
const campaignPart = lazyPart<ComponentProps<typeof CampaignPage>>(() => import('../campaigns/CampaignPage').then((module) => module.CampaignPage));

type View = { kind: 'list' } | { kind: 'wizard'; start: WizardStart } | { kind: 'campaign'; id: string };

/** How often the list looks for scheduled campaigns that are due (a campaign waits at most this long). */
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
  const { rights: permissions } = useHerald();
  const context = useAppContext();
  const listing = useCampaignListing();
  const [view, setView] = useState<View>({ kind: 'list' });
  // The list's title takes the focus when the list replaces the control used (a view closed, the setup done).
  const [listFocus, setListFocus] = useState(0);
  const now = useNow(SCHEDULE_CHECK_MS);
  // Whether a running campaign is interrupted depends on the tabs of this browser too.
  const presence = useRunPresence(now, listing.campaigns.some((campaign) => campaign.status === 'running'));
  const refusedStarts = useScheduledStarts(listing.campaigns, permissions.send, now, listing.reload);

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
            onDone={() => {
              void listing.reload();
              setListFocus((count) => count + 1);
            }}
          />
        )}
        {listing.status === 'failed' && !missing && <ErrorNotice error={listing.error} title={t('campaigns.loadFailed')} onRetry={() => void listing.reload()} />}
        {listing.status === 'ready' && (
          <CampaignList campaigns={listing.campaigns} unreadable={listing.unreadable} onOpen={open} hasMore={listing.hasMore} onMore={() => void listing.more()} />
        )}
      </Section>
      <Section title={t('channels.title')} intro={t('channels.intro')} level={3}>
        <ChannelsBlock channels={channels} />
      </Section>
    </>
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

/**
 * Starts the scheduled campaigns that are due, from this tab, when the agent may send. One more
 * than a few hours late is left for a person to decide (the stale-schedule guard): its audience
 * and message may no longer be right. One last changed by someone without the right to launch is
 * not started: it is returned with the refusal, for the list to say why.
 */
function useScheduledStarts(campaigns: readonly CampaignRecord[], maySend: boolean, now: number, reload: () => Promise<void>) {
  const { startDue } = useCampaignRuns();
  // Tried from this tab already: the list may still say "scheduled" until it is read again.
  const tried = useRef(new Set<string>());
  const [refused, setRefused] = useState<ReadonlyArray<{ campaign: CampaignRecord; error: unknown }>>([]);
  useEffect(() => {
    if (!maySend) return;
    const due = campaigns.filter((campaign) => campaign.status === 'scheduled' && campaign.scheduledAt !== null && !tried.current.has(campaign.id) && scheduleState(campaign.scheduledAt, now) === 'due');
    if (due.length === 0) return;
    for (const campaign of due) tried.current.add(campaign.id);
    void startDue(due).then((refusals) => {
      setRefused((current) => [...current.filter((known) => !due.some((campaign) => campaign.id === known.campaign.id)), ...refusals]);
      return reload();
    });
    // startDue is rebuilt at each render; the campaigns and the time decide when to look again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [campaigns, maySend, now, reload]);
  return refused;
}
