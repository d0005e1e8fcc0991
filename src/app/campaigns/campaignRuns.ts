import { allowedEvents, HELD_AFTER_ACCEPTED_CHANGE, IllegalCampaignTransitionError, UNTRUSTED_PAUSE_REASON, isActive, isFinished, wasReopenedByHand, type CampaignEvent, type CampaignStatus } from '../../core/campaign/lifecycle';
import { scheduleState } from '../../core/campaign/schedule';
import { PERSON_PAUSE_REASON } from '../../core/sending/errorPolicy';
import type { RunOutcome } from '../../core/sending/runner';
import { CampaignRunPersistence } from '../../store/campaignRun';
import { campaignCounts, CampaignStore, type CampaignRecord, type SentFrom } from '../../store/campaigns';
import type { AppContext } from '../context';
import { ScheduleNotDueError, UntrustedChangeError, type AppAction } from '../errors';
import { requireRight } from '../rights';
import { createCampaignRunner, type EnginePorts } from './engine';
import { createFollowUp } from './followUp';
import { recordAsFrozen } from './frozenView';
import type { RunRegistry } from './runRegistry';
import { checkCampaignChange, chunkWritersCheck, LaunchRights } from './runTrust';

/**
 * Starting, pausing, resuming and cancelling a campaign's run, and storing how it ended. Each
 * checks the actor's right, moves the status only through the lifecycle (CampaignStore.transition),
 * and runs only what Herald froze, changed only by people who may launch (runTrust.ts).
 */

export interface CampaignRunDeps {
  runs: RunRegistry;
  ports: EnginePorts;
  /** Told once a run's outcome is stored (the browser tells the agent through Zendesk's notifications). */
  onRunEnd?: (campaign: CampaignRecord, outcome: RunOutcome) => void;
}

/**
 * - `launch`: a draft whose audience is frozen (the wizard's launch, a follow-up) starts now, on the
 *   actor's own word;
 * - `start-now`: a scheduled campaign starts before its time;
 * - `due`: a scheduled campaign whose time has come starts (nobody pressed anything);
 * - `resume`: a paused campaign, or a running one nobody sends any more, goes on where it stopped.
 */
export type StartKind = 'launch' | 'start-now' | 'due' | 'resume';

/** Why a run paused when it could not begin: a record changed by someone without the launch right. */
export { UNTRUSTED_PAUSE_REASON };

const ACTION_OF: Record<StartKind, AppAction> = { launch: 'launch', 'start-now': 'start', due: 'start', resume: 'resume' };

/**
 * Starts (or resumes) the campaign's run here. Resolves once the run is under way (its outcome is
 * stored when it ends); rejects, with nothing sent, when the actor may not, the status does not
 * allow it, or the campaign was last changed by someone without the launch right.
 */
export async function startCampaignRun(
  context: AppContext,
  deps: CampaignRunDeps,
  campaignId: string,
  kind: StartKind,
  options: { resendUnverified?: 'all'; sendFrom?: SentFrom } = {},
): Promise<void> {
  requireRight(context, 'send', options.resendUnverified ? 'resend-unverified' : ACTION_OF[kind]);
  if (deps.runs.isSending(campaignId)) return;
  const here = deps.ports.place ?? 'browser';
  const store = new CampaignStore(context.transport);
  const campaign = await store.load(campaignId);
  const { definition, writer } = await new CampaignRunPersistence(context.transport, campaignId).loadDefinition();
  const rights = new LaunchRights(context.transport, context.settings.permissions.senders);
  const event = eventFor(campaign, kind, context.clock.now());
  // Launching a draft is the actor's own word; anything else runs on a status someone else wrote.
  if (kind !== 'launch') await checkCampaignChange(rights, campaign, definition);
  // What it sends is checked before a runner is built on it (the runner checks the rest as it loads).
  const verifyWriters = chunkWritersCheck(rights, campaign, definition);
  await verifyWriters([writer]);
  const now = context.clock.now();
  // A start names the place that sends (the person's choice, else where the campaign was sent from): a
  // browser handing a campaign to the Herald service writes it and sends nothing itself.
  const sendFrom = options.sendFrom ?? (kind === 'launch' ? here : campaign.sentFrom);
  const moved = campaign.sentFrom !== sendFrom ? { sentFrom: sendFrom } : {};
  const started =
    event === undefined
      ? Object.keys(moved).length > 0
        ? await store.update(campaignId, moved)
        : campaign
      : await store.transition(campaignId, event, {
          pauseReason: null,
          ...moved,
          ...(campaign.startedAt === null ? { startedAt: now } : {}),
          ...(event === 'launch' ? { launchedBy: context.actor.id, launchedByName: context.actor.name, scheduledAt: null } : {}),
        });
  if (sendFrom !== here) return;
  deps.runs.start(
    campaignId,
    (onProgress) =>
      createCampaignRunner(
        context,
        deps.ports,
        { campaignId, definition, verifyWriters },
        { onProgress, ...(options.resendUnverified ? { resendUnverified: options.resendUnverified } : {}) },
      ),
    {
      onEnd: async (outcome) => {
        const stored = await recordRunOutcome(context, campaignId, outcome);
        deps.onRunEnd?.(started, outcome);
        return stored;
      },
      // The run could not begin (its records could not be read, or were changed by someone without the
      // right): nothing was sent, and the campaign says why it is not running.
      onFailed: (error) => pauseAfterFailedStart(context, campaignId, error),
    },
  );
}

