import { Button } from '@zendeskgarden/react-buttons';
import { Alert, Paragraph as AlertText, Title } from '@zendeskgarden/react-notifications';
import { Body, Close, Footer, FooterItem, Header as ModalHeader, Modal } from '@zendeskgarden/react-modals';
import { LG, Paragraph } from '@zendeskgarden/react-typography';
import { useCallback, useEffect, useRef, useState } from 'react';
import styled from 'styled-components';
import { UntrustedChangeError } from '../../app/errors';
import { campaignAsFrozen, changedSinceFrozen, loadFrozenDefinition, type FrozenPart } from '../../app/campaigns/frozenView';
import { campaignTrust, type CampaignTrust } from '../../app/campaigns/runTrust';
import { HELD_AFTER_ACCEPTED_CHANGE, isFinished } from '../../core/campaign/lifecycle';
import { awaitsARun, campaignPageActions, sendingPlaces, startNowPlace } from '../../core/campaign/pageActions';
import { isServiceHolder, leaseHolderAgent, leaseHolderName, stoppingElsewhere, type RunPresence, type SendingPlace } from '../../core/campaign/runPresence';
import { scheduleState, type ScheduleState } from '../../core/campaign/schedule';
import type { CampaignRecord } from '../../store/campaigns';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { useAsync } from '../hooks/useAsync';
import { useFocusRescue } from '../hooks/useFocusRescue';
import { useAppContext, useHerald } from '../herald';
import { heraldServiceConnected, useHeraldService } from '../hooks/useHeraldService';
import { useNow } from '../hooks/useNow';
import { useI18n } from '../i18n/I18nProvider';
import type { Translate } from '../i18n/messages';
import { CampaignDetails } from './CampaignDetails';
import { CampaignProgress } from './CampaignProgress';
import { CampaignStatusTag } from './CampaignStatusTag';
import { DeliveryFunnel } from './DeliveryFunnel';
import { followUpName } from './followUpName';
import { ResultsPanel } from './ResultsPanel';
import { stopReasonMessage } from './sendingMessages';
import { useDueStarts } from './dueStarts';
import { SendingPlaceChoice } from './SendingPlaceChoice';
import { useCampaignRuns } from './useCampaignActions';
import { useCampaignRecord } from './useCampaignRecord';
import { useRunPresence } from './useRunPresence';
import { useTabRun } from './useTabRun';
import { tabSessionId } from '../../platform/tabSession';

const Page = styled.section`
  display: flex;
  flex-direction: column;
  gap: ${(p) => p.theme.space.md};
`;

const Header = styled.div`
  display: flex;
  align-items: center;
  gap: ${(p) => p.theme.space.sm};
  flex-wrap: wrap;
`;

const Actions = styled.div`
  display: flex;
  gap: ${(p) => p.theme.space.sm};
  flex-wrap: wrap;
`;

