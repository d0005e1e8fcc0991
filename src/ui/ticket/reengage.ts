import type { MessagingIntegration } from '../../api/sunshine/integrations';
import type { Transport } from '../../api/transport/types';
import type { TicketsClient } from '../../api/zendesk/tickets';
import type { AudienceUser } from '../../core/campaign/audienceUser';
import { evaluateRecipient, type Evaluation, type ExclusionReason } from '../../core/campaign/eligibility';
import { NO_BLACKOUT, type BlackoutIndex, type ContactLists } from '../../core/campaign/lists';
import type { SlotMapping, TemplateSlot } from '../../core/campaign/mapping';
import type { Recipient } from '../../core/campaign/plan';
import {
  reengagementDecision,
  reengagementNote,
  reengagementOutcome,
  rowOfReport,
  ticketFieldValues,
  type ReengagementDecision,
  type ReengagementOutcome,
  type ReengagementRow,
  type TicketFacts,
} from '../../core/campaign/reengagement';
import { phoneOf } from '../../core/contact/phoneSource';
import { isUsable, normalizePhone } from '../../core/phone/normalizePhone';
import type { CampaignRunner, RunOutcome } from '../../core/sending/runner';
import type { CatalogueEntry, LogicalTemplate } from '../../core/template/catalogue';
import type { BlackoutLogStore } from '../../store/blackoutLog';
import { loadCampaignResults } from '../../store/campaignResults';
import type { CampaignRecord, CampaignStore } from '../../store/campaigns';
import { toContactLists, type ContactListStore } from '../../store/contactLists';
import type { HeraldSettings } from '../../core/settings/settings';
import { createCampaignRunner, runPersistence } from '../campaigns/campaignEngine';
import { storeOutcome } from '../campaigns/useCampaignActions';
import type { Locale } from '../i18n/locale';
import type { Translate } from '../i18n/messages';
import { languageName } from '../templates/languageName';
import { reengagementOutcomeMessage } from './outcomeMessage';

/**
 * Re-engaging a ticket's requester, outside React: the same path as a campaign, for one recipient.
 * The requester is checked against the block and allow lists and the blackout log like any
 * audience (the opt-in alone may be waived, core/campaign/reengagement.ts); then a campaign of one
 * is created, its audience frozen, and the sending engine runs it to its end, so that the rate
 * limits, the error classes, the ledger, the blackout log and opt-out recording all apply and the
 * send shows in the campaign history. The recipient's stored result says what happened, and an
 * internal note records it on the ticket.
 */

export interface ReengageServices {
  transport: Transport;
  campaigns: CampaignStore;
  contactLists: ContactListStore;
  blackoutLog: BlackoutLogStore;
  tickets: TicketsClient;
}

export interface ReengageContext extends ReengageServices {
  settings: HeraldSettings;
  agent: { id: number; name: string };
  /** Names this tab in the campaign's lease. */
  sessionId: string;
  otherTabLabel: string;
  /** The runner of the stored campaign: the engine's own by default. */
  createRunner?: (campaign: CampaignRecord) => CampaignRunner;
}

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

/** The lists and the blackout log as the eligibility reads them. */
export interface SendGuard {
  lists: ContactLists;
  blackout: BlackoutIndex;
}

export interface Assessment {
  evaluation: Evaluation;
  decision: ReengagementDecision;
}

export type ReengageStage = 'checking' | 'saving' | 'sending' | 'noting';

export type NoteResult = { status: 'added' } | { status: 'failed'; error: unknown; body: string };

export type ReengageResult =
  | { status: 'refused'; reasons: ExclusionReason[] }
  | {
      status: 'finished';
      campaignId: string;
      campaignName: string;
      outcome: ReengagementOutcome;
      waived: ExclusionReason[];
      note: NoteResult;
    };

/** The agent's language, for the campaign's name and the note. */
export interface ReengageLanguage {
  t: Translate;
  locale: Locale;
}

/**
 * The block and allow list entries that can name the requester (by user or by number: two requests,
 * however long the lists) and the blackout index; HeraldObjectsMissingError when Herald's objects
 * are missing.
 */
export async function loadSendGuard(
  services: Pick<ReengageServices, 'contactLists' | 'blackoutLog'>,
  settings: HeraldSettings,
  requester: Pick<AudienceUser, 'id' | 'phone' | 'userFields'>,
  now: number,
): Promise<SendGuard> {
  const phone = normalizePhone(phoneOf({ phone: requester.phone, user_fields: requester.userFields }, settings.phoneField), settings.defaultCountry);
  const [entries, blackout] = await Promise.all([
    services.contactLists.loadFor({ userId: requester.id, phone: isUsable(phone) ? phone.e164 : undefined }),
    settings.blackoutDays > 0 ? services.blackoutLog.index(now, settings.blackoutDays) : Promise.resolve(NO_BLACKOUT),
  ]);
  return { lists: toContactLists(entries), blackout };
}

/** The requester against every rule of a campaign, and the re-engagement's decision on it. */
export function assessReengagement(target: ReengageTarget, message: Pick<ReengageMessage, 'template' | 'slots' | 'mappings'>, guard: SendGuard, settings: HeraldSettings): Assessment {
  const evaluation = evaluateRecipient(target.requester, {
    templateName: message.template.name,
    language: message.template.language,
    slots: message.slots,
    mappings: message.mappings,
    contact: settings,
    lists: guard.lists,
    blackout: guard.blackout,
    ticket: ticketFieldValues(target.ticket),
  });
  const decision = reengagementDecision(evaluation.reasons, { reengageWithoutOptIn: settings.reengageWithoutOptIn, customerWrote: target.customerWrote });
  return { evaluation, decision };
}

