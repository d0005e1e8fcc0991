import { isEditable } from '../../core/campaign/lifecycle';
import type { SlotMapping, TemplateSlot } from '../../core/campaign/mapping';
import type { Recipient } from '../../core/campaign/plan';
import type { QuietHours } from '../../core/sending/quietHours';
import type { TemplateContent } from '../../core/template/meta';
import type { CampaignDefinition, FrozenSend } from '../../store/campaignModel';
import { CampaignAlreadyFrozenError, CampaignRunPersistence } from '../../store/campaignRun';
import { CampaignStore, type CampaignDraft } from '../../store/campaigns';
import type { AppContext } from '../context';
import { CampaignNotEditableError, CampaignNotFrozenError } from '../errors';
import { requireRight } from '../rights';

/**
 * Drafts, and the one way a campaign's audience is frozen. A draft holds the wizard's choices and
 * can be closed and reopened by its author or a colleague; nothing is sent. Freezing stores the
 * audience and what it sends (a record written once): from then on the campaign is what it will send.
 */

/** What the wizard (or any screen) chose, resolved against the catalogue. */
export interface DraftChoices {
  /** The draft saved before, if any. */
  campaignId: string | undefined;
  name: string;
  integration: { id: string; channel: 'whatsapp' | 'sms' };
  template: { name: string; language: string };
  entry: { content: TemplateContent; category?: string | null };
  slots: readonly TemplateSlot[];
  mappings: readonly SlotMapping[];
  query: string | undefined;
  quietHours: QuietHours | null;
}

/** The campaign's definition as the choices and the settings make it. */
export function definitionOfChoices(context: Pick<AppContext, 'settings'>, choices: DraftChoices): CampaignDefinition {
  const { settings } = context;
  return {
    content: choices.entry.content,
    slots: [...choices.slots],
    mappings: [...choices.mappings],
    ratePerSecond: settings.sendRate,
    quietHours: choices.quietHours,
    ...(settings.whatsappNamespace ? { namespace: settings.whatsappNamespace } : {}),
  };
}

function fieldsOfChoices(context: Pick<AppContext, 'settings'>, choices: DraftChoices) {
  return {
    name: choices.name,
    channel: choices.integration.channel,
    integrationId: choices.integration.id,
    templateName: choices.template.name,
    templateLanguage: choices.template.language,
    templateCategory: choices.entry.category ?? null,
    query: choices.query ?? '',
    definition: definitionOfChoices(context, choices),
  };
}

/**
 * Saves the choices as a draft (created on the first save, updated after); resolves with its id.
 * Only a draft whose audience is not frozen changes: a launched, scheduled or frozen campaign is
 * refused (CampaignNotEditableError), and nothing is written.
 */
export async function saveCampaignDraft(context: AppContext, choices: DraftChoices, recipients?: number): Promise<string> {
  requireRight(context, 'draft', 'save-draft');
  const store = new CampaignStore(context.transport);
  const fields = { ...fieldsOfChoices(context, choices), ...(recipients === undefined ? {} : { recipients }) };
  if (!choices.campaignId) return store.create({ ...fields, createdBy: context.actor.id, createdByName: context.actor.name });
  const stored = await store.load(choices.campaignId);
  // Frozen (scheduled, or a follow-up): what it sends is fixed; only cancelling changes it now.
  if (!isEditable(stored.status) || stored.reservedThrough !== null) throw new CampaignNotEditableError(stored.id);
  return (await store.update(stored.id, fields)).id;
}

/** What the choices send, to freeze with the audience. */
export function frozenSendOfChoices(context: Pick<AppContext, 'settings'>, choices: DraftChoices): FrozenSend {
  const fields = fieldsOfChoices(context, choices);
  return {
    channel: fields.channel,
    integrationId: fields.integrationId,
    templateName: fields.templateName,
    templateLanguage: fields.templateLanguage,
    templateCategory: fields.templateCategory,
    content: fields.definition.content,
    slots: fields.definition.slots,
    ratePerSecond: fields.definition.ratePerSecond,
    quietHours: fields.definition.quietHours,
    ...(fields.definition.namespace ? { namespace: fields.definition.namespace } : {}),
    mappings: fields.definition.mappings,
    query: fields.query,
  };
}

/**
 * Freezes a campaign's audience and what it sends, once: a campaign frozen already keeps what was
 * frozen then (a launch tried again after a failure sends the audience it froze the first time).
 */
export async function freezeCampaign(context: Pick<AppContext, 'transport' | 'clock'>, campaignId: string, audience: Iterable<Recipient>, send: FrozenSend): Promise<void> {
  try {
    await new CampaignRunPersistence(context.transport, campaignId, { clock: context.clock }).freeze(audience, send);
  } catch (error) {
    if (!(error instanceof CampaignAlreadyFrozenError)) throw error;
  }
}

/**
 * Creates a campaign and freezes it at once (a follow-up, a re-engagement): one that cannot be
 * frozen is marked cancelled rather than left as a draft someone could open and launch half-made,
 * and CampaignNotFrozenError says so.
 */
export async function createFrozenCampaign(context: AppContext, draft: CampaignDraft, audience: readonly Recipient[], send: FrozenSend): Promise<string> {
  const store = new CampaignStore(context.transport);
  const campaignId = await store.create({ ...draft, recipients: audience.length });
  try {
    await freezeCampaign(context, campaignId, audience, send);
  } catch (error) {
    await store.transition(campaignId, 'cancel', { finishedAt: context.clock.now() }).catch(() => undefined);
    throw new CampaignNotFrozenError(campaignId, error);
  }
  return campaignId;
}
