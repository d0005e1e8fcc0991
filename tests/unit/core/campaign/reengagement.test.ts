import { describe, expect, it } from 'vitest';
import { evaluateRecipient, EXCLUSION_REASONS, type ExclusionReason } from '../../../../src/core/campaign/eligibility';
import { businessNumberOf, integrationOfTicket } from '../../../../src/core/contact/ticketChannel';
import {
  reengagementDecision,
  reengagementNote,
  reengagementOutcome,
  rowOfReport,
  ticketFieldValues,
  TICKET_FIELDS,
  type NoteFacts,
  type NoteWords,
} from '../../../../src/core/campaign/reengagement';
import { createTranslator } from '../../../../src/ui/i18n/messages';
import { audienceUser, baseConfig } from './fixtures';

describe('ticketFieldValues', () => {
  it('gives each ticket field its value, trimmed, and leaves empty ones out so that their fallback applies', () => {
    expect(ticketFieldValues({ id: 103, subject: ' Reembolso pendiente ', requesterName: 'María López', assigneeName: null, agentName: 'Alex Martin' })).toEqual({
      id: '103',
      subject: 'Reembolso pendiente',
      requester_name: 'María López',
      agent_name: 'Alex Martin',
    });
    expect(Object.keys(ticketFieldValues({ id: 1, subject: 's', requesterName: 'r', assigneeName: 'a', agentName: 'g' }))).toEqual([...TICKET_FIELDS]);
  });

  it('fills ticket-mapped placeholders through the eligibility, with the fallback for an empty field', () => {
    const config = {
      ...baseConfig(),
      mappings: [
        { source: { kind: 'ticket' as const, field: 'id' }, fallback: '' },
        { source: { kind: 'ticket' as const, field: 'assignee_name' }, fallback: 'our team' },
      ],
      ticket: ticketFieldValues({ id: 103, subject: 'x', requesterName: 'y', assigneeName: '  ', agentName: 'z' }),
    };
    expect(evaluateRecipient(audienceUser(), config)).toMatchObject({ values: ['103', 'our team'], reasons: [] });
  });
});

describe('reengagementDecision: the opt-in waiver', () => {
  const waiver = { reengageWithoutOptIn: true, customerWrote: true };

  it('allows a requester every rule accepts, waiving nothing', () => {
    expect(reengagementDecision([], { reengageWithoutOptIn: false, customerWrote: false })).toEqual({ allowed: true, waived: [] });
    expect(reengagementDecision([], waiver)).toEqual({ allowed: true, waived: [] });
  });

  it('waives the missing opt-in only when the admin allows it and the customer wrote on the ticket', () => {
    expect(reengagementDecision(['no-opt-in'], waiver)).toEqual({ allowed: true, waived: ['no-opt-in'] });
    expect(reengagementDecision(['no-opt-in'], { reengageWithoutOptIn: true, customerWrote: false })).toEqual({ allowed: false, reasons: ['no-opt-in'] });
    expect(reengagementDecision(['no-opt-in'], { reengageWithoutOptIn: false, customerWrote: true })).toEqual({ allowed: false, reasons: ['no-opt-in'] });
  });

  it('never waives any other reason, alone or with a missing opt-in', () => {
    for (const reason of EXCLUSION_REASONS.filter((candidate) => candidate !== 'no-opt-in')) {
      expect(reengagementDecision([reason], waiver)).toEqual({ allowed: false, reasons: [reason] });
      expect(reengagementDecision(['no-opt-in', reason], waiver)).toEqual({ allowed: false, reasons: [reason] });
    }
  });

  it('keeps an opted-out customer refused: the opt-out wins over the waiver', () => {
    const { reasons } = evaluateRecipient(audienceUser({ tags: ['whatsapp_opt_out'] }), baseConfig());
    expect(reasons).toEqual<ExclusionReason[]>(['opted-out', 'no-opt-in']);
    expect(reengagementDecision(reasons, waiver)).toEqual({ allowed: false, reasons: ['opted-out'] });
  });

  it('lets a customer without consent through when waived, but not when blocked too', () => {
    const noConsent = audienceUser({ tags: [] });
    expect(reengagementDecision(evaluateRecipient(noConsent, baseConfig()).reasons, waiver)).toEqual({ allowed: true, waived: ['no-opt-in'] });
    const blocked = baseConfig({ lists: { blockedUserIds: new Set([noConsent.id]), blockedPhones: new Set(), allowedUserIds: new Set(), allowedPhones: new Set() } });
    expect(reengagementDecision(evaluateRecipient(noConsent, blocked).reasons, waiver)).toEqual({ allowed: false, reasons: ['blocked'] });
  });
});

