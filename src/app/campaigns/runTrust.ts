import { HttpError } from '../../api/transport/errors';
import type { Transport } from '../../api/transport/types';
import { UsersClient } from '../../api/zendesk/users';
import { isAllowed, type PermissionRule } from '../../core/campaign/permissions';
import type { HeraldSettings } from '../../core/settings/settings';
import { CampaignRunPersistence, type ChunkWriter } from '../../store/campaignRun';
import { UntrustedChangeError, type UntrustedRecord } from '../errors';
import type { CampaignRecord, FrozenDefinition } from '../../store/campaignModel';

/**
 * Only the launcher's word runs a campaign. On plans below Enterprise every agent may edit any
 * custom-object record, so a campaign's status, its definition and its ledger are fields anyone can
 * write; but Zendesk records on each record who last changed it (`updated_by_user_id`) and who made
 * it (`created_by_user_id`), and no client can write those. A run therefore begins only when
 *
 * - the campaign record was last changed by someone with the right to launch campaigns (the status
 *   that says "run me" is theirs), and
 * - every record it sends from (the frozen definition, the audience, the ledger) was made and last
 *   changed by such a person: the template, the values, the rate and the header media are what
 *   Herald froze at launch.
 *
 * A re-engagement from a ticket is sent by the agent who made it, launch right or not (any agent may
 * re-engage their ticket's requester): a campaign of exactly one recipient, frozen with its ticket,
 * trusts its own maker as well. Everything else is refused with UntrustedChangeError, which names the
 * person, and nothing is sent. This stops Herald from being the tool of a change nobody allowed; it
 * cannot stop an agent from calling the APIs by hand, which no browser app can.
 */

interface Person {
  name: string | null;
  canLaunch: boolean;
}

/** Who may launch, by Zendesk user id, read from Zendesk (their role, email and groups) and kept for the directory's life. */
export class LaunchRights {
  private readonly users: UsersClient;
  private readonly people = new Map<number, Promise<Person>>();
  private readonly needsGroups: boolean;

  constructor(
    transport: Transport,
    private readonly senders: PermissionRule,
  ) {
    this.users = new UsersClient(transport);
    this.needsGroups = senders.entries.some((entry) => entry.kind === 'group');
  }

  person(userId: number): Promise<Person> {
    let known = this.people.get(userId);
    if (!known) {
      known = this.read(userId);
      this.people.set(userId, known);
      // A failed read is not remembered: the next check asks again.
      known.catch(() => this.people.delete(userId));
    }
    return known;
  }

  private async read(userId: number): Promise<Person> {
    let user;
    try {
      user = await this.users.show(userId);
    } catch (error) {
      // A deleted user can no longer launch anything.
      if (error instanceof HttpError && error.status === 404) return { name: null, canLaunch: false };
      throw error;
    }
    const groups = this.needsGroups ? await this.users.groups(userId) : [];
    return { name: user.name ?? null, canLaunch: isAllowed(this.senders, { id: user.id, email: user.email, role: user.role, groups }) };
  }
}

/** Whom a campaign trusts besides the people with the launch right: the maker of a re-engagement of one. */
export function ownSender(campaign: Pick<CampaignRecord, 'recordCreator'>, definition: Pick<FrozenDefinition, 'origin' | 'recipients'> | undefined): number | undefined {
  if (definition?.origin?.kind !== 'ticket' || definition.recipients !== 1) return undefined;
  return campaign.recordCreator ?? undefined;
}

/**
 * Checks that the campaign record was last changed by someone trusted. Before a run (a scheduled
 * start, a resume) only: an explicit launch writes the actor's own change first.
 */
export async function checkCampaignChange(
  rights: LaunchRights,
  campaign: Pick<CampaignRecord, 'id' | 'lastChangedBy' | 'recordCreator'>,
  definition: Pick<FrozenDefinition, 'origin' | 'recipients'> | undefined,
): Promise<void> {
  await checkWriter(rights, campaign.id, 'campaign', campaign.lastChangedBy, ownSender(campaign, definition));
}

/** The check a run's persistence makes on the chunk records it is about to send from. */
export function chunkWritersCheck(
  rights: LaunchRights,
  campaign: Pick<CampaignRecord, 'id' | 'recordCreator'>,
  definition: Pick<FrozenDefinition, 'origin' | 'recipients'>,
): (writers: readonly ChunkWriter[]) => Promise<void> {
  const own = ownSender(campaign, definition);
  return async (writers) => {
    for (const writer of writers) {
      await checkWriter(rights, campaign.id, writer.kind, writer.createdBy, own);
      await checkWriter(rights, campaign.id, writer.kind, writer.updatedBy, own);
    }
  };
}

async function checkWriter(rights: LaunchRights, campaignId: string, record: UntrustedRecord, userId: number | null, own: number | undefined): Promise<void> {
  if (userId !== null && userId === own) return;
  if (userId === null) throw new UntrustedChangeError(campaignId, record, { id: null, name: null });
  const person = await rights.person(userId);
  if (!person.canLaunch) throw new UntrustedChangeError(campaignId, record, { id: userId, name: person.name });
}

export type CampaignTrust =
  | { trusted: true; frozen: FrozenDefinition | undefined }
  | {
      trusted: false;
      /**
       * `record`: the campaign record was changed (its status, its copy of what it sends); a person
       * who may launch can accept the change, which puts back what was frozen. `frozen`: what was
       * frozen at launch was changed; nobody can vouch for it any more, it can only be cancelled.
       */
      part: 'record' | 'frozen';
      changedBy: { id: number | null; name: string | null };
      frozen: FrozenDefinition | undefined;
    };

/**
 * Whether the campaign's last change is one Herald may run on: asked before offering to start,
 * resume, launch or accept it, and to name whoever changed it when it is not. What was frozen is
 * checked too (who made and last changed it), and returned for the page to show. The audience and
 * ledger chunks, many records for a large campaign, are checked by the run itself.
 */
export async function campaignTrust(context: { transport: Transport; settings: HeraldSettings }, campaign: CampaignRecord): Promise<CampaignTrust> {
  const stored = campaign.reservedThrough === null ? undefined : await new CampaignRunPersistence(context.transport, campaign.id).loadDefinition();
  const frozen = stored?.definition;
  const rights = new LaunchRights(context.transport, context.settings.permissions.senders);
  try {
    if (stored) await chunkWritersCheck(rights, campaign, stored.definition)([stored.writer]);
  } catch (error) {
    if (error instanceof UntrustedChangeError) return { trusted: false, part: 'frozen', changedBy: error.changedBy, frozen };
    throw error;
  }
  try {
    await checkCampaignChange(rights, campaign, frozen);
    return { trusted: true, frozen };
  } catch (error) {
    if (error instanceof UntrustedChangeError) return { trusted: false, part: 'record', changedBy: error.changedBy, frozen };
    throw error;
  }
}
