import { maskPhonesInText } from '../../core/phone/maskPhonesInText';
import type { MessagingIntegration } from '../../api/sunshine/integrations';
import { audienceUserSchema } from '../../api/zendesk/audienceUsers';
import { OrganizationsClient } from '../../api/zendesk/organizations';
import { TicketsClient } from '../../api/zendesk/tickets';
import type { ZendeskUser } from '../../api/zendesk/users';
import type { AudienceUser } from '../../core/campaign/audienceUser';
import { evaluateRecipient, type Evaluation, type ExclusionReason } from '../../core/campaign/eligibility';
import { heardIndex, NOT_ON_WHATSAPP_WINDOW_MS, type HeardIndex } from '../../core/campaign/heard';
import { NO_BLACKOUT, toContactLists, type BlackoutIndex, type ContactLists } from '../../core/campaign/lists';
import { resolveValue, type SlotMapping, type TemplateSlot } from '../../core/campaign/mapping';
import type { Recipient } from '../../core/campaign/plan';
import {
  reengagementDecision,
  reengagementNote,
  reengagementOutcome,
  rowOfReport,
  ticketFieldValues,
  type NoteWords,
  type ReengagementDecision,
  type ReengagementOutcome,
  type ReengagementRow,
  type TicketFacts,
} from '../../core/campaign/reengagement';
import { phoneOf } from '../../core/contact/phoneSource';
import { isUsable, normalizePhone } from '../../core/phone/normalizePhone';
import type { RunOutcome } from '../../core/sending/runner';
import type { HeraldSettings } from '../../core/settings/settings';
import type { CatalogueEntry, LogicalTemplate } from '../../core/template/catalogue';
import { BlackoutLogStore } from '../../store/blackoutLog';
import { loadCampaignResults } from '../../store/campaignResults';
import { CampaignRunPersistence } from '../../store/campaignRun';
import { CampaignStore } from '../../store/campaigns';
import { ContactListStore } from '../../store/contactLists';
import { HeardNumbers } from '../../store/heardNumbers';
import { recordRunOutcome } from '../campaigns/campaignRuns';
import { createFrozenCampaign } from '../campaigns/drafts';
import { createCampaignRunner, type EnginePorts } from '../campaigns/engine';
import { chunkWritersCheck, LaunchRights } from '../campaigns/runTrust';
import type { AppContext } from '../context';
import { requireCompleteMapping } from '../mappingCheck';
import { requireRight } from '../rights';

/**
 * Re-engaging a ticket's requester: the same path as a campaign, for one recipient. The requester
 * is checked against the block and allow lists and the blackout log like any audience (the opt-in
 * alone may be waived, core/campaign/reengagement.ts); then a campaign of one is created, its
 * audience frozen, and the sending engine runs it to its end, so that the rate limits, the error
 * classes, the ledger, the blackout log and opt-out recording all apply and the send shows in the
 * campaign history. The recipient's stored result says what happened, and an internal note records
 * it on the ticket. Any agent may re-engage their ticket's requester, as in Relay.
 */

/** Who is re-engaged, from which ticket. */
export interface ReengageTarget {
  ticket: TicketFacts;
  requester: AudienceUser;
  /** The requester wrote on this ticket: the condition of the opt-in waiver. */
  customerWrote: boolean;
}

/** What is sent: a template sendable on the integration, and each placeholder's mapping. */
export interface ReengageMessage {
  template: LogicalTemplate;
  integration: MessagingIntegration;
  entry: CatalogueEntry;
  slots: readonly TemplateSlot[];
  mappings: readonly SlotMapping[];
}

/** The lists, the blackout log and what WhatsApp reported about numbers, as the eligibility reads them. */
export interface SendGuard {
  lists: ContactLists;
  blackout: BlackoutIndex;
  /** Numbers reported not on WhatsApp (30 days) or at their marketing limit (24 hours), as the Herald service heard them. */
  heard: HeardIndex;
}

export interface Assessment {
  evaluation: Evaluation;
  decision: ReengagementDecision;
}

export type ReengageStage = 'checking' | 'saving' | 'sending' | 'noting';

export type NoteResult = { status: 'added' } | { status: 'failed'; error: unknown; body: string };

export type ReengageResult =
  /** `heardAt`: when WhatsApp reported the number not on WhatsApp or at its marketing limit, when that is a reason. */
  | { status: 'refused'; reasons: ExclusionReason[]; heardAt?: number }
  | {
      status: 'finished';
      campaignId: string;
      campaignName: string;
      outcome: ReengagementOutcome;
      waived: ExclusionReason[];
      note: NoteResult;
    };

/** The words of the campaign's name and the note, in the agent's language (the screen gives them). */
export interface ReengageWords {
  campaignName: (ticketId: number) => string;
  /** A template language as the agent reads it ("Spanish"). */
  languageName: (code: string) => string;
  slotLabel: (slot: TemplateSlot) => string;
  note: NoteWords;
}

