import { describe, expect, it } from 'vitest';
import { showUser } from '../../src/app/people/people';
import { assessReengagement, loadSendGuard, reengage, requesterAsRecipient, type ReengageMessage, type ReengageTarget, type ReengageWords } from '../../src/app/reengage/reengage';
import type { AppContext } from '../../src/app/context';
import { HeardNumbers, type HeardCode } from '../../src/store/heardNumbers';
import { appHarness, SAMIRA, type AppHarness } from '../support/appHarness';
import { springSaleChoices } from '../support/springSale';

/**
 * A re-engagement from a ticket uses what the Herald service heard about numbers, as the plan of a
 * campaign does: a requester WhatsApp reported not on WhatsApp (30 days) is refused, one at their
 * marketing limit (24 hours) is refused a marketing template, before anything is sent.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const notifications = (h: AppHarness) => h.emulator.requests.filter((request) => request.method === 'POST' && request.url.endsWith('/notifications')).length;

const WORDS: ReengageWords = {
  campaignName: (ticketId) => `Ticket #${ticketId}`,
  languageName: (code) => code,
  slotLabel: (slot) => slot.id,
  note: { line: (line) => line, outcome: (outcome) => outcome.kind, channel: (channel) => channel },
};

/** A consenting customer with a French mobile number, on Samira's ticket, and spring_sale as a template of `category`. */
async function setting(h: AppHarness, category: 'MARKETING' | 'UTILITY' = 'MARKETING'): Promise<{ samira: AppContext; target: ReengageTarget; message: ReengageMessage; phone: string }> {
  const samira = h.as(SAMIRA);
  const customer = [...h.emulator.zendesk.users.all()].find((user) => user.role === 'end-user' && /^\+336\d{8}$/.test(user.phone ?? ''))!;
  h.emulator.zendesk.users.save({ ...customer, tags: [...customer.tags.filter((tag) => tag !== 'whatsapp_opt_out'), 'whatsapp_opt_in'] });
  const choices = await springSaleChoices(samira);
  const message = {
    template: { key: 'spring_sale|fr', name: 'spring_sale', language: 'fr', category, entries: [] },
    integration: { id: choices.integration.id, channel: 'whatsapp' as const, type: 'whatsapp' as const, status: 'active' as const, displayName: 'Herald France', senderNumber: undefined },
    entry: { integrationId: choices.integration.id, channel: 'whatsapp' as const, status: 'APPROVED', category, content: choices.entry.content },
    slots: choices.slots,
    mappings: choices.mappings,
  } as unknown as ReengageMessage;
  const target: ReengageTarget = {
    ticket: { id: 101, subject: 'Order', requesterName: customer.name, assigneeName: null, agentName: 'Samira Haddad' },
    requester: requesterAsRecipient(await showUser(samira, customer.id)),
    customerWrote: true,
  };
  return { samira, target, message, phone: customer.phone! };
}

async function heard(h: AppHarness, phone: string, code: HeardCode, ago: number): Promise<number> {
  const at = h.waits.now() - ago;
  await new HeardNumbers(h.transportOf(SAMIRA), { clock: h.waits }).record([{ phone, code, at }]);
  return at;
}

describe('a re-engagement and what WhatsApp reported about the number', () => {
  it('refuses a requester WhatsApp reported not on WhatsApp in the last 30 days, with when, before sending', async () => {
    const h = await appHarness();
    const { samira, target, message, phone } = await setting(h);
    const at = await heard(h, phone, '131026', 10 * DAY);
    const result = await reengage(samira, h.ports, target, message, WORDS);
    expect(result).toEqual({ status: 'refused', reasons: ['not-on-whatsapp'], heardAt: at });
    expect(notifications(h)).toBe(0);
  });

  it('no longer refuses them 30 days after the report', async () => {
    const h = await appHarness();
    const { samira, target, message, phone } = await setting(h);
    await heard(h, phone, '131026', 31 * DAY);
    const guard = await loadSendGuard(samira, target.requester, h.waits.now());
    expect(assessReengagement(target, message, guard, samira.settings).decision).toEqual({ allowed: true, waived: [] });
  });

  it('refuses a marketing template to a requester at their marketing limit for 24 hours, not a utility one', async () => {
    const h = await appHarness();
    const marketing = await setting(h);
    const at = await heard(h, marketing.phone, '131049', 3 * HOUR);
    expect(await reengage(marketing.samira, h.ports, marketing.target, marketing.message, WORDS)).toEqual({ status: 'refused', reasons: ['marketing-limit'], heardAt: at });
    expect(notifications(h)).toBe(0);

    const utility = await setting(h, 'UTILITY');
    const guard = await loadSendGuard(utility.samira, utility.target.requester, h.waits.now());
    expect(assessReengagement(utility.target, utility.message, guard, utility.samira.settings).decision).toEqual({ allowed: true, waived: [] });
    // A day after the report, the marketing template may go again.
    h.manual.advance(21 * HOUR);
    const later = await loadSendGuard(marketing.samira, marketing.target.requester, h.waits.now());
    expect(assessReengagement(marketing.target, marketing.message, later, marketing.samira.settings).decision).toEqual({ allowed: true, waived: [] });
  });

  it('still refuses a requester who opted out, whatever was heard', async () => {
    const h = await appHarness();
    const { samira, target, message } = await setting(h);
    const optedOut = { ...target, requester: { ...target.requester, tags: [...target.requester.tags, 'whatsapp_opt_out'] } };
    expect(await reengage(samira, h.ports, optedOut, message, WORDS)).toMatchObject({ status: 'refused', reasons: ['opted-out'] });
  });
});
