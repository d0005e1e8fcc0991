/**
 * The statuses of a campaign and the only ways between them. One table, so that a button the UI
 * shows, a check before a write and a test all read the same rules, and a new status or event
 * cannot be added without deciding, for each pair, whether it is allowed.
 */

export const CAMPAIGN_STATUSES = ['draft', 'scheduled', 'running', 'paused', 'completed', 'cancelled'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

export const CAMPAIGN_EVENTS = ['schedule', 'unschedule', 'hold', 'launch', 'pause', 'resume', 'complete', 'cancel'] as const;
export type CampaignEvent = (typeof CAMPAIGN_EVENTS)[number];

/**
 * Every status lists every event: the new status, or null when the event is refused there. Why the
 * less obvious rows are what they are:
 *
 * - scheduled + schedule → scheduled: choosing another time keeps it scheduled (no detour by draft).
 * - draft and scheduled + launch → running: "send now", and a scheduled campaign that falls due.
 * - scheduled + hold → paused: a frozen campaign scheduled by someone Herald does not trust, once a
 *   person accepts the change, waits for that person's Resume instead of starting at that time.
 * - paused + launch is refused: a paused campaign resumes (its ledger goes on where it stopped).
 * - paused + complete is refused: only a running runner knows that nobody is left to send.
 * - draft + cancel → cancelled: a draft given up stays listed, marked as such, rather than vanishing.
 * - completed and cancelled refuse everything: what was sent cannot be unsent; a new try is a
 *   new campaign (a follow-up), with its own ledger.
 */
export const CAMPAIGN_TRANSITIONS: Readonly<Record<CampaignStatus, Readonly<Record<CampaignEvent, CampaignStatus | null>>>> = {
  draft: { schedule: 'scheduled', unschedule: null, hold: null, launch: 'running', pause: null, resume: null, complete: null, cancel: 'cancelled' },
  scheduled: { schedule: 'scheduled', unschedule: 'draft', hold: 'paused', launch: 'running', pause: null, resume: null, complete: null, cancel: 'cancelled' },
  running: { schedule: null, unschedule: null, hold: null, launch: null, pause: 'paused', resume: null, complete: 'completed', cancel: 'cancelled' },
  paused: { schedule: null, unschedule: null, hold: null, launch: null, pause: null, resume: 'running', complete: null, cancel: 'cancelled' },
  completed: { schedule: null, unschedule: null, hold: null, launch: null, pause: null, resume: null, complete: null, cancel: null },
  cancelled: { schedule: null, unschedule: null, hold: null, launch: null, pause: null, resume: null, complete: null, cancel: null },
};

/** An event the status does not allow: the campaign changed meanwhile (another tab, another agent) or a bug. */
/** The pause reason of a campaign held (`hold`) when a person accepted a change that had scheduled it. */
export const HELD_AFTER_ACCEPTED_CHANGE = 'change-accepted';

/** The pause reason of a run that could not begin: a record changed by someone without the launch right (app/campaigns/runTrust.ts). */
export const UNTRUSTED_PAUSE_REASON = 'untrusted-change';

export class IllegalCampaignTransitionError extends Error {
  override name = 'IllegalCampaignTransitionError';

  constructor(
    readonly status: CampaignStatus,
    readonly event: CampaignEvent,
  ) {
    super(`A ${status} campaign cannot ${event}`);
  }
}

export function nextStatus(status: CampaignStatus, event: CampaignEvent): CampaignStatus {
  const next = CAMPAIGN_TRANSITIONS[status][event];
  if (next === null) throw new IllegalCampaignTransitionError(status, event);
  return next;
}

/** The events allowed from `status`, in CAMPAIGN_EVENTS order: the actions the UI may offer. */
export function allowedEvents(status: CampaignStatus): CampaignEvent[] {
  return CAMPAIGN_EVENTS.filter((event) => CAMPAIGN_TRANSITIONS[status][event] !== null);
}

/** Nothing has been sent yet: the definition and the audience may still change. */
export function isEditable(status: CampaignStatus): boolean {
  return status === 'draft' || status === 'scheduled';
}

/** Nothing will be sent any more. */
export function isFinished(status: CampaignStatus): boolean {
  return status === 'completed' || status === 'cancelled';
}

/** A runner is (or should be) sending. */
/**
 * A campaign that ended (its record keeps when) but whose status says otherwise: no transition
 * leaves a finished status, so only a hand edit of the record did that.
 */
export function wasReopenedByHand(status: CampaignStatus, finishedAt: number | null | undefined): boolean {
  return finishedAt != null && !isFinished(status);
}

export function isActive(status: CampaignStatus): boolean {
  return status === 'running';
}