/** The live page of one campaign: where it is, who sends it, what to do about it, and its results. */
export function CampaignPage({ campaignId, onBack, onOpenCampaign }: { campaignId: string; onBack: () => void; onOpenCampaign: (id: string) => void }) {
  const { t, locale, formatDateTime } = useI18n();
  const context = useAppContext();
  const { rights, runs, base } = useHerald();
  const now = useNow(5_000);
  const run = useTabRun(campaignId);
  const serviceConnected = heraldServiceConnected(useHeraldService());
  // A pause or cancel made here of a run elsewhere: that runner lets go of the lease within seconds.
  const ownHolder = leaseHolderName(base.actor.name, base.actor.id, tabSessionId());
  const stoppingRunner = (campaign: CampaignRecord) => stoppingElsewhere({ status: campaign.status, lease: campaign.lease, now, sendingHere: runs.isSending(campaign.id), ownHolder });
  // Someone else's run is watched: its counts reach the record every 15 s; so is a runner elsewhere
  // that was asked to stop, until it has. A run of this tab that ended shows the campaign as it stored it, at once.
  const written = run?.phase === 'ended' || run?.phase === 'failed' ? run.campaign : undefined;
  const record = useCampaignRecord(
    campaignId,
    (campaign) => ((campaign.status === 'running' || campaign.status === 'scheduled') && !runs.isSending(campaign.id)) || stoppingRunner(campaign) !== undefined,
    written,
  );
  const { campaign } = record;
  const presence = useRunPresence(now, campaign?.status === 'running', serviceConnected);
  // Where a resume or a start sends from, when there is a choice (the service by default).
  const [chosenPlace, setChosenPlace] = useState<SendingPlace>();
  // A move under way, and the last one done (said until the campaign moves on).
  const [moving, setMoving] = useState<SendingPlace>();
  const [moved, setMoved] = useState<SendingPlace>();
  // What a move did is said until the campaign stops or ends.
  const shownStatus = campaign?.status;
  const [movedIn, setMovedIn] = useState(shownStatus);
  if (movedIn !== shownStatus) {
    setMovedIn(shownStatus);
    setMoved(undefined);
  }
  const actions = useCampaignRuns();
  const [confirmCancel, setConfirmCancel] = useState(false);
  const [actionError, setActionError] = useState<unknown>();
  // Said once a change is accepted, until the campaign moves on: the status it was accepted in.
  const [acceptedIn, setAcceptedIn] = useState<string>();
  const dueStarts = useDueStarts();
  const title = useRef<HTMLHeadingElement>(null);
  // The page replaces the control that opened it (the list's link, the wizard's launch): its title has the focus.
  const shownId = campaign?.id;
  useEffect(() => {
    if (shownId) title.current?.focus();
  }, [shownId]);
  // A run of this tab that began (a due start moved the campaign from scheduled to sending), ended or
  // could not start stored the campaign anew: the page reads it again.
  const reload = record.reload;
  const phase = run?.phase === 'starting' ? 'sending' : run?.phase;
  useEffect(() => {
    if (phase !== undefined) void reload();
  }, [phase, reload]);
  const here = run?.phase === 'starting' || run?.phase === 'sending';
  const runner: RunPresence = here ? { kind: 'here' } : campaign ? presence(campaign) : { kind: 'idle' };
  // Whether Herald may run the campaign on its last change: asked only where the page would offer to run it.
  const waiting = campaign !== undefined && !here && awaitsARun({ status: campaign.status, frozen: campaign.reservedThrough !== null, runner });
  const trustRead = useAsync(
    () => (campaign && waiting ? campaignTrust(context, campaign) : Promise.resolve(undefined)),
    [context, waiting, campaign?.id, campaign?.lastChangedBy, campaign?.updatedAt],
  );
  // While the trust is read again (after a reload), the last answer for this campaign stands: no
  // button appears or goes for the time of a request.
  const [lastTrust, setLastTrust] = useState<{ id: string; trust: CampaignTrust | undefined }>();
  if (trustRead.status === 'success' && campaign && (lastTrust?.id !== campaign.id || lastTrust.trust !== trustRead.data)) setLastTrust({ id: campaign.id, trust: trustRead.data });
  const trust = trustRead.status === 'loading' && lastTrust?.id === campaign?.id ? lastTrust?.trust : trustRead.data;
  // What a frozen campaign sends, as frozen: what the page shows, whatever its record now says.
  const frozenRead = useAsync(
    () => (campaign && campaign.reservedThrough !== null ? loadFrozenDefinition(context, campaign.id) : Promise.resolve(undefined)),
    [context, campaign?.id, campaign?.reservedThrough !== null],
  );
  // A run refused on a change found only by the run itself (its audience, its ledger) counts as such a change.
  const refusedRun = run?.phase === 'failed' && run.error instanceof UntrustedChangeError ? run.error : undefined;
  const untrusted = refusedRun
    ? { part: refusedRun.record === 'campaign' ? ('record' as const) : ('frozen' as const), changedBy: refusedRun.changedBy }
    : trust?.trusted === false
      ? { part: trust.part, changedBy: trust.changedBy }
      : undefined;
  // A button goes with the state it acted on (Pause and Cancel once the campaign is done, Resume once it
  // sends, Accept once accepted), or the cancel dialog closes after the button that opened it went: the
  // title takes the focus.
  useFocusRescue(title, `${campaign?.status ?? ''} ${run?.phase ?? ''} ${run?.phase === 'sending' ? (run.stopping ?? '') : ''} ${confirmCancel} ${untrusted?.part ?? ''}`);
  // A due campaign shown here starts now rather than at the next look (dueStarts.tsx).
  const dueNow = campaign?.status === 'scheduled' && campaign.scheduledAt !== null && scheduleState(campaign.scheduledAt, now) === 'due' && rights.send && !untrusted;
  const checkDue = dueStarts.check;
  useEffect(() => {
    if (dueNow) checkDue();
  }, [dueNow, checkDue]);

  if (!campaign) {
    return record.error ? <ErrorNotice error={record.error} title={t('campaigns.page.loadFailed')} onRetry={() => void record.reload()} /> : <Loading label={t('campaigns.page.loading')} />;
  }

  const stopping = run?.phase === 'sending' ? run.stopping : undefined;
  const elsewhere = runner.kind === 'elsewhere';
  const interrupted = runner.kind === 'interrupted';
  // This tab's cancel that failed, or a run's end it could not store: said as such, with the status the campaign kept.
  const cancelFailed = run?.phase === 'failed' && run.purpose === 'cancel';
  const notStored = run?.phase === 'ended' && run.storeError !== undefined ? run : undefined;
  const statusWord = t(interrupted ? 'campaigns.status.interrupted' : `campaigns.status.${campaign.status}`);
  const busy = run?.phase === 'ended' && run.outcome.status === 'busy' ? leaseHolderAgent(run.outcome.holder) : undefined;
  const schedule = campaign.status === 'scheduled' && campaign.scheduledAt !== null ? scheduleState(campaign.scheduledAt, now) : undefined;
  const frozen = campaign.reservedThrough !== null;
  const unverified = campaign.counts.unverified;
  // Messages Sunshine accepted: this tab's run counts them as it goes, the record every few seconds.
  const accepted = run?.phase === 'sending' && run.progress ? run.progress.counts.sent : campaign.counts.sent;
  // What was frozen cannot be shown as such once it was itself changed: the page then shows the
  // records as they are, and says so.
  const frozenDefinition = untrusted?.part === 'frozen' ? undefined : frozenRead.data;
  const changed = frozenDefinition ? changedSinceFrozen(campaign, frozenDefinition) : [];
  const parts = new Intl.ListFormat(locale, { type: 'conjunction' }).format(changed.map((part: FrozenPart) => t(`campaigns.page.frozenPart.${part}`)));
  const remoteStop = stoppingRunner(campaign);
  const offered = campaignPageActions({
    status: campaign.status,
    frozen,
    runner,
    stopping: stopping !== undefined,
    schedule,
    unverified,
    canSend: rights.send,
    untrusted: untrusted?.part ?? false,
    finishedAt: campaign.finishedAt,
    sentFrom: campaign.sentFrom,
    serviceConnected,
    runnerStopping: remoteStop !== undefined,
  });
  const byService = runner.kind === 'elsewhere' && runner.service === true;
  // The service it was left to is gone (not heard for longer than its lease): this browser takes it up.
  const leftByService = interrupted && campaign.sentFrom === 'service';
  const places = sendingPlaces(serviceConnected);
  const place = chosenPlace !== undefined && places.includes(chosenPlace) ? chosenPlace : places[0]!;
  // A scheduled campaign has its place already (the move buttons change it): started now, it goes there if that place can take it.
  const choosesPlace = (offered.resume || offered.launchFollowUp) && places.length > 1;
  const startNowFrom = startNowPlace(campaign.sentFrom, serviceConnected);
  // This tab's runner stops for the service (it finishes its sends in flight first).
  const handingOver = here && (moving === 'service' || (stopping !== undefined && moved === 'service'));
  // Said once the move took: this tab sends it, or the record names the service.
  const movedRun = moved && !moving && !actionError && campaign.status === 'running' && (moved === 'browser' ? here : campaign.sentFrom === 'service') ? moved : undefined;
  const move = (to: SendingPlace) => {
    setMoving(to);
    act(
      () => actions.move(campaign.id, to),
      () => setMoved(to),
    );
  };

  const act = <T,>(work: () => Promise<T> | T, done?: (result: T) => void) => {
    setActionError(undefined);
    Promise.resolve()
      .then(work)
      .then(async (result) => {
        await record.reload();
        done?.(result);
      })
      .catch((error: unknown) => setActionError(error))
      .finally(() => setMoving(undefined));
  };
  const acceptChange = () =>
    act(
      () => actions.acceptChange(campaign.id),
      (status) => {
        setAcceptedIn(status);
        // The button goes with the change it accepted: the title takes the focus, the status says what happened.
        title.current?.focus({ preventScroll: true });
      },
    );
  const resendUnverified = () =>
    act(async () => {
      const resent = await actions.resendUnverified(campaign.id, followUpName(t, campaign));
      // A finished campaign is never reopened: its follow-up opens, for its launch.
      if (resent.kind === 'follow-up') onOpenCampaign(resent.campaignId);
    });

  return (
    <Page aria-label={campaign.name}>
      <div>
        <Button isBasic onClick={onBack}>
          {t('campaigns.page.back')}
        </Button>
      </div>
      <Header>
        <LG tag="h2" isBold ref={title} tabIndex={-1}>
          {campaign.name}
        </LG>
        <CampaignStatusTag status={campaign.status} interrupted={interrupted} />
      </Header>

      {here && (
        <Alert type="info" role="status">
          <Title>{t(handingOver ? 'campaigns.page.moving.service' : stopping ? `campaigns.page.stopping.${stopping}` : 'campaigns.page.sendingHere')}</Title>
          <AlertText>{t('campaigns.page.sendingHereHelp')}</AlertText>
        </Alert>
      )}
      {moving === 'browser' && (
        <Alert type="info" role="status">
          <Title>{t('campaigns.page.moving.browser')}</Title>
        </Alert>
      )}
      {/* A scheduled campaign moved says so in its schedule's line. */}
      {movedRun && (
        <Alert type="success" role="status">
          <Title>{t(`campaigns.page.moved.${movedRun}`)}</Title>
        </Alert>
      )}
      {byService && !busy && !moving && (
        <Alert type="info" role="status">
          <Title>{t('campaigns.page.byService')}</Title>
          <AlertText>{t(runner.kind === 'elsewhere' && runner.holder !== undefined ? 'campaigns.page.byServiceHelp' : 'campaigns.page.byServicePending')}</AlertText>
        </Alert>
      )}
      {remoteStop !== undefined && (campaign.status === 'paused' || campaign.status === 'cancelled') && (
        <Alert type="info" role="status">
          <Title>
            {isServiceHolder(remoteStop)
              ? t(`campaigns.page.remoteStop.${campaign.status === 'paused' ? 'pause' : 'cancel'}.service`)
              : t(`campaigns.page.remoteStop.${campaign.status === 'paused' ? 'pause' : 'cancel'}.other`, { holder: leaseHolderAgent(remoteStop) })}
          </Title>
        </Alert>
      )}
      {((elsewhere && !byService) || busy) && !moving && (
        <Alert type="info" role="status">
          <Title>{senderElsewhere(t, runner, busy)}</Title>
          <AlertText>{t('campaigns.page.elsewhereHelp')}</AlertText>
        </Alert>
      )}
      {untrusted && (
        <Alert type="error" role="alert">
          <Title>{t('campaigns.page.untrusted.title', { name: untrusted.changedBy.name ?? t('errors.someone') })}</Title>
          <AlertText>
            {t(untrustedHelp(untrusted.part, rights.send), { at: campaign.updatedAt ? formatDateTime(Date.parse(campaign.updatedAt)) : '—' })}
          </AlertText>
          {changed.length > 0 && <AlertText>{t('campaigns.page.untrusted.changed', { parts })}</AlertText>}
          {untrusted.part === 'frozen' && <AlertText>{t('campaigns.page.untrusted.detailsAsRecorded')}</AlertText>}
        </Alert>
      )}
      {acceptedIn === campaign.status && !untrusted && (
        <Alert type="success" role="status">
          <Title>{t('campaigns.page.accepted')}</Title>
          {campaign.pauseReason === HELD_AFTER_ACCEPTED_CHANGE && <AlertText>{t('campaigns.page.heldAfterChange')}</AlertText>}
        </Alert>
      )}
      {!untrusted && changed.length > 0 && <Paragraph>{t('campaigns.page.frozenNote', { parts })}</Paragraph>}
      {notStored && (
        <ErrorNotice
          error={notStored.storeError}
          title={notStored.outcome.status === 'busy' || notStored.outcome.status === 'lease-lost' || notStored.outcome.status === 'handed-over' ? t('campaigns.page.loadFailed') : t(`campaigns.page.notStored.${notStored.outcome.status}`, { status: statusWord })}
        />
      )}
      {interrupted && !busy && !untrusted && !notStored && !cancelFailed && (
        <Alert type="warning" role="status">
          <Title>{t(leftByService ? 'campaigns.page.interruptedService' : 'campaigns.page.interrupted')}</Title>
          <AlertText>{t(!rights.send ? 'campaigns.page.interruptedNoRight' : leftByService ? 'campaigns.page.interruptedServiceHelp' : 'campaigns.page.interruptedHelp')}</AlertText>
        </Alert>
      )}
      {/* A change Herald does not trust has its own notice: "Resume to go on" would contradict it. */}
      {campaign.status === 'paused' && !here && !untrusted && remoteStop === undefined && (
        <Alert type={campaign.pauseReason && campaign.pauseReason !== 'user' ? 'error' : 'warning'} role="status">
          <Title>{t('campaigns.page.paused')}</Title>
          <AlertText>{stopReasonMessage(t, campaign.pauseReason ?? 'user')}</AlertText>
        </Alert>
      )}
      {schedule && campaign.scheduledAt !== null && (
        <Alert type={schedule === 'stale' ? 'warning' : 'info'} role="status">
          <Title>{t(`campaigns.page.scheduled.${scheduleWording(schedule, untrusted !== undefined, rights.send, campaign.sentFrom === 'service' ? serviceConnected : undefined)}`, { at: formatDateTime(campaign.scheduledAt) })}</Title>
        </Alert>
      )}
      {run?.phase === 'failed' && !refusedRun && <ErrorNotice error={run.error} title={cancelFailed ? t('campaigns.page.cancelFailed', { status: statusWord }) : t('campaigns.page.startFailed')} />}
      {trustRead.status === 'error' && <ErrorNotice error={trustRead.error} title={t('campaigns.page.trustFailed')} onRetry={trustRead.reload} />}
      {Boolean(actionError) && <ErrorNotice error={actionError} title={t('campaigns.page.actionFailed')} />}

      {frozen && <CampaignProgress total={campaign.recipients} live={run?.phase === 'sending' ? run.progress : undefined} stored={campaign.counts} cancelled={campaign.status === 'cancelled'} />}
      {frozen && accepted > 0 && <DeliveryFunnel campaign={campaign} accepted={accepted} now={now} />}

      {choosesPlace && <SendingPlaceChoice name={`campaign-place-${campaign.id}`} places={places} value={place} onChange={setChosenPlace} explainAlone={false} />}
      <Actions>
        {offered.pause && <Button onClick={() => act(() => actions.pause(campaign.id))}>{t('campaigns.page.pause')}</Button>}
        {offered.acceptChange && <Button onClick={acceptChange}>{t('campaigns.page.untrusted.accept')}</Button>}
        {offered.resume && (
          <Button isPrimary onClick={() => act(() => actions.start(campaign.id, 'resume', { sendFrom: place }))}>
            {t(campaign.sentFrom === 'service' && places.length === 1 ? 'campaigns.page.resumeFromBrowser' : 'campaigns.page.resume')}
          </Button>
        )}
        {offered.launchFollowUp && (
          <Button isPrimary onClick={() => act(() => actions.start(campaign.id, 'launch', { sendFrom: place }))}>
            {t('campaigns.page.launchFollowUp', { count: campaign.recipients })}
          </Button>
        )}
        {offered.startNow && (
          <Button isPrimary onClick={() => act(() => actions.start(campaign.id, 'start-now', { sendFrom: startNowFrom }))}>
            {t('campaigns.page.startNow')}
          </Button>
        )}
        {/* Kept in place, disabled, while the move runs: a second click never lands on the button that would slide under it. */}
        {(offered.moveToService || moving === 'service') && (
          <Button disabled={moving !== undefined} onClick={() => move('service')}>
            {t('campaigns.page.moveToService')}
          </Button>
        )}
        {(offered.moveToBrowser || moving === 'browser') && (
          <Button disabled={moving !== undefined} onClick={() => move('browser')}>
            {t('campaigns.page.moveToBrowser')}
          </Button>
        )}
        {offered.cancel && (
          <Button isDanger isBasic={!here} onClick={() => setConfirmCancel(true)}>
            {t('campaigns.page.cancel')}
          </Button>
        )}
        {offered.resendUnverified && (
          <Button onClick={resendUnverified}>{t(isFinished(campaign.status) ? 'campaigns.page.prepareResendUnverified' : 'campaigns.page.resendUnverified', { count: unverified })}</Button>
        )}
      </Actions>
      {offered.explainNoRight && <Paragraph>{t('campaigns.page.noSendRight')}</Paragraph>}
      {unverified > 0 && <Paragraph>{t('campaigns.page.unverifiedHelp', { count: unverified })}</Paragraph>}

      {frozen && <ResultsPanel campaign={campaign} canSend={rights.send} onFollowUp={onOpenCampaign} />}
      <CampaignDetails campaign={campaignAsFrozen(campaign, frozenDefinition)} />

      {/* The campaign may end while the dialog is open: nothing is left to cancel then, and it closes. */}
      {confirmCancel && offered.cancel && (
        <CancelDialog
          campaign={campaign}
          onClose={() => setConfirmCancel(false)}
          onConfirm={() => {
            setConfirmCancel(false);
            act(() => actions.cancel(campaign.id));
          }}
        />
      )}
    </Page>
  );
}