describe('reengagementOutcome', () => {
  it('reads the recipient’s stored result first', () => {
    expect(reengagementOutcome({ state: 'sent', at: 5 }, { status: 'completed' })).toEqual({ kind: 'sent', at: 5 });
    expect(reengagementOutcome({ state: 'failed', code: 'whatsapp-131026' }, { status: 'completed' })).toEqual({ kind: 'failed', code: 'whatsapp-131026' });
    expect(reengagementOutcome({ state: 'skipped', code: 'marketing-cap' }, { status: 'completed' })).toEqual({ kind: 'skipped', reason: 'marketing-cap' });
    expect(reengagementOutcome({ state: 'unverified', code: 'timeout' }, { status: 'completed' })).toEqual({ kind: 'unverified', cause: 'timeout' });
  });

  it('says why nothing was sent when the run stopped before the send', () => {
    expect(reengagementOutcome({ state: 'pending' }, { status: 'paused', reason: 'template-paused' })).toEqual({ kind: 'not-sent', reason: 'template-paused' });
    expect(reengagementOutcome(undefined, { status: 'busy' })).toEqual({ kind: 'not-sent', reason: 'busy' });
    expect(reengagementOutcome(undefined, { status: 'completed' })).toEqual({ kind: 'not-sent', reason: 'unexpected' });
  });

  it('falls back on the run’s report for its one recipient', () => {
    const report = (counts: Partial<Record<'sent' | 'failed' | 'skipped' | 'unverified', number>>) => ({
      counts: { pending: 0, inflight: 0, sent: 0, failed: 0, skipped: 0, unverified: 0, ...counts },
      failures: counts.failed ? [{ code: 'invalid-number', count: 1 }] : [],
      skips: counts.skipped ? [{ reason: 'opted-out', count: 1 }] : [],
      unverifiedByCause: counts.unverified ? [{ cause: 'connection-lost', count: 1 }] : [],
    });
    expect(rowOfReport(report({ sent: 1 }))).toEqual({ state: 'sent' });
    expect(rowOfReport(report({ failed: 1 }))).toEqual({ state: 'failed', code: 'invalid-number' });
    expect(rowOfReport(report({ skipped: 1 }))).toEqual({ state: 'skipped', code: 'opted-out' });
    expect(rowOfReport(report({ unverified: 1 }))).toEqual({ state: 'unverified', code: 'connection-lost' });
    expect(rowOfReport(report({}))).toBeUndefined();
  });
});

describe('reengagementNote', () => {
  const facts: NoteFacts = {
    templateName: 'order_update',
    languageName: 'Spanish',
    channel: 'whatsapp',
    integrationName: 'Herald US',
    values: [
      { label: 'Header', value: '103' },
      { label: 'Placeholder 1', value: 'María' },
    ],
    outcome: { kind: 'sent', at: 1 },
    waived: [],
    agentName: 'Alex Martin',
    campaignName: 'Ticket #103 · re-engagement',
  };
  const words = (t = createTranslator('en')): NoteWords => ({
    line: (line, vars) => t(`ticket.note.${line}`, vars),
    outcome: (outcome) => (outcome.kind === 'sent' ? t('ticket.reengage.outcome.sent') : `not sent (${outcome.kind})`),
    channel: (channel) => t(`ticket.channelName.${channel}`),
  });

  it('says what was sent, each value, the outcome, who sent it and the campaign, one fact a line', () => {
    expect(reengagementNote(facts, words()).split('\n')).toEqual([
      'Herald: WhatsApp template sent from this ticket to re-engage the customer',
      'Template: order_update (Spanish), from Herald US',
      'Values:',
      '- Header: 103',
      '- Placeholder 1: María',
      'Outcome: Accepted by Sunshine Conversations.',
      'Sent by: Alex Martin',
      'Campaign: Ticket #103 · re-engagement',
    ]);
  });

  it('gives a failure’s code, the waived opt-in, and a template without placeholders', () => {
    const note = reengagementNote({ ...facts, values: [], outcome: { kind: 'failed', code: 'whatsapp-131026' }, waived: ['no-opt-in'] }, words());
    expect(note).toContain('Values: none (the template has no placeholder)');
    expect(note).toContain('Outcome: not sent (failed)\nError code: whatsapp-131026');
    expect(note).toContain('Opt-in: none recorded; waived because the customer wrote on this ticket');
    expect(note).not.toContain('Values:\n');
  });

  it('is written in the agent’s language', () => {
    const note = reengagementNote(facts, words(createTranslator('fr')));
    expect(note.split('\n').slice(0, 3)).toEqual(['Herald\u00a0: modèle WhatsApp envoyé depuis ce ticket pour relancer le client', 'Modèle\u00a0: order_update (Spanish), depuis Herald US', 'Valeurs\u00a0:']);
    expect(note).toContain('Envoyé par\u00a0: Alex Martin');
  });
});

describe('the channel a ticket came in through', () => {
  const channels = [
    { id: 'fr', senderNumber: '33644980142' },
    { id: 'us', senderNumber: '12025550188' },
    { id: 'sms', senderNumber: undefined },
  ];

  it('is the one whose number the customer wrote to, digit for digit', () => {
    expect(integrationOfTicket(channels, '+1 202-555-0188')?.id).toBe('us');
    expect(integrationOfTicket(channels, '+33 6 44 98 01 42')?.id).toBe('fr');
    expect(integrationOfTicket(channels, '+33186950000')).toBeUndefined();
    expect(integrationOfTicket(channels, undefined)).toBeUndefined();
  });

  it('reads the business number from the ticket’s via', () => {
    expect(businessNumberOf({ source: { from: { phone: '+34600000000' }, to: { phone: '+33186950000', name: 'Herald' }, rel: 'whatsapp' } })).toBe('+33186950000');
    expect(businessNumberOf({ source: { to: { address: 'support@example.com' } } })).toBeUndefined();
    expect(businessNumberOf({ source: null })).toBeUndefined();
    expect(businessNumberOf(undefined)).toBeUndefined();
  });
});
