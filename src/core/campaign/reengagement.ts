import type { SendReport } from '../sending/report';
import type { RecipientState } from '../sending/states';
import type { ExclusionReason } from './eligibility';

/**
 * An agent re-engages a ticket's requester with an approved template (issue 7): the ticket fields
 * a placeholder may read, whether the requester may receive it, what became of the send, and the
 * internal note that records it on the ticket. Sending itself is a campaign of one through the
 * engine (src/ui/ticket/reengage.ts); these are its rules.
 */

/** Ticket fields a placeholder may be mapped to (`{ kind: 'ticket', field }`). */
export const TICKET_FIELDS = ['id', 'subject', 'requester_name', 'assignee_name', 'agent_name'] as const;
export type TicketField = (typeof TICKET_FIELDS)[number];

export interface TicketFacts {
  id: number;
  subject: string | null | undefined;
  requesterName: string | null | undefined;
  assigneeName: string | null | undefined;
  /** The agent who sends the template. */
  agentName: string | null | undefined;
}

/** The ticket's values by field, for `EligibilityConfig.ticket`; an empty field is absent (its fallback applies). */
export function ticketFieldValues(ticket: TicketFacts): Partial<Record<TicketField, string>> {
  const values: Partial<Record<TicketField, string>> = { id: String(ticket.id) };
  const set = (field: TicketField, value: string | null | undefined) => {
    const trimmed = (value ?? '').trim();
    if (trimmed !== '') values[field] = trimmed;
  };
  set('subject', ticket.subject);
  set('requester_name', ticket.requesterName);
  set('assignee_name', ticket.assigneeName);
  set('agent_name', ticket.agentName);
  return values;
}

export interface WaiverRule {
  /** The admin's setting `reengage_without_opt_in`. */
  reengageWithoutOptIn: boolean;
  /** The requester wrote on this ticket (a comment of theirs). */
  customerWrote: boolean;
}

export type ReengagementDecision =
  /** `waived`: the reasons set aside (only ever 'no-opt-in'). */
  | { allowed: true; waived: ExclusionReason[] }
  /** Every reason that still applies, in the eligibility's priority order. */
  | { allowed: false; reasons: ExclusionReason[] };

/**
 * Whether the requester may receive the template, from the eligibility's reasons. Exactly one
 * reason can be waived: the missing opt-in, when the admin allows re-engaging customers who wrote
 * first and this customer did write on the ticket. An opt-out, the block list, the blackout, a
 * missing or invalid number, a suspended user, an empty placeholder, and what WhatsApp reported
 * about the number (not on WhatsApp, or its marketing limit for a marketing template) always refuse.
 */
export function reengagementDecision(reasons: readonly ExclusionReason[], rule: WaiverRule): ReengagementDecision {
  const waivable = rule.reengageWithoutOptIn && rule.customerWrote;
  const waived: ExclusionReason[] = waivable ? reasons.filter((reason) => reason === 'no-opt-in') : [];
  const remaining = reasons.filter((reason) => !waived.includes(reason));
  return remaining.length > 0 ? { allowed: false, reasons: remaining } : { allowed: true, waived };
}

export type ReengagementOutcome =
  | { kind: 'sent'; at: number | undefined }
  /** `code` as the ledger holds it (`whatsapp-131026`, `invalid-number`, `retries-exhausted`…). */
  | { kind: 'failed'; code: string }
  /** A skip reason (`opted-out`, `marketing-cap`, `cancelled`). */
  | { kind: 'skipped'; reason: string }
  /** The send may or may not have gone out (`timeout`, `connection-lost`, `crash`). */
  | { kind: 'unverified'; cause: string }
  /** The run stopped before the send: the engine's stop reason, or `busy` when another runner holds the campaign. */
  | { kind: 'not-sent'; reason: string };

/** The recipient's row of the one-recipient campaign, as the results read it. */
export interface ReengagementRow {
  state: RecipientState;
  code?: string;
  at?: number;
}

/** How the run ended, as far as the outcome needs it. */
export type RunEnd = { status: 'completed' | 'cancelled' | 'lease-lost' | 'handed-over' } | { status: 'paused'; reason: string } | { status: 'busy' };