/** The lifecycle event a start makes; undefined when the campaign is running already (nobody sends it). */
function eventFor(campaign: CampaignRecord, kind: StartKind, now: number): CampaignEvent | undefined {
  switch (kind) {
    case 'launch':
      if (campaign.status !== 'draft') throw new IllegalCampaignTransitionError(campaign.status, 'launch');
      return 'launch';
    case 'start-now':
      if (campaign.status !== 'scheduled') throw new IllegalCampaignTransitionError(campaign.status, 'launch');
      return 'launch';
    case 'due':
      if (campaign.status !== 'scheduled') throw new IllegalCampaignTransitionError(campaign.status, 'launch');
      if (campaign.scheduledAt === null || scheduleState(campaign.scheduledAt, now) !== 'due') throw new ScheduleNotDueError(campaign.id);
      return 'launch';
    case 'resume':
      return isActive(campaign.status) ? undefined : 'resume';
  }
}

async function pauseAfterFailedStart(context: AppContext, campaignId: string, error: unknown): Promise<CampaignRecord | undefined> {
  const reason = error instanceof UntrustedChangeError ? UNTRUSTED_PAUSE_REASON : 'unexpected';
  return new CampaignStore(context.transport).transition(campaignId, 'pause', { pauseReason: reason }).catch(() => undefined);
}

/**
 * Sends again the recipients whose send may or may not have gone through (the user's informed
 * choice: a duplicate is possible). A paused campaign resumes with them; a finished one is never
 * reopened (the lifecycle says so): they go in a follow-up, frozen and ready to launch.
 */
export async function resendUnverified(
  context: AppContext,
  deps: CampaignRunDeps,
  campaignId: string,
  followUpName: string,
): Promise<{ kind: 'resumed' } | { kind: 'follow-up'; campaignId: string }> {
  requireRight(context, 'send', 'resend-unverified');
  const campaign = await new CampaignStore(context.transport).load(campaignId);
  if (allowedEvents(campaign.status).includes('resume')) {
    await startCampaignRun(context, deps, campaignId, 'resume', { resendUnverified: 'all' });
    return { kind: 'resumed' };
  }
  if (!isFinished(campaign.status)) throw new IllegalCampaignTransitionError(campaign.status, 'resume');
  return { kind: 'follow-up', campaignId: await createFollowUp(context, { campaignId, recipients: 'unverified', name: followUpName }) };
}

/**
 * Someone who may launch takes the campaign as it stands after a change by someone who may not:
 * they become its last changer (nothing is sent), its status is theirs to act on, and the record's
 * copy of what it sends is put back as frozen (frozenView.ts). What it sends stays what was frozen,
 * checked again before any run; a change to what was frozen cannot be accepted (UntrustedChangeError).
 */
export async function acceptCampaignChange(context: AppContext, campaignId: string): Promise<CampaignStatus> {
  requireRight(context, 'send', 'accept-change');
  const store = new CampaignStore(context.transport);
  const campaign = await store.load(campaignId);
  // A campaign that had ended is not reopened by accepting the change that reopened it.
  if (wasReopenedByHand(campaign.status, campaign.finishedAt)) throw new IllegalCampaignTransitionError(campaign.status, 'resume');
  if (campaign.reservedThrough === null) {
    await store.update(campaignId, { changeAcceptedAt: context.clock.now() });
    // A schedule set by that change is not taken with it: the campaign goes back to a draft.
    if (campaign.status === 'scheduled') return (await store.transition(campaignId, 'unschedule', { scheduledAt: null })).status;
    return campaign.status;
  }
  // What was frozen is vouched for by who made it, not by this acceptance: changed, it is refused.
  const { definition, writer } = await new CampaignRunPersistence(context.transport, campaignId).loadDefinition();
  await chunkWritersCheck(new LaunchRights(context.transport, context.settings.permissions.senders), campaign, definition)([writer]);
  // The record's copy of what it sends goes back to what was frozen: its page and history tell the truth again.
  await store.update(campaignId, { changeAcceptedAt: context.clock.now(), ...recordAsFrozen(campaign, definition) });
  // Accepting a change never starts a send by itself: a campaign the change scheduled (a paused one
  // set back to scheduled, say) waits for this person's Resume.
  if (campaign.status === 'scheduled') return (await store.transition(campaignId, 'hold', { pauseReason: HELD_AFTER_ACCEPTED_CHANGE, scheduledAt: null })).status;
  return campaign.status;
}