function untrustedHelp(part: 'record' | 'frozen', canSend: boolean) {
  if (part === 'frozen') return canSend ? 'campaigns.page.untrusted.helpFrozen' : 'campaigns.page.untrusted.helpFrozenNoRight';
  return canSend ? 'campaigns.page.untrusted.help' : 'campaigns.page.untrusted.helpNoRight';
}

/**
 * What the schedule's line says: a due campaign starts only when nothing holds it and someone here may
 * start it; one for the Herald service (`service` says whether it is connected) is started by the service.
 */
function scheduleWording(schedule: ScheduleState, held: boolean, canSend: boolean, service: boolean | undefined): ScheduleState | 'held' | 'dueNoRight' | 'service' | 'serviceDue' | 'serviceDown' {
  if (held && schedule === 'due') return 'held';
  if (service !== undefined && schedule !== 'stale') {
    if (schedule === 'waiting') return 'service';
    return service ? 'serviceDue' : 'serviceDown';
  }
  if (schedule !== 'due') return schedule;
  return canSend ? 'due' : 'dueNoRight';
}

/** Who sends the campaign instead of this tab, as the alert's title says it. */
function senderElsewhere(t: Translate, runner: RunPresence, busy: string | undefined): string {
  if (busy) return t('campaigns.page.elsewhere', { holder: busy });
  if (runner.kind !== 'elsewhere') return '';
  if (runner.holder === undefined) return t('campaigns.page.elsewhere', { holder: t('campaigns.page.otherTab') });
  return t(runner.thisBrowser ? 'campaigns.page.elsewhereTab' : 'campaigns.page.elsewhere', { holder: leaseHolderAgent(runner.holder) });
}