/** The requester's organization's name, which a placeholder may show; null when there is none or it cannot be read (a nicety, never a blocker). */
export async function organizationName(context: Pick<AppContext, 'transport'>, organizationId: number | null | undefined): Promise<string | null> {
  if (typeof organizationId !== 'number') return null;
  try {
    return (await new OrganizationsClient(context.transport).names([organizationId])).get(organizationId) ?? null;
  } catch {
    return null;
  }
}

/** The requester as a campaign keeps a recipient: every custom field kept (one user, any may be mapped). */
export function requesterAsRecipient(user: ZendeskUser, organizationName?: string | null): AudienceUser {
  const recipient = audienceUserSchema(Object.keys(user.user_fields ?? {})).parse(user);
  return organizationName ? { ...recipient, organizationName } : recipient;
}

/**
 * The block and allow list entries that can name the requester (by user or by number: two requests,
 * however long the lists), the blackout index and what WhatsApp reported about numbers lately (one
 * request); HeraldObjectsMissingError when Herald's objects are missing.
 */
export async function loadSendGuard(
  context: Pick<AppContext, 'transport' | 'settings'>,
  requester: Pick<AudienceUser, 'id' | 'phone' | 'userFields'>,
  now: number,
): Promise<SendGuard> {
  const { transport, settings } = context;
  const phone = normalizePhone(phoneOf({ phone: requester.phone, user_fields: requester.userFields }, settings.phoneField), settings.defaultCountry);
  const [entries, blackout, heard] = await Promise.all([
    new ContactListStore(transport).loadFor({ userId: requester.id, phone: isUsable(phone) ? phone.e164 : undefined }),
    settings.blackoutDays > 0 ? new BlackoutLogStore(transport).index(now, settings.blackoutDays) : Promise.resolve(NO_BLACKOUT),
    new HeardNumbers(transport).read(now - NOT_ON_WHATSAPP_WINDOW_MS, now),
  ]);
  return { lists: toContactLists(entries), blackout, heard: heardIndex(heard, now) };
}

/** The requester against every rule of a campaign, and the re-engagement's decision on it. */
export function assessReengagement(target: ReengageTarget, message: Pick<ReengageMessage, 'template' | 'integration' | 'slots' | 'mappings'>, guard: SendGuard, settings: HeraldSettings): Assessment {
  const evaluation = evaluateRecipient(target.requester, {
    templateName: message.template.name,
    language: message.template.language,
    channel: message.integration.channel,
    category: message.template.category,
    slots: message.slots,
    mappings: message.mappings,
    contact: settings,
    lists: guard.lists,
    blackout: guard.blackout,
    heard: guard.heard,
    ticket: ticketFieldValues(target.ticket),
  });
  const decision = reengagementDecision(evaluation.reasons, { reengageWithoutOptIn: settings.reengageWithoutOptIn, customerWrote: target.customerWrote });
  return { evaluation, decision };
}

/**
 * Each placeholder's value for the requester, for the preview: undefined where there is none yet
 * (not chosen, or an empty field without fallback), so the screen never shows the template's example
 * as if it were sent.
 */
export function requesterValues(target: ReengageTarget, message: Pick<ReengageMessage, 'slots' | 'mappings'>, settings: HeraldSettings): Array<string | undefined> {
  const context = { ticket: ticketFieldValues(target.ticket), defaultCountry: settings.defaultCountry };
  return message.slots.map((_, index) => {
    const mapping = message.mappings[index];
    return mapping === undefined ? undefined : resolveValue(target.requester, mapping, context);
  });
}

/**
 * Checks the requester again (the lists and the log may have changed since the form opened), then
 * sends as a campaign of one and notes the outcome on the ticket. Rejects when a step before the
 * send fails (nothing was sent) or when the engine cannot run; a failed note is reported, not thrown.
 */