/**
 * Cancels a campaign whose record does not read (changed by hand into something Herald does not
 * know): Herald never runs such a record, and this stops it for good. A record repaired meanwhile is
 * refused (IllegalCampaignTransitionError): it is to be looked at again.
 */
export async function cancelUnreadableCampaign(context: AppContext, campaignId: string): Promise<void> {
  requireRight(context, 'send', 'cancel');
  await new CampaignStore(context.transport).cancelUnreadable(campaignId, context.clock.now());
}

/** Asks this place's runner to pause; it stops starting sends and stores where it got to. */
export function pauseCampaignRun(context: AppContext, runs: RunRegistry, campaignId: string): void {
  requireRight(context, 'send', 'pause');
  runs.pause(campaignId);
}

/**
 * Pauses the campaign wherever it is sent from: this place's runner at once; a runner elsewhere (the
 * Herald service, another browser) at its next heartbeat, by the status on the record (a person's
 * pause, `user`), which it keeps when it stops. A campaign nobody sends is paused on the record.
 */
export async function pauseCampaign(context: AppContext, deps: Pick<CampaignRunDeps, 'runs'>, campaignId: string): Promise<CampaignRecord | undefined> {
  requireRight(context, 'send', 'pause');
  if (deps.runs.isSending(campaignId)) {
    deps.runs.pause(campaignId);
    return undefined;
  }
  const store = new CampaignStore(context.transport);
  const campaign = await store.load(campaignId);
  if (campaign.status !== 'running') throw new IllegalCampaignTransitionError(campaign.status, 'pause');
  return store.transition(campaignId, 'pause', { pauseReason: PERSON_PAUSE_REASON });
}

/** How long a hand-over waits for the other place's runner to let go of the lease (its heartbeat, its last writes). */
export const HAND_OVER_WAIT_MS = 45_000;

/**
 * Moves a campaign between a browser and the Herald service, nobody in doubt about any recipient:
 * the record names the new place; the runner of the old one sees it at its heartbeat (this place's
 * at once), stops cleanly with every result stored and the lease released; the new place resumes
 * from there. Moving to this place waits for that release (at most `HAND_OVER_WAIT_MS`), then starts
 * here. A paused or scheduled campaign only changes place: it starts there when it resumes or falls due.
 */
export async function moveCampaign(context: AppContext, deps: CampaignRunDeps, campaignId: string, to: SentFrom): Promise<CampaignRecord> {
  requireRight(context, 'send', 'resume');
  const store = new CampaignStore(context.transport);
  const campaign = await store.load(campaignId);
  if (isFinished(campaign.status)) throw new IllegalCampaignTransitionError(campaign.status, 'resume');
  const moved = campaign.sentFrom === to ? campaign : await store.update(campaignId, { sentFrom: to });
  const here = deps.ports.place ?? 'browser';
  if (to !== here) {
    deps.runs.handOver(campaignId);
    return moved;
  }
  if (campaign.status !== 'running' || deps.runs.isSending(campaignId)) return moved;
  // Waited on this place's clock, the one its runners keep time with (a Worker clock in a hidden tab).
  const clock = deps.ports.clock();
  const until = clock.now() + HAND_OVER_WAIT_MS;
  let current = moved;
  while (current.lease !== null && current.lease.expiresAt > clock.now() && clock.now() < until) {
    await clock.sleep(1_000);
    current = await store.load(campaignId);
  }
  if (current.status !== 'running') return current;
  await startCampaignRun(context, deps, campaignId, 'resume', { sendFrom: to });
  return current;
}

/**
 * Cancels the campaign: the runner sending it here stops, or a runner takes the lease only to end
 * every pending recipient as skipped (nothing is sent: it is cancelled before it starts). A
 * campaign changed by someone without the launch right can always be cancelled. A campaign whose
 * audience was never frozen has no ledger: it is only marked cancelled.
 */