/**
 * Checks the requester again (the lists and the log may have changed since the form opened), then
 * sends as a campaign of one and notes the outcome on the ticket. Rejects when a step before the
 * send fails (nothing was sent) or when the engine cannot run; a failed note is reported, not thrown.
 */
export async function reengage(
  context: ReengageContext,
  target: ReengageTarget,
  message: ReengageMessage,
  language: ReengageLanguage,
  onStage: (stage: ReengageStage) => void = () => undefined,
): Promise<ReengageResult> {
  const { t } = language;
  const { settings, campaigns, agent } = context;
  onStage('checking');
  const guard = await loadSendGuard(context, settings, target.requester, Date.now());
  const { evaluation, decision } = assessReengagement(target, message, guard, settings);
  if (!decision.allowed) return { status: 'refused', reasons: decision.reasons };
  const { phone, values } = evaluation;
  // Allowed means a usable number and every value: the eligibility says so by its reasons.
  if (!isUsable(phone) || values === undefined) return { status: 'refused', reasons: evaluation.reasons.length > 0 ? evaluation.reasons : ['empty-placeholder'] };

  onStage('saving');
  const campaignName = t('ticket.reengage.campaignName', { id: target.ticket.id });
  const recipient: Recipient = {
    userId: target.requester.id,
    phone: phone.e164,
    country: phone.country,
    locale: target.requester.locale,
    timeZone: target.requester.timeZone,
    values,
  };
  const campaignId = await campaigns.create({
    name: campaignName,
    channel: message.integration.channel,
    integrationId: message.integration.id,
    templateName: message.template.name,
    templateLanguage: message.template.language,
    templateCategory: message.entry.category ?? null,
    // No search found this recipient: the ticket did (kept in the definition).
    query: '',
    definition: {
      content: message.entry.content,
      slots: [...message.slots],
      mappings: [...message.mappings],
      ratePerSecond: settings.sendRate,
      // The agent sends now, on purpose, to a customer waiting on a ticket.
      quietHours: null,
      ...(settings.whatsappNamespace ? { namespace: settings.whatsappNamespace } : {}),
      origin: { kind: 'ticket', ticketId: target.ticket.id, waived: decision.waived },
    },
    recipients: 1,
    createdBy: agent.id,
    createdByName: agent.name,
  });
  try {
    await runPersistence(context.transport, campaignId).freeze([recipient]);
  } catch (error) {
    // Never launched: marked so rather than left as a draft someone could open.
    await campaigns.update(campaignId, { status: 'cancelled', finishedAt: Date.now() }).catch(() => undefined);
    throw error;
  }
  const running = await campaigns.update(campaignId, {
    status: 'running',
    pauseReason: null,
    startedAt: Date.now(),
    launchedBy: agent.id,
    launchedByName: agent.name,
  });

  onStage('sending');
  const runner = (context.createRunner ?? ((campaign) => createCampaignRunner(context, campaign)))(running);
  let run: RunOutcome;
  try {
    run = await runner.start();
  } catch (error) {
    // The stored run could not be loaded: nothing was sent; the campaign says why it stopped.
    await campaigns.update(campaignId, { status: 'paused', pauseReason: 'unexpected' }).catch(() => undefined);
    throw error;
  }
  await storeOutcome(campaigns, campaignId, run);
  // A re-engagement is now or never: one the engine stopped (the reason shows to the agent) is not
  // left paused in the history for someone to resume days later, when the ticket has moved on.
  if (run.status === 'paused') await campaigns.update(campaignId, { status: 'cancelled', finishedAt: Date.now() }).catch(() => undefined);
  const row = await recipientRow(context.transport, campaignId, run);
  const outcome = reengagementOutcome(row, run.status === 'paused' ? { status: 'paused', reason: run.reason } : { status: run.status });

  onStage('noting');
  const body = reengagementNote(
    {
      templateName: message.template.name,
      languageName: languageName(message.template.language, language.locale),
      channel: message.integration.channel,
      integrationName: message.integration.displayName ?? message.integration.id,
      values: message.slots.map((slot, index) => ({ label: slotLabel(t, slot), value: values[index] ?? '' })),
      outcome,
      waived: decision.waived,
      agentName: agent.name,
      campaignName,
    },
    {
      line: (line, vars) => t(`ticket.note.${line}`, vars),
      outcome: (result) => reengagementOutcomeMessage(t, result),
      channel: (channel) => t(`ticket.channelName.${channel}`),
    },
  );
  const note = await addNote(context.tickets, target.ticket.id, body);
  return { status: 'finished', campaignId, campaignName, outcome, waived: decision.waived, note };
}

/** Adds (or adds again) the note; a failure is returned with the body, for a retry. */
export async function addNote(tickets: Pick<TicketsClient, 'addInternalNote'>, ticketId: number, body: string): Promise<NoteResult> {
  try {
    await tickets.addInternalNote(ticketId, body);
    return { status: 'added' };
  } catch (error) {
    return { status: 'failed', error, body };
  }
}

/** The recipient's stored result; the run's report when it cannot be read back. */
async function recipientRow(transport: Transport, campaignId: string, run: RunOutcome): Promise<ReengagementRow | undefined> {
  try {
    const [row] = await loadCampaignResults(runPersistence(transport, campaignId));
    if (row) return row;
  } catch {
    // Reading back failed: the report the runner just made says the same for one recipient.
  }
  return 'report' in run ? rowOfReport(run.report) : undefined;
}

function slotLabel(t: Translate, slot: TemplateSlot): string {
  if (slot.component === 'header') return t('ticket.note.slot.header');
  if (slot.component === 'button') return t('ticket.note.slot.button', { button: (slot.buttonIndex ?? 0) + 1 });
  return t('ticket.note.slot.body', { position: slot.position });
}
