import type { Transport } from '../api/transport/types';
import type { Recipient } from '../core/campaign/plan';
import type { PersistedRun } from '../core/sending/ports';
import { stateOf } from '../core/sending/states';
import { CampaignRunPersistence, type CampaignRunOptions } from './campaignRun';
import type { CampaignStore } from './campaigns';

/**
 * A follow-up: a new campaign that sends the same message to some recipients of an earlier one
 * (those whose send failed for a passing reason, see retryableFailures). It is created as a draft
 * with its audience already frozen, exactly those recipients with the values they had, so it can be
 * launched without planning the original search again (which would find everyone, not them).
 */

export type FollowUpRefusal =
  /** No recipient given. */
  | 'no-recipients'
  /** An index outside the original audience. */
  | 'not-in-audience'
  /** The original already sent to them: a follow-up would send the same paid message twice. */
  | 'already-sent'
  /** The original may still send to them (it is running or paused): they would get it twice. */
  | 'still-pending';

export class FollowUpRefusedError extends Error {
  override name = 'FollowUpRefusedError';

  constructor(
    readonly reason: FollowUpRefusal,
    /** The indexes concerned (the first few in the message). */
    readonly indexes: readonly number[],
  ) {
    super(`No follow-up: ${reason}${indexes.length > 0 ? ` (recipients ${indexes.slice(0, 5).join(', ')}${indexes.length > 5 ? '…' : ''})` : ''}`);
  }
}

/**
 * The draft was created but its audience could not be stored. It is kept (with `follow_up_of`, so
 * the UI can tell it apart) rather than deleted: deleting could fail the same way. Its audience is
 * not frozen, so it cannot be launched as it is; creating the follow-up again makes a new draft.
 */
export class FollowUpNotFrozenError extends Error {
  override name = 'FollowUpNotFrozenError';

  constructor(
    readonly campaignId: string,
    override readonly cause: unknown,
  ) {
    super(`The follow-up campaign ${campaignId} was created but its audience was not stored`);
  }
}

export interface FollowUpRequest {
  store: CampaignStore;
  transport: Transport;
  /** The original campaign. */
  campaignId: string;
  /** Positions in the original's frozen audience (ResultRow.index). */
  indexes: readonly number[];
  name: string;
  createdBy: number | null;
  createdByName: string | null;
  /** For the chunk writes (bulk job polling). */
  runOptions?: CampaignRunOptions;
}

/** Creates the follow-up draft and freezes its audience; resolves with its id. */
export async function createFollowUpCampaign(request: FollowUpRequest): Promise<string> {
  const { store, transport, campaignId, runOptions } = request;
  const original = await store.load(campaignId);
  const run = await new CampaignRunPersistence(transport, campaignId, runOptions).load();
  // Checked before anything is written: a refused follow-up leaves no trace.
  const recipients = followUpRecipients(run, request.indexes);
  const id = await store.create({
    name: request.name,
    channel: original.channel,
    integrationId: original.integrationId,
    templateName: original.templateName,
    templateLanguage: original.templateLanguage,
    templateCategory: original.templateCategory,
    // The original's search, for the record: where these people came from. Nothing plans it again.
    query: original.query,
    definition: original.definition,
    recipients: recipients.length,
    createdBy: request.createdBy,
    createdByName: request.createdByName,
    followUpOf: original.id,
  });
  try {
    await new CampaignRunPersistence(transport, id, runOptions).freeze(recipients);
  } catch (error) {
    throw new FollowUpNotFrozenError(id, error);
  }
  return id;
}

/** The recipients at these indexes, each once, in the original's send order. */
function followUpRecipients(run: PersistedRun, indexes: readonly number[]): Recipient[] {
  const wanted = [...new Set(indexes)].sort((a, b) => a - b);
  if (wanted.length === 0) throw new FollowUpRefusedError('no-recipients', []);
  const size = run.recipients.length;
  const outside = wanted.filter((index) => !Number.isInteger(index) || index < 0 || index >= size);
  if (outside.length > 0) throw new FollowUpRefusedError('not-in-audience', outside);
  const stateAt = (index: number) => stateOf(run.ledger.states[index] ?? 0);
  const sent = wanted.filter((index) => stateAt(index) === 'sent');
  if (sent.length > 0) throw new FollowUpRefusedError('already-sent', sent);
  const unfinished = wanted.filter((index) => stateAt(index) === 'pending' || stateAt(index) === 'inflight');
  if (unfinished.length > 0) throw new FollowUpRefusedError('still-pending', unfinished);
  return wanted.map((index) => run.recipients[index] as Recipient);
}