export async function reengage(
  context: AppContext,
  ports: EnginePorts,
  target: ReengageTarget,
  message: ReengageMessage,
  words: ReengageWords,
  onStage: (stage: ReengageStage) => void = () => undefined,
): Promise<ReengageResult> {
  requireRight(context, 'agent', 'reengage');
  requireCompleteMapping(message.slots, message.mappings, { ticketAvailable: true });
  const { settings, actor, transport, clock } = context;
  onStage('checking');
  const guard = await loadSendGuard(context, target.requester, clock.now());
  const { evaluation, decision } = assessReengagement(target, message, guard, settings);
  if (!decision.allowed) return { status: 'refused', reasons: decision.reasons, ...(evaluation.heardAt === undefined ? {} : { heardAt: evaluation.heardAt }) };
  const { phone, values } = evaluation;
  // Allowed means a usable number and every value: the eligibility says so by its reasons.
  if (!isUsable(phone) || values === undefined) return { status: 'refused', reasons: evaluation.reasons.length > 0 ? evaluation.reasons : ['empty-placeholder'] };

  onStage('saving');
  const campaignName = words.campaignName(target.ticket.id);
  const recipient: Recipient = {
    userId: target.requester.id,
    phone: phone.e164,
    country: phone.country,
    locale: target.requester.locale,
    timeZone: target.requester.timeZone,
    values,
  };
  const origin = { kind: 'ticket' as const, ticketId: target.ticket.id };
  const definition = {
    content: message.entry.content,
    slots: [...message.slots],
    mappings: [...message.mappings],
    ratePerSecond: settings.sendRate,
    // The agent sends now, on purpose, to a customer waiting on a ticket.
    quietHours: null,
    ...(settings.whatsappNamespace ? { namespace: settings.whatsappNamespace } : {}),
  };
  const campaignId = await createFrozenCampaign(
    context,
    {
      name: campaignName,
      channel: message.integration.channel,
      integrationId: message.integration.id,
      templateName: message.template.name,
      templateLanguage: message.template.language,
      templateCategory: message.entry.category ?? null,
      // No search found this recipient: the ticket did (kept in the definition).
      query: '',
      definition: { ...definition, origin: { ...origin, waived: decision.waived } },
      createdBy: actor.id,
      createdByName: actor.name,
    },
    [recipient],
    {
      channel: message.integration.channel,
      integrationId: message.integration.id,
      templateName: message.template.name,
      templateLanguage: message.template.language,
      templateCategory: message.entry.category ?? null,
      content: definition.content,
      slots: definition.slots,
      ratePerSecond: definition.ratePerSecond,
      quietHours: null,
      ...(definition.namespace ? { namespace: definition.namespace } : {}),
      origin,
      mappings: definition.mappings,
      query: '',
    },
  );
  const store = new CampaignStore(transport);
  const running = await store.transition(campaignId, 'launch', { pauseReason: null, startedAt: clock.now(), launchedBy: actor.id, launchedByName: actor.name });

  onStage('sending');
  const { definition: frozen } = await new CampaignRunPersistence(transport, campaignId).loadDefinition();
  const rights = new LaunchRights(transport, settings.permissions.senders);
  const runner = createCampaignRunner(context, ports, { campaignId, definition: frozen, verifyWriters: chunkWritersCheck(rights, running, frozen) });
  let run: RunOutcome;
  try {
    run = await runner.start();
  } catch (error) {
    // The stored run could not be loaded: nothing was sent; the campaign says why it stopped.
    await store.transition(campaignId, 'pause', { pauseReason: 'unexpected' }).catch(() => undefined);
    throw error;
  }
  await recordRunOutcome(context, campaignId, run);
  // A re-engagement is now or never: one the engine stopped (the reason shows to the agent) is not
  // left paused in the history for someone to resume days later, when the ticket has moved on.
  if (run.status === 'paused') await store.transition(campaignId, 'cancel', { finishedAt: clock.now() }).catch(() => undefined);
  const row = await recipientRow(context, campaignId, run);
  const outcome = reengagementOutcome(row, run.status === 'paused' ? { status: 'paused', reason: run.reason } : { status: run.status });

  onStage('noting');
  const body = reengagementNote(
    {
      templateName: message.template.name,
      languageName: words.languageName(message.template.language),
      channel: message.integration.channel,
      integrationName: message.integration.displayName ?? message.integration.id,
      // A placeholder mapped to a phone field would put the customer's number in the note.
      values: message.slots.map((slot, index) => ({ label: words.slotLabel(slot), value: maskPhonesInText(values[index] ?? '', settings.defaultCountry) })),
      outcome,
      waived: decision.waived,
      agentName: actor.name,
      campaignName,
    },
    words.note,
  );
  const note = await addReengagementNote(context, target.ticket.id, body);
  return { status: 'finished', campaignId, campaignName, outcome, waived: decision.waived, note };
}

/** Adds (or adds again) the note; a failure is returned with the body, for a retry. */
export async function addReengagementNote(context: Pick<AppContext, 'transport'>, ticketId: number, body: string): Promise<NoteResult> {
  try {
    await new TicketsClient(context.transport).addInternalNote(ticketId, body);
    return { status: 'added' };
  } catch (error) {
    return { status: 'failed', error, body };
  }
}

/** The recipient's stored result; the run's report when it cannot be read back. */
async function recipientRow(context: Pick<AppContext, 'transport'>, campaignId: string, run: RunOutcome): Promise<ReengagementRow | undefined> {
  try {
    const [row] = await loadCampaignResults(new CampaignRunPersistence(context.transport, campaignId));
    if (row) return row;
  } catch {
    // Reading back failed: the report the runner just made says the same for one recipient.
  }
  return 'report' in run ? rowOfReport(run.report) : undefined;
}
