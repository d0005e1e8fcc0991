import type { Recipient } from '../../core/campaign/plan';
import { retryableFailures, type ResultRow, type RetrySelection } from '../../core/campaign/results';
import type { RecipientDelivery } from '../../core/delivery/deliveryState';
import { heardResend } from '../../core/delivery/resend';
import type { PersistedRun } from '../../core/sending/ports';
import { stateOf } from '../../core/sending/states';
import type { FrozenSend } from '../../store/campaignModel';
import { CampaignRunPersistence } from '../../store/campaignRun';
import { CampaignStore } from '../../store/campaigns';
import { DeliveryOutcomes } from '../../store/deliveryOutcomes';
import type { AppContext } from '../context';
import { requireRight } from '../rights';
import { FollowUpRefusedError } from '../errors';
import { createFrozenCampaign } from './drafts';
import { chunkWritersCheck, LaunchRights } from './runTrust';

/**
 * A follow-up: a new campaign that sends the same message to some recipients of an earlier one
 * (those whose send failed for a passing reason, on the call or later as the Herald service heard
 * it, see retryableFailures; or those left unverified, when the user chooses to send them again). Nothing reopens a finished campaign (the lifecycle
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
  // What the Herald service heard after Sunshine accepted them: a later failure may be sent again, a delivery never.
  const deliveries = await new DeliveryOutcomes(transport, { clock: context.clock }).readAll(original.id, run.recipients.length);
  const now = context.clock.now();
  const indexes = request.recipients === 'unverified' ? unverifiedToResend(run, deliveries, now) : request.recipients;
  // Checked before anything is written: a refused follow-up leaves no trace.
  const recipients = followUpRecipients(run, indexes, deliveries, now);
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

/**
 * Who "retry failed" sends to now, of these results: the passing failures on the call, and the
 * later ones as the Herald service heard them (read here, the campaign's delivery chunks).
 */
export async function retryFailedSelection(context: Pick<AppContext, 'transport' | 'clock'>, campaignId: string, rows: readonly ResultRow[]): Promise<RetrySelection> {
  const deliveries = await new DeliveryOutcomes(context.transport, { clock: context.clock }).readAll(campaignId, rows.length);
  return retryableFailures(rows, deliveries, context.clock.now());
}

/** The unverified recipients, but those the service heard got the message or would fail again. */
function unverifiedToResend(run: PersistedRun, deliveries: ReadonlyMap<number, RecipientDelivery>, now: number): number[] {
  const indexes: number[] = [];
  for (let index = 0; index < run.recipients.length; index++) {
    if (stateOf(run.ledger.states[index] ?? 0) !== 'unverified') continue;
    const { verdict } = heardResend(deliveries.get(index), now);
    if (verdict === 'accepted' || verdict === 'retry') indexes.push(index);
  }
  return indexes;
}

/**
 * The recipients at these indexes, each once, in the original's send order. Refused when one of
 * them got the message (the ledger says Sunshine accepted it and nothing heard says it failed, or
 * the service heard it delivered), failed later for a reason a retry would meet again, is at its
 * marketing limit for less than 24 hours, or may still be sent to by the original.
 */
function followUpRecipients(run: PersistedRun, indexes: readonly number[], deliveries: ReadonlyMap<number, RecipientDelivery>, now: number): Recipient[] {
  const wanted = [...new Set(indexes)].sort((a, b) => a - b);
  if (wanted.length === 0) throw new FollowUpRefusedError('no-recipients', []);
  const size = run.recipients.length;
  const outside = wanted.filter((index) => !Number.isInteger(index) || index < 0 || index >= size);
  if (outside.length > 0) throw new FollowUpRefusedError('not-in-audience', outside);
  const stateAt = (index: number) => stateOf(run.ledger.states[index] ?? 0);
  const heardOf = (index: number) => heardResend(deliveries.get(index), now);
  const sent = wanted.filter((index) => heardOf(index).verdict === 'received' || (stateAt(index) === 'sent' && heardOf(index).verdict === 'accepted'));
  if (sent.length > 0) throw new FollowUpRefusedError('already-sent', sent);
  const final = wanted.filter((index) => heardOf(index).verdict === 'never');
  if (final.length > 0) throw new FollowUpRefusedError('fails-again', final);
  const waiting = wanted.flatMap((index) => {
    const heard = heardOf(index);
    return heard.verdict === 'wait' ? [{ index, until: heard.until }] : [];
  });
  if (waiting.length > 0) throw new FollowUpRefusedError('marketing-limit', waiting.map(({ index }) => index), Math.max(...waiting.map(({ until }) => until)));
  const unfinished = wanted.filter((index) => stateAt(index) === 'pending' || stateAt(index) === 'inflight');
  if (unfinished.length > 0) throw new FollowUpRefusedError('still-pending', unfinished);
  return wanted.map((index) => run.recipients[index] as Recipient);
}