export async function cancelCampaign(context: AppContext, deps: CampaignRunDeps, campaignId: string): Promise<void> {
  requireRight(context, 'send', 'cancel');
  if (deps.runs.isSending(campaignId)) {
    deps.runs.cancel(campaignId);
    return;
  }
  const store = new CampaignStore(context.transport);
  const campaign = await store.load(campaignId);
  // Sent from elsewhere (the Herald service, another browser): its runner sees the cancel at its next
  // heartbeat, ends the pending recipients as cancelled and adds its report.
  if (campaign.status === 'running' && campaign.lease !== null && campaign.lease.expiresAt > context.clock.now()) {
    await store.transition(campaignId, 'cancel', { finishedAt: context.clock.now() });
    return;
  }
  if (campaign.reservedThrough === null) {
    await store.transition(campaignId, 'cancel', { finishedAt: context.clock.now() });
    return;
  }
  const { definition } = await new CampaignRunPersistence(context.transport, campaignId).loadDefinition();
  deps.runs.start(
    campaignId,
    (onProgress) => createCampaignRunner(context, deps.ports, { campaignId, definition }, { onProgress }),
    {
      onEnd: async (outcome) => {
        const stored = await recordRunOutcome(context, campaignId, outcome);
        deps.onRunEnd?.(campaign, outcome);
        return stored;
      },
      // Nothing was cancelled: the campaign is read as it stays, for the page to say so.
      onFailed: () => store.load(campaignId),
      purpose: 'cancel',
    },
  );
  deps.runs.cancel(campaignId);
}

/**
 * Starts the scheduled campaigns that are due, on the actor's behalf when they may launch. A
 * campaign more than a few hours late waits for a person (scheduleState says stale); one last
 * changed by someone without the launch right is not started, and is returned with the reason.
 * Only those to be sent from this place start: the other place starts its own (the Herald service),
 * or a person decides while it is away.
 */
export async function startDueCampaigns(
  context: AppContext,
  deps: CampaignRunDeps,
  campaigns: readonly CampaignRecord[],
): Promise<Array<{ campaign: CampaignRecord; error: unknown }>> {
  const refused: Array<{ campaign: CampaignRecord; error: unknown }> = [];
  const now = context.clock.now();
  for (const campaign of campaigns) {
    if (campaign.status !== 'scheduled' || campaign.scheduledAt === null || scheduleState(campaign.scheduledAt, now) !== 'due') continue;
    if (deps.runs.isSending(campaign.id) || campaign.sentFrom !== (deps.ports.place ?? 'browser')) continue;
    try {
      await startCampaignRun(context, deps, campaign.id, 'due');
    } catch (error) {
      refused.push({ campaign, error });
    }
  }
  return refused;
}

/**
 * Stores how a run ended on its campaign (status, report, final counts and pause reason, in one
 * write: what every page then shows), and resolves with the campaign as stored. The counts the run
 * published as it went are best effort; its final ones go with its final status, so a campaign never
 * ends with the counts of a write that failed. A run that had lost the campaign to another runner
 * stores nothing: the campaign is read as that runner left it.
 */
export async function recordRunOutcome(context: Pick<AppContext, 'transport' | 'clock'>, campaignId: string, outcome: RunOutcome): Promise<CampaignRecord> {
  const store = new CampaignStore(context.transport);
  const now = context.clock.now();
  switch (outcome.status) {
    case 'completed':
      return store.transition(campaignId, 'complete', { finishedAt: now, report: outcome.report, counts: campaignCounts(outcome.report.counts), pauseReason: null });
    case 'cancelled':
      // Cancelled elsewhere while this runner sent (its heartbeat saw it): the record keeps that status, gains the run's report.
      if ((await store.load(campaignId)).status === 'cancelled') return store.update(campaignId, { report: outcome.report, counts: campaignCounts(outcome.report.counts) });
      return store.transition(campaignId, 'cancel', { finishedAt: now, report: outcome.report, counts: campaignCounts(outcome.report.counts), pauseReason: null });
    case 'paused':
      // Paused elsewhere (the Herald service, on a burst of later failures): its reason stays, the run's report is added.
      if ((await store.load(campaignId)).status === 'paused') return store.update(campaignId, { report: outcome.report, counts: campaignCounts(outcome.report.counts) });
      return store.transition(campaignId, 'pause', { pauseReason: outcome.reason, report: outcome.report, counts: campaignCounts(outcome.report.counts) });
    case 'busy':
    case 'lease-lost':
      // Another runner has the campaign: its outcome is its to store.
      return store.load(campaignId);
    case 'handed-over':
      // Still running, now from the other place, which goes on from the counts stored here.
      return store.update(campaignId, { counts: campaignCounts(outcome.report.counts) });
  }
}