function CancelDialog({ campaign, onClose, onConfirm }: { campaign: CampaignRecord; onClose: () => void; onConfirm: () => void }) {
  const { t } = useI18n();
  // The focus goes to the safe choice as it appears (Garden's would be on the dialog's box, which shows
  // no focus), and back to the button that opened the dialog when it closes, if that button is still there.
  const opener = useRef<Element | null>(null);
  const keep = useCallback((button: HTMLButtonElement | null) => {
    if (!button) return;
    opener.current = button.ownerDocument.activeElement;
    button.focus();
  }, []);
  useEffect(
    () => () => {
      const element = opener.current;
      if (element instanceof HTMLElement && element.isConnected) element.focus();
    },
    [],
  );
  return (
    <Modal onClose={onClose} aria-label={t('campaigns.page.cancelTitle')} focusOnMount={false} restoreFocus={false}>
      <ModalHeader tag="h2" isDanger>{t('campaigns.page.cancelTitle')}</ModalHeader>
      <Body>{t('campaigns.page.cancelBody', { name: campaign.name })}</Body>
      <Footer>
        <FooterItem>
          <Button ref={keep} onClick={onClose} isBasic>
            {t('campaigns.page.keep')}
          </Button>
        </FooterItem>
        <FooterItem>
          <Button isDanger isPrimary onClick={onConfirm}>
            {t('campaigns.page.cancelConfirm')}
          </Button>
        </FooterItem>
      </Footer>
      <Close aria-label={t('common.close')} />
    </Modal>
  );
}
