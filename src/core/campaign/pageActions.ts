import { allowedEvents, isFinished, wasReopenedByHand, type CampaignStatus } from './lifecycle';
import type { RunPresence, SendingPlace } from './runPresence';
import type { ScheduleState } from './schedule';

/**
 * What a campaign's page may offer, decided here once from the lifecycle and who runs it: the page
 * only reads the answer. Each action a button offers is refused again by its use case (src/app)
 * when it does not hold, so this is about not offering what cannot work, not about security.
 */

export interface CampaignPageFacts {
  status: CampaignStatus;
  /** The audience is frozen: there is a ledger to run (or to cancel). */
  frozen: boolean;
  /** Who runs it, as this tab sees it (`here` while this tab sends or starts to). */
  runner: RunPresence;
  /** This tab's runner was asked to pause or cancel and is finishing its sends in flight. */
  stopping: boolean;
  /** For a scheduled campaign, whether its time has come. */
  schedule: ScheduleState | undefined;
  unverified: number;
  /** The person looking may launch, pause, resume and cancel. */
  canSend: boolean;
  /**
   * Someone without the right to launch changed the campaign: Herald will not run it on that change
   * (src/app/campaigns/runTrust.ts). `record`: its record; a person who may launch can accept the
   * change, or cancel. `frozen`: what was frozen at launch; it can only be cancelled.
   */
  untrusted: false | 'record' | 'frozen';
  /**
   * When the campaign ended, as its record keeps it. Set on a campaign whose status says otherwise,
   * only a change could have reopened it, and accepting that change would reopen a finished campaign.
   */
  finishedAt?: number | null;
  /** Where the record says it is sent from. */
  sentFrom: SendingPlace;
  /** The Herald service is connected (its heartbeat is fresh): it can be chosen to send. */
  serviceConnected: boolean;
  /** A runner elsewhere was told to pause or cancel on the record and still holds the lease: it lets go within seconds. */
  runnerStopping?: boolean;
}

export interface CampaignPageActions {
  pause: boolean;
  /** With a confirmation; the page shows it as the main action while this tab sends. */
  cancel: boolean;
  resume: boolean;
  /** A follow-up prepared from another campaign's failures: frozen, never launched. */
  launchFollowUp: boolean;
  /** A scheduled campaign, now rather than at its time. */
  startNow: boolean;
  /** Send again the recipients whose send may or may not have gone through (the user's informed choice). */
  resendUnverified: boolean;
  /** Someone without the launch right looks at a campaign that waits for a person who has it. */
  explainNoRight: boolean;
  /** Take the campaign as it stands after a change by someone without the launch right (it then offers what its status allows). */
  acceptChange: boolean;
  /** Hand it to the Herald service: this tab's run stops cleanly and the service goes on; a scheduled one starts there. */
  moveToService: boolean;
  /** Take it back from the Herald service: its runner lets go and this tab goes on; a scheduled one starts here. */
  moveToBrowser: boolean;
}

/**
 * Where a launch, a resume, a follow-up's launch or a start now may send from, the default first:
 * the Herald service while it is connected (it keeps going with Zendesk closed), else this browser
 * alone (nobody would take the campaign up otherwise).
 */
export function sendingPlaces(serviceConnected: boolean): readonly SendingPlace[] {
  return serviceConnected ? ['service', 'browser'] : ['browser'];
}

/** Where "Start now" sends a scheduled campaign from: the service it was scheduled for while it is connected, else this browser. */
export function startNowPlace(scheduledFor: SendingPlace, serviceConnected: boolean): SendingPlace {
  return scheduledFor === 'service' && serviceConnected ? 'service' : 'browser';
}

/**
 * The campaign waits for someone to run it: paused, running with nobody sending it, a frozen
 * follow-up never launched, or scheduled. Only then does who last changed it matter (runTrust.ts).
 */
export function awaitsARun(facts: Pick<CampaignPageFacts, 'status' | 'frozen' | 'runner'>): boolean {
  const { status, frozen, runner } = facts;
  return frozen && (allowedEvents(status).includes('resume') || runner.kind === 'interrupted' || status === 'draft' || status === 'scheduled');
}

export function campaignPageActions(facts: CampaignPageFacts): CampaignPageActions {
  const { status, frozen, runner, stopping, schedule, canSend, untrusted } = facts;
  const events = allowedEvents(status);
  const here = runner.kind === 'here';
  const elsewhere = runner.kind === 'elsewhere';
  // A paused campaign resumes; a running one nobody sends is taken up again where it stopped.
  const resumable = (events.includes('resume') || runner.kind === 'interrupted') && frozen;
  const followUp = status === 'draft' && frozen;
  const scheduled = status === 'scheduled' && schedule !== undefined;
  const waitsForSomeone = awaitsARun(facts) || scheduled;
  // Nothing starts while a runner elsewhere is still stopping: it would find the lease taken.
  const settled = facts.runnerStopping !== true;
  const runs = canSend && untrusted === false && !here && !elsewhere && settled;
  const reopened = wasReopenedByHand(status, facts.finishedAt);
  const byService = elsewhere && runner.service === true;
  // A person's word on the record reaches a runner elsewhere (the service, another browser) at its next heartbeat.
  const stoppable = canSend && (here ? !stopping : elsewhere);
  const movable = canSend && untrusted === false && (status === 'scheduled' || (status === 'running' && (here ? !stopping : byService)));
  return {
    pause: stoppable,
    cancel: canSend && events.includes('cancel') && (here || elsewhere ? stoppable : settled && (waitsForSomeone || untrusted !== false)),
    resume: runs && resumable,
    launchFollowUp: runs && followUp,
    startNow: runs && scheduled,
    // Paused, they go again on resume; finished, they go again in a follow-up (nothing reopens a finished campaign).
    resendUnverified: runs && frozen && facts.unverified > 0 && (events.includes('resume') || isFinished(status)),
    explainNoRight: !canSend && waitsForSomeone,
    acceptChange: canSend && untrusted === 'record' && !reopened && !here && !elsewhere && waitsForSomeone,
    // A browser hands over only to a service that is there to take it; the service may be taken back from at any time.
    moveToService: movable && facts.serviceConnected && (status === 'scheduled' ? facts.sentFrom === 'browser' : here),
    moveToBrowser: movable && (status === 'scheduled' ? facts.sentFrom === 'service' : byService),
  };
}