/** What became of the send, from the recipient's stored result (the truth) and how the run ended. */
export function reengagementOutcome(row: ReengagementRow | undefined, run: RunEnd): ReengagementOutcome {
  switch (row?.state) {
    case 'sent':
      return { kind: 'sent', at: row.at };
    case 'failed':
      return { kind: 'failed', code: row.code ?? 'unknown' };
    case 'skipped':
      return { kind: 'skipped', reason: row.code ?? 'cancelled' };
    case 'unverified':
    case 'inflight':
      return { kind: 'unverified', cause: row.code ?? 'crash' };
    default:
      if (run.status === 'paused') return { kind: 'not-sent', reason: run.reason };
      if (run.status === 'busy') return { kind: 'not-sent', reason: 'busy' };
      return { kind: 'not-sent', reason: 'unexpected' };
  }
}

/**
 * The one recipient's row from the run's own report: what the outcome falls back on when the stored
 * results cannot be read back (the send happened; only reading its record failed).
 */
export function rowOfReport(report: Pick<SendReport, 'counts' | 'failures' | 'skips' | 'unverifiedByCause'>): ReengagementRow | undefined {
  if (report.counts.sent > 0) return { state: 'sent' };
  if (report.counts.failed > 0) return { state: 'failed', code: report.failures[0]?.code ?? 'unknown' };
  if (report.counts.skipped > 0) return { state: 'skipped', code: report.skips[0]?.reason ?? 'cancelled' };
  if (report.counts.unverified > 0) return { state: 'unverified', code: report.unverifiedByCause[0]?.cause ?? 'crash' };
  return undefined;
}

/** The lines of the note, each said in the agent's language by the caller. */
export type NoteLine = 'title' | 'template' | 'values' | 'value' | 'noValues' | 'outcome' | 'failureCode' | 'waived' | 'sentBy' | 'campaign';

export interface NoteFacts {
  templateName: string;
  /** The template's language as the agent reads it ("Spanish"). */
  languageName: string;
  channel: 'whatsapp' | 'sms';
  /** The WhatsApp number or SMS sender it went out from, as named in Sunshine. */
  integrationName: string;
  /** Each placeholder's label and the value sent, in slot order, any phone number in it masked (maskPhonesInText). */
  values: ReadonlyArray<{ label: string; value: string }>;
  outcome: ReengagementOutcome;
  /** The reasons waived (the missing opt-in), if any. */
  waived: readonly ExclusionReason[];
  agentName: string;
  campaignName: string;
}

export interface NoteWords {
  line: (line: NoteLine, vars?: Record<string, string | number>) => string;
  /** The outcome in a sentence ("Sent.", "Not sent: …"). */
  outcome: (outcome: ReengagementOutcome) => string;
  /** The channel's name ("WhatsApp", "SMS"). */
  channel: (channel: 'whatsapp' | 'sms') => string;
}

/**
 * The internal note added to the ticket after a re-engagement: what was sent (template, language,
 * channel, each value), the outcome with its code when it failed, the waived opt-in when it was,
 * who sent it and the campaign that holds the record. Plain text, one fact per line; never the
 * customer's number (the ticket shows whose it is).
 */
export function reengagementNote(facts: NoteFacts, words: NoteWords): string {
  const lines = [
    words.line('title', { channel: words.channel(facts.channel) }),
    words.line('template', { name: facts.templateName, language: facts.languageName, sender: facts.integrationName }),
  ];
  if (facts.values.length === 0) lines.push(words.line('noValues'));
  else {
    lines.push(words.line('values'));
    for (const { label, value } of facts.values) lines.push(words.line('value', { label, value }));
  }
  lines.push(words.line('outcome', { outcome: words.outcome(facts.outcome) }));
  if (facts.outcome.kind === 'failed') lines.push(words.line('failureCode', { code: facts.outcome.code }));
  if (facts.waived.includes('no-opt-in')) lines.push(words.line('waived'));
  lines.push(words.line('sentBy', { agent: facts.agentName }));
  lines.push(words.line('campaign', { campaign: facts.campaignName }));
  return lines.join('\n');
}
