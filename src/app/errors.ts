import type { MappingProblem } from '../core/campaign/mapping';
import type { ScheduleProblem } from '../core/campaign/schedule';
import type { SendingChunkKind } from '../store/campaignChunks';

/**
 * The refusals of the use cases, in one light module that every screen may import (nothing here
 * pulls a store or the engine into a page that only shows an error), with the few errors of the
 * layers below that screens tell apart. Errors of a heavier module (an export, a CSV, a template
 * submission) are re-exported by the use case that meets them.
 */

export { IllegalCampaignTransitionError } from '../core/campaign/lifecycle';
export { HeraldObjectsMissingError } from '../store/objectGuard';
export { ContactListCsvError, MAX_LIST_FILE_BYTES, MAX_LIST_FILE_ROWS } from '../store/contactListErrors';

/** What a use case does, for the refusal's message. */
export const APP_ACTIONS = [
  'save-draft',
  'launch',
  'schedule',
  'start',
  'pause',
  'resume',
  'accept-change',
  'cancel',
  'retry-failed',
  'resend-unverified',
  'test-send',
  'settings-test-send',
  'edit-lists',
  'save-settings',
  'set-up',
  'reengage',
  'edit-templates',
] as const;
export type AppAction = (typeof APP_ACTIONS)[number];

/** `draft`: may prepare campaigns; `send`: may launch them; `admin`: a Zendesk admin; `agent`: any agent. */
export type Right = 'draft' | 'send' | 'admin' | 'agent';

/** The actor lacks the right a use case needs: nothing was done. */
export class NotAllowedError extends Error {
  override name = 'NotAllowedError';

  constructor(
    readonly action: AppAction,
    readonly right: Right,
  ) {
    super(`Not allowed to ${action}: it needs the ${right} right`);
  }
}

/** Which record was changed by someone without the launch right. */
export type UntrustedRecord = 'campaign' | SendingChunkKind;

export type FollowUpRefusal =
  /** No recipient given. */
  | 'no-recipients'
  /** An index outside the original audience. */
  | 'not-in-audience'
  /** The original already sent to them: a follow-up would send the same paid message twice. */
  | 'already-sent'
  /** The original may still send to them (it is running or paused): they would get it twice. */
  | 'still-pending'
  /** The channel reported a failure a retry would meet again (not on WhatsApp, opted out of marketing…). */
  | 'fails-again'
  /** Meta's marketing limit (131049) was heard less than 24 hours ago: `until` says when they may be sent to. */
  | 'marketing-limit';

export type TestSendRefusal = 'invalid-phone' | 'blocked' | 'opted-out' | 'card-number' | 'us-marketing' | 'too-many-per-minute' | 'too-many-per-day';

export class UntrustedChangeError extends Error {
  override name = 'UntrustedChangeError';

  constructor(
    readonly campaignId: string,
    readonly record: UntrustedRecord,
    /** Who changed it, as Zendesk says (null: Zendesk did not say); their name when they could be read. */
    readonly changedBy: { id: number | null; name: string | null },
  ) {
    super(`Campaign ${campaignId} was changed by someone without the right to launch it (${record}, user ${changedBy.id ?? 'unknown'})`);
  }
}

/** A scheduled campaign asked to start on its own before its time, or so late that a person must decide. */
export class ScheduleNotDueError extends Error {
  override name = 'ScheduleNotDueError';

  constructor(readonly campaignId: string) {
    super(`Campaign ${campaignId} is not due`);
  }
}

/** The draft's campaign can no longer change: it was launched, scheduled, or its audience is frozen. */
export class CampaignNotEditableError extends Error {
  override name = 'CampaignNotEditableError';

  constructor(readonly campaignId: string) {
    super(`Campaign ${campaignId} is no longer a draft that can change`);
  }
}

/** The campaign was created but its audience could not be stored: it was marked cancelled (nobody can launch half a campaign). */
export class CampaignNotFrozenError extends Error {
  override name = 'CampaignNotFrozenError';

  constructor(
    readonly campaignId: string,
    override readonly cause: unknown,
  ) {
    super(`The audience of campaign ${campaignId} could not be stored`);
  }
}

export class FollowUpRefusedError extends Error {
  override name = 'FollowUpRefusedError';

  constructor(
    readonly reason: FollowUpRefusal,
    /** The indexes concerned (the first few in the message). */
    readonly indexes: readonly number[],
    /** For `marketing-limit`: when the last of them may be sent to again (ms since epoch). */
    readonly until?: number,
  ) {
    super(`No follow-up: ${reason}${indexes.length > 0 ? ` (recipients ${indexes.slice(0, 5).join(', ')}${indexes.length > 5 ? '…' : ''})` : ''}`);
  }
}

export class ScheduleRefusedError extends Error {
  override name = 'ScheduleRefusedError';

  constructor(readonly problem: ScheduleProblem) {
    super(`The start time is refused: ${problem}`);
  }
}

/**
 * A placeholder has no value chosen, or a value still to confirm (the template's example typed for
 * everyone): nothing is planned, launched or sent until someone decides.
 */
export class MappingIncompleteError extends Error {
  override name = 'MappingIncompleteError';

  constructor(readonly problems: readonly MappingProblem[]) {
    super(`The placeholders are not all mapped: ${problems.map((problem) => `${problem.slot} ${problem.problem}`).join(', ')}`);
  }
}

/** A campaign to nobody: there is nothing to launch. */
export class EmptyAudienceError extends Error {
  override name = 'EmptyAudienceError';

  constructor() {
    super('The audience has no recipient');
  }
}

export class TestSendRefusedError extends Error {
  override name = 'TestSendRefusedError';

  constructor(
    readonly reason: TestSendRefusal,
    /** When the agent may try again (the limits). */
    readonly retryAt?: number,
  ) {
    super(`Test send refused: ${reason}`);
  }
}

/** The actor lacks the right a use case needs: nothing was done. */
