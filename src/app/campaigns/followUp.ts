import type { Recipient } from '../../core/campaign/plan';
import type { PersistedRun } from '../../core/sending/ports';
import { stateOf } from '../../core/sending/states';
import type { FrozenSend } from '../../store/campaignModel';
import { CampaignRunPersistence } from '../../store/campaignRun';
import { CampaignStore } from '../../store/campaigns';
import type { AppContext } from '../context';
import { requireRight } from '../rights';
import { FollowUpRefusedError } from '../errors';
import { createFrozenCampaign } from './drafts';
import { chunkWritersCheck, LaunchRights } from './runTrust';

/**
 * A follow-up: a new campaign that sends the same message to some recipients of an earlier one
 * (those whose send failed for a passing reason, see retryableFailures; or those left unverified,
 * when the user chooses to send them again). Nothing reopens a finished campaign (the lifecycle
 * says so): the follow-up has its own ledger. It is created as a draft with its audience already
 * frozen, exactly those recipients with the values they had and the message the original froze,
 * so it can be launched without planning the original search again (which would find everyone).
 */

export interface FollowUpRequest {
  /** The original campaign. */
  campaignId: string;
  /** Positions in the original's frozen audience (ResultRow.index); `unverified`: every recipient left unverified. */
  recipients: readonly number[] | 'unverified';
  name: string;
}

/**
 * Creates the follow-up draft, frozen; resolves with its id. Refused (FollowUpRefusedError) before
 * anything is written when a recipient was sent already or may still be; the original's records
 * must have been written by people who may launch, as for a run (runTrust.ts).
 */
export async function createFollowUp(context: AppContext, request: FollowUpRequest): Promise<string> {
  requireRight(context, 'send', request.recipients === 'unverified' ? 'resend-unverified' : 'retry-failed');
  const { transport, actor } = context;
  const original = await new CampaignStore(transport).load(request.campaignId);
  const rights = new LaunchRights(transport, context.settings.permissions.senders);
  const source = new CampaignRunPersistence(transport, original.id, { clock: context.clock });
  const { definition } = await source.loadDefinition();
  const run = await new CampaignRunPersistence(transport, original.id, { clock: context.clock, verifyWriters: chunkWritersCheck(rights, original, definition) }).load();
  const indexes = request.recipients === 'unverified' ? indexesIn(run, 'unverified') : request.recipients;
  // Checked before anything is written: a refused follow-up leaves no trace.
  const recipients = followUpRecipients(run, indexes);
  const { recipients: _count, origin: _origin, ...send } = definition;
  const frozen: FrozenSend = send;
  return createFrozenCampaign(
    context,
    {
      name: request.name,
      channel: frozen.channel,
      integrationId: frozen.integrationId,
      templateName: frozen.templateName,
      templateLanguage: frozen.templateLanguage,
      templateCategory: frozen.templateCategory,
      // The original's search, for the record: where these people came from. Nothing plans it again.
      query: frozen.query ?? original.query,
      // What it sends is the original's frozen message; the mapping is shown as the original's was.
      definition: {
        ...original.definition,
        content: frozen.content,
        slots: frozen.slots,
        mappings: frozen.mappings ?? original.definition.mappings,
        ratePerSecond: frozen.ratePerSecond,
        quietHours: frozen.quietHours,
      },
      createdBy: actor.id,
      createdByName: actor.name,
      followUpOf: original.id,
    },
    recipients,
    frozen,
  );
}

function indexesIn(run: PersistedRun, state: 'unverified'): number[] {
  const indexes: number[] = [];
  for (let index = 0; index < run.recipients.length; index++) if (stateOf(run.ledger.states[index] ?? 0) === state) indexes.push(index);
  return indexes;
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
