import type { FrameLocator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DELIVERY_FAILURES, onTheCall } from '../../emulator/sunshine/deliveryFailures';
import { SEEDED_TICKET_IDS } from '../../emulator/zendesk/ticketSeed';
import { isUsable, normalizePhone } from '../../src/core/phone/normalizePhone';
import { createTranslator } from '../../src/ui/i18n/messages';
import { accessibilityProblems, appFrameOf, type AccessibilityException } from './support/accessibility';
import { BUILT_APP_DIR } from './support/builtApp';
import { campaignIdNamed, seedHeardBack } from './support/heardBack';
import { keyboard } from './support/keyboard';
import { sandboxBrowserPerFile } from './support/sandboxBrowser';

/**
 * The agent's side of WhatsApp (issue 7) on the real build in the sandbox: the 24-hour window of the
 * three seeded WhatsApp tickets (last customer message 2 h, 23 h and 3 days ago), and re-engaging the
 * closed one with an approved template, sent through the campaign engine, with the internal note the
 * emulator's ticket receives; a refused send, the opt-in waiver and the blackout log.
 */

const harness = sandboxBrowserPerFile({ distDir: BUILT_APP_DIR });
const t = createTranslator('en');
const fr = createTranslator('fr');

const SIDEBAR_EXCEPTIONS: readonly AccessibilityException[] = [
  { rule: 'page-has-heading-one', selector: 'html', reason: 'a sidebar iframe is a panel of Zendesk’s page, which has the level-one heading' },
];

const sidebar = (): FrameLocator => harness().appFrame('ticket_sidebar');

async function expectAccessible(): Promise<void> {
  const frame = await appFrameOf(harness().page, 'ticket_sidebar');
  expect(await accessibilityProblems(frame, { exceptions: SIDEBAR_EXCEPTIONS })).toEqual([]);
}

/** The sidebar iframe is as tall as its content (the app asked Zendesk to resize it). */
async function expectSizedToContent(): Promise<void> {
  const iframe = harness().page.locator('iframe[data-zaf-location="ticket_sidebar"]');
  await expect
    .poll(async () => {
      const height = await iframe.evaluate((element) => element.getBoundingClientRect().height);
      const content = await sidebar()
        .locator('main')
        .evaluate((element) => Math.ceil(element.getBoundingClientRect().height));
      return Math.abs(height - content);
    })
    .toBeLessThanOrEqual(2);
}

function requesterOf(ticketId: number) {
  const { zendesk } = harness().sandbox.emulator;
  const ticket = zendesk.tickets.get(ticketId);
  const requester = zendesk.users.get(ticket?.requesterId ?? -1);
  if (!ticket || !requester) throw new Error(`Ticket ${ticketId} has no requester in the seed`);
  return { ticket, requester };
}

function e164Of(phone: string | null): string {
  const check = normalizePhone(phone, undefined);
  if (!isUsable(check)) throw new Error('The seeded requester has no usable number');
  return check.e164;
}

function windowPanel() {
  return sidebar().getByRole('group', { name: t('ticket.window.label') });
}

/** On a fresh account, the form offers to create Herald's custom objects first. */
async function setUpFromSidebar(): Promise<void> {
  await sidebar().getByText(t('ticket.reengage.setupTitle')).waitFor();
  await sidebar().getByRole('button', { name: t('templates.setup.run') }).click();
  await sidebar().getByText(t('ticket.reengage.setupTitle')).waitFor({ state: 'detached' });
}

const HEADER = t('mapping.slot.header', { sample: '#10482' });
const FIRST = t('mapping.slot.body', { position: 1, sample: 'Clarice' });
const ORDER = t('mapping.slot.body', { position: 2, sample: '#10482' });
const ARRIVAL = t('mapping.slot.body', { position: 3, sample: '24/11' });
const TRACKING = t('mapping.slot.button', { button: 1, sample: '10482' });

/**
 * order_update in Spanish (approved on Herald US only), each placeholder chosen by the agent: the
 * header, the order and the tracking link from the ticket's id, the name from the requester, the
 * arrival typed.
 */
async function chooseOrderUpdate(): Promise<void> {
  const frame = sidebar();
  await frame.getByLabel(t('ticket.reengage.template'), { exact: true }).selectOption({ label: t('ticket.reengage.templateOption', { name: 'order_update', language: 'Spanish' }) });
  await frame.getByLabel(t('mapping.source', { slot: HEADER })).selectOption({ label: t('ticket.field.id') });
  await frame.getByLabel(t('mapping.source', { slot: FIRST })).selectOption({ label: t('mapping.field.first_name') });
  await frame.getByLabel(t('mapping.source', { slot: ORDER })).selectOption({ label: t('ticket.field.id') });
  await frame.getByLabel(t('mapping.source', { slot: ARRIVAL })).selectOption({ label: t('mapping.static') });
  await frame.getByLabel(t('mapping.value', { slot: ARRIVAL })).fill('lunes');
  await frame.getByLabel(t('mapping.source', { slot: TRACKING })).selectOption({ label: t('ticket.field.id') });
}

function notesOf(ticketId: number) {
  return (harness().sandbox.emulator.zendesk.tickets.get(ticketId)?.comments ?? []).filter((comment) => !comment.public);
}

describe('the WhatsApp window on the ticket', () => {
  it('is open with a live countdown 2 h after the customer wrote, and the form waits to be asked for', async () => {
    await harness().open(`#/tickets/${SEEDED_TICKET_IDS.whatsappOpenWindow}`);
    const panel = windowPanel();
    await panel.getByText(t('ticket.window.state.open')).waitFor();
    const countdown = panel.locator('time');
    const first = await countdown.textContent();
    // About 22 hours left.
    expect(first).toMatch(/^2[12] h \d{1,2} min \d{1,2} s$/);
    await expect.poll(() => countdown.textContent(), { timeout: 5_000 }).not.toBe(first);
    const toggle = sidebar().getByRole('button', { name: t('ticket.reengage.toggle') });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await expect(sidebar().getByLabel(t('ticket.reengage.template'), { exact: true }).count()).resolves.toBe(0);
    // What the sidebar showed before stays: the channel and the requester.
    await sidebar().getByText(t('ticket.channel.whatsapp')).waitFor();
    await sidebar().getByText(requesterOf(SEEDED_TICKET_IDS.whatsappOpenWindow).requester.name, { exact: true }).waitFor();
    await expectSizedToContent();
    await expectAccessible();
    expect(harness().consoleErrors).toEqual([]);
  });

  it('is closing soon, in the warning style, 23 h after the customer wrote', async () => {
    await harness().open(`#/tickets/${SEEDED_TICKET_IDS.whatsappClosingWindow}`);
    const panel = windowPanel();
    await panel.getByText(t('ticket.window.state.closing-soon')).waitFor();
    expect(await panel.getAttribute('data-window-state')).toBe('closing-soon');
    // An hour at most (the countdown rounds up to the second).
    expect(await panel.locator('time').textContent()).toMatch(/^(0 h \d{1,2} min \d{1,2} s|1 h 0 min 0 s)$/);
    const background = await panel.evaluate((element) => getComputedStyle(element).backgroundColor);
    expect(background).not.toMatch(/^rgba\(0, 0, 0, 0\)$|^transparent$/);
    await expectAccessible();
  });

  it('warns under the threshold the admin set', async () => {
    await harness().sandboxApi('PUT', '/settings', { settings: { window_warning_minutes: 23 * 60 } });
    await harness().open(`#/tickets/${SEEDED_TICKET_IDS.whatsappOpenWindow}`);
    await windowPanel().getByText(t('ticket.window.state.closing-soon')).waitFor();
  });

  it('is closed 3 days after the customer wrote, since when, and re-engaging is suggested', async () => {
    await harness().open(`#/tickets/${SEEDED_TICKET_IDS.whatsappClosedWindow}`);
    const panel = windowPanel();
    await panel.getByText(t('ticket.window.state.closed')).waitFor();
    await panel.getByText(/^Closed since .+ \(2 days ago\)\.$/).waitFor();
    await panel.getByText(t('ticket.window.closedHint')).waitFor();
    expect(await sidebar().getByRole('button', { name: t('ticket.reengage.toggle') }).getAttribute('aria-expanded')).toBe('true');
    await sidebar().getByText(t('ticket.reengage.setupTitle')).waitFor();
    await expectAccessible();
  });

  it('says an SMS ticket has no window but can be re-engaged, and an email ticket is not a messaging ticket', async () => {
    await harness().open(`#/tickets/${SEEDED_TICKET_IDS.sms}`);
    await sidebar().getByText(t('ticket.window.sms')).waitFor();
    await expect(windowPanel().count()).resolves.toBe(0);
    await sidebar().getByRole('button', { name: t('ticket.reengage.toggle') }).waitFor();
    await expectAccessible();
    await harness().open(`#/tickets/${SEEDED_TICKET_IDS.email}`);
    await sidebar().getByText(t('ticket.channel.not-messaging')).waitFor();
    await expect(sidebar().getByRole('button', { name: t('ticket.reengage.toggle') }).count()).resolves.toBe(0);
  });

  it('speaks French', async () => {
    await harness().sandboxApi('PUT', '/session', { locale: 'fr' });
    await harness().open(`#/tickets/${SEEDED_TICKET_IDS.whatsappClosedWindow}`);
    const panel = sidebar().getByRole('group', { name: fr('ticket.window.label') });
    await panel.getByText(fr('ticket.window.state.closed')).waitFor();
    await panel.getByText(/^Fermée depuis le .+ \(il y a 2 jours\)\.$/).waitFor();
    await sidebar().getByText(fr('ticket.reengage.setupTitle')).waitFor();
    await expectAccessible();
  });
});

describe('re-engaging from the closed ticket', () => {
  it('sends a template through the engine, notes it on the ticket, and the blackout log then refuses the same message', async () => {
    const ticketId = SEEDED_TICKET_IDS.whatsappClosedWindow;
    const { requester } = requesterOf(ticketId);
    const notesBefore = notesOf(ticketId).length;
    await harness().open(`#/tickets/${ticketId}`);
    await setUpFromSidebar();
    await chooseOrderUpdate();
    const firstName = requester.name.split(/\s+/)[0]!;
    // The preview shows the message as the customer gets it.
    await sidebar().getByRole('figure', { name: t('templates.preview.whatsappLabel') }).getByText(`Pedido ${ticketId}`).first().waitFor();
    await sidebar().getByText(new RegExp(`^Hola ${firstName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}, tu pedido`)).first().waitFor();
    await expectSizedToContent();
    await expectAccessible();

    await sidebar().getByRole('button', { name: t('ticket.reengage.send', { name: requester.name }) }).click();
    await sidebar().getByText(t('ticket.reengage.result.sent')).waitFor({ timeout: 30_000 });
    await sidebar().getByText(t('ticket.reengage.noteAdded')).waitFor();
    await sidebar().getByText(t('ticket.reengage.history', { name: t('ticket.reengage.campaignName', { id: ticketId }) })).waitFor();
    await expectAccessible();

    // Sunshine got one template message for the requester's number, with the mapped values.
    const sent = harness().sandbox.emulator.sunshine.notifications().filter((record) => record.destinationId === e164Of(requester.phone));
    expect(sent).toHaveLength(1);
    expect(sent[0]?.template).toMatchObject({ name: 'order_update', language: 'es' });
    expect(JSON.stringify(sent[0]?.message)).toContain(String(ticketId));

    // The internal note is on the ticket in the emulator, by the signed-in agent.
    const notes = notesOf(ticketId);
    expect(notes).toHaveLength(notesBefore + 1);
    const note = notes.at(-1)!;
    expect(note.authorId).toBe(1);
    expect(note.body).toContain(t('ticket.note.template', { name: 'order_update', language: 'Spanish', sender: 'Herald US' }));
    expect(note.body).toContain(t('ticket.note.value', { label: t('ticket.note.slot.header'), value: String(ticketId) }));
    expect(note.body).toContain(t('ticket.note.value', { label: t('ticket.note.slot.body', { position: 1 }), value: firstName }));
    expect(note.body).toContain(t('ticket.note.outcome', { outcome: t('ticket.reengage.outcome.sent') }));
    expect(note.body).toContain(t('ticket.note.sentBy', { agent: 'Alex Martin' }));
    expect(note.body).not.toContain(e164Of(requester.phone));

    // A campaign of one, completed, in the history.
    const records = await harness().sandboxApi<{ custom_object_records: Array<{ name: string; custom_object_fields: Record<string, unknown> }> }>(
      'GET',
      '/zendesk/api/v2/custom_objects/herald_campaign/records',
    );
    const campaign = records.custom_object_records.find((record) => record.name === t('ticket.reengage.campaignName', { id: ticketId }));
    expect(campaign?.custom_object_fields).toMatchObject({ status: 'completed', recipients: 1, template_name: 'order_update', template_language: 'es' });

    // What WhatsApp says of it, live: accepted ✓, then delivered ✓✓, then read, as the Herald service writes it back.
    const delivery = sidebar().locator('[data-herald-delivery]');
    await delivery.getByText(t('delivery.ticket.accepted')).waitFor();
    await expect(delivery.getAttribute('data-herald-delivery')).resolves.toBe('accepted');
    const campaignId = campaignIdNamed(harness().sandbox.emulator, t('ticket.reengage.campaignName', { id: ticketId }));
    const sentAt = Date.now();
    seedHeardBack(harness().sandbox.emulator, campaignId, new Map([[0, { deliveredAt: sentAt + 1_000 }]]));
    await delivery.getByText(t('delivery.ticket.delivered')).waitFor({ timeout: 15_000 });
    // The ticks are for the eye; the words say it to a screen reader.
    await expect(delivery.locator('[aria-hidden="true"]').textContent()).resolves.toBe('✓✓');
    seedHeardBack(harness().sandbox.emulator, campaignId, new Map([[0, { deliveredAt: sentAt + 1_000, readAt: sentAt + 2_000 }]]));
    await delivery.getByText(t('delivery.ticket.read')).waitFor({ timeout: 15_000 });
    await expectAccessible();

    // The same message again: the blackout log (7 days) refuses it before anything is sent.
    await sidebar().getByRole('button', { name: t('ticket.reengage.again') }).click();
    await chooseOrderUpdate();
    const refusal = sidebar().getByText(t('ticket.reengage.reason', { reason: t('exclusion.blackout'), help: t('exclusionHelp.blackout') }));
    await refusal.waitFor();
    expect(await sidebar().getByRole('button', { name: t('ticket.reengage.send', { name: requester.name }) }).isDisabled()).toBe(true);
    await expectAccessible();
    expect(harness().sandbox.emulator.sunshine.notifications()).toHaveLength(1);
    expect(harness().consoleErrors).toEqual([]);
  });

  it('never writes the customer’s number in the note, even when a placeholder carries it', async () => {
    const ticketId = SEEDED_TICKET_IDS.whatsappClosedWindow;
    const { requester } = requesterOf(ticketId);
    const phone = e164Of(requester.phone);
    await harness().open(`#/tickets/${ticketId}`);
    await setUpFromSidebar();
    await chooseOrderUpdate();
    await sidebar().getByLabel(t('mapping.source', { slot: FIRST })).selectOption({ label: t('mapping.field.phone') });
    await sidebar().getByRole('button', { name: t('ticket.reengage.send', { name: requester.name }) }).click();
    await sidebar().getByText(t('ticket.reengage.noteAdded')).waitFor({ timeout: 30_000 });
    // The customer got their number in the message, as mapped; the note shows it masked.
    const sent = JSON.stringify(harness().sandbox.emulator.sunshine.notifications().at(-1)?.message);
    expect(sent.includes(requester.phone!) || sent.includes(phone)).toBe(true);
    const note = notesOf(ticketId).at(-1)!;
    expect(note.body).not.toContain(requester.phone!);
    expect(note.body.replace(/\D/g, '')).not.toContain(phone.replace(/\D/g, '').slice(2, -2));
    expect(note.body).toContain(t('ticket.note.value', { label: t('ticket.note.slot.body', { position: 1 }), value: `+${phone.slice(1, 3)}${'•'.repeat(phone.length - 5)}${phone.slice(-2)}` }));
  });

  it('never previews the template’s example as the customer’s value, and sends nothing until each placeholder is chosen', async () => {
    const ticketId = SEEDED_TICKET_IDS.whatsappClosedWindow;
    const { requester } = requesterOf(ticketId);
    const firstName = requester.name!.split(' ')[0]!;
    expect(firstName).not.toBe('Clarice');
    await harness().open(`#/tickets/${ticketId}`);
    await setUpFromSidebar();
    const frame = sidebar();
    await frame.getByLabel(t('ticket.reengage.template'), { exact: true }).selectOption({ label: t('ticket.reengage.templateOption', { name: 'order_update', language: 'Spanish' }) });
    const send = frame.getByRole('button', { name: t('ticket.reengage.send', { name: requester.name }) });
    const preview = frame.locator(`section[aria-label="${t('templates.preview.title')}"]`);
    await preview.getByText(t('mapping.previewUnset', { slot: t('mapping.slotName.body', { position: 1 }) }), { exact: false }).first().waitFor();
    await expect(preview.textContent()).resolves.not.toContain('Clarice');
    await expect(send.isDisabled()).resolves.toBe(true);

    await chooseOrderUpdate();
    await preview.getByText(firstName, { exact: false }).first().waitFor();
    await expect(preview.textContent()).resolves.not.toContain('Clarice');
    await expect(send.isDisabled()).resolves.toBe(false);
    expect(harness().sandbox.emulator.sunshine.notifications()).toHaveLength(0);
  });

  it('shows why a send failed, and notes the failure with its code', async () => {
    const ticketId = SEEDED_TICKET_IDS.whatsappClosedWindow;
    const { requester } = requesterOf(ticketId);
    // Refused on the call (WhatsApp reports 131026 later in production; the sidebar still handles a refusal on the call).
    harness().sandbox.emulator.sunshine.failDeliveriesTo(e164Of(requester.phone), onTheCall(DELIVERY_FAILURES.undeliverable));
    await harness().open(`#/tickets/${ticketId}`);
    await setUpFromSidebar();
    await chooseOrderUpdate();
    await sidebar().getByRole('button', { name: t('ticket.reengage.send', { name: requester.name }) }).click();
    const alert = sidebar().getByRole('alert').filter({ hasText: t('ticket.reengage.result.notSent') });
    await alert.waitFor({ timeout: 30_000 });
    await alert.getByText(t('ticket.reengage.outcome.notSent', { reason: t('sending.failure.whatsapp-131026') })).waitFor();
    await sidebar().getByText(t('ticket.reengage.noteAdded')).waitFor();
    const note = notesOf(ticketId).at(-1)!;
    expect(note.body).toContain(t('ticket.note.failureCode', { code: 'whatsapp-131026' }));
    expect(note.body).toContain(t('ticket.note.outcome', { outcome: t('ticket.reengage.outcome.notSent', { reason: t('sending.failure.whatsapp-131026') }) }));
    expect(harness().sandbox.emulator.sunshine.notifications()).toHaveLength(0);
    await expectAccessible();
  });

  it('keeps the outcome when the note cannot be added, and adds it on request', async () => {
    const ticketId = SEEDED_TICKET_IDS.whatsappClosedWindow;
    const { requester } = requesterOf(ticketId);
    const notesBefore = notesOf(ticketId).length;
    await harness().sandboxApi('POST', '/faults', {
      match: { service: 'zendesk', method: 'PUT', path: { regex: `/api/v2/tickets/${ticketId}(\\.json)?$` } },
      fault: { kind: 'status', status: 503 },
      times: 1,
    });
    await harness().open(`#/tickets/${ticketId}`);
    await setUpFromSidebar();
    await chooseOrderUpdate();
    await sidebar().getByRole('button', { name: t('ticket.reengage.send', { name: requester.name }) }).click();
    await sidebar().getByText(t('ticket.reengage.result.sent')).waitFor({ timeout: 30_000 });
    await sidebar().getByRole('alert').filter({ hasText: t('ticket.reengage.noteFailed') }).waitFor();
    expect(notesOf(ticketId)).toHaveLength(notesBefore);
    await sidebar().getByRole('button', { name: t('ticket.reengage.noteRetry') }).click();
    await sidebar().getByText(t('ticket.reengage.noteAdded')).waitFor();
    expect(notesOf(ticketId)).toHaveLength(notesBefore + 1);
    expect(harness().sandbox.emulator.sunshine.notifications()).toHaveLength(1);
  });

  it('works with the keyboard alone, the focus always visible, from the disclosure to the outcome', async () => {
    const ticketId = SEEDED_TICKET_IDS.whatsappOpenWindow;
    const { requester } = requesterOf(ticketId);
    await harness().open(`#/tickets/${ticketId}`);
    await windowPanel().waitFor();
    const toggle = sidebar().getByRole('button', { name: t('ticket.reengage.toggle') });
    // Re-engagement comes after the window (its code and the rest of the strings download then).
    await toggle.waitFor();
    await harness().page.locator('iframe[data-zaf-location="ticket_sidebar"]').focus();
    const keys = await keyboard(harness().page, 'ticket_sidebar');
    await keys.until('Tab', t('ticket.reengage.toggle'), 5);
    await keys.press('Enter');
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await keys.until('Tab', t('templates.setup.run'), 3);
    await keys.start('Enter');
    await sidebar().getByLabel(t('ticket.reengage.template'), { exact: true }).waitFor();
    await keys.until('Tab', t('ticket.reengage.template'), 3);
    // A native select: the arrow keys choose without opening it.
    for (let step = 0; step < 20; step++) {
      const chosen = await sidebar().getByLabel(t('ticket.reengage.template'), { exact: true }).evaluate((element) => (element as HTMLSelectElement).selectedOptions[0]?.text);
      if (chosen === t('ticket.reengage.templateOption', { name: 'order_update', language: 'Spanish' })) break;
      await keys.press('ArrowDown');
    }
    // Each placeholder chosen with the keys: a source by the arrow keys, the suggestion with Enter, a text typed.
    const chooseSource = async (slot: string, value: string) => {
      await keys.until('Tab', t('mapping.source', { slot }), 6);
      const select = sidebar().getByLabel(t('mapping.source', { slot }));
      for (let step = 0; step < 30 && (await select.inputValue()) !== value; step++) await keys.press('ArrowDown');
      await expect(select.inputValue()).resolves.toBe(value);
    };
    await chooseSource(HEADER, 'ticket:id');
    await keys.until('Tab', t('mapping.useSuggestionFor', { source: t('mapping.field.first_name'), slot: FIRST }), 6);
    await keys.press('Enter');
    await expect(sidebar().getByLabel(t('mapping.source', { slot: FIRST })).inputValue()).resolves.toBe('user:first_name');
    await chooseSource(ORDER, 'ticket:id');
    await chooseSource(ARRIVAL, 'static');
    await keys.until('Tab', t('mapping.value', { slot: ARRIVAL }), 2);
    await keys.type('lunes');
    await chooseSource(TRACKING, 'ticket:id');
    await keys.until('Tab', t('ticket.reengage.send', { name: requester.name }), 30);
    await keys.start('Enter');
    await sidebar().getByText(t('ticket.reengage.result.sent')).waitFor({ timeout: 30_000 });
    // The form gave way to the outcome: its title has the focus, for screen readers too.
    await expect(keys.current()).resolves.toMatchObject({ name: t('ticket.reengage.result.sent') });
    await keys.until('Tab', t('ticket.reengage.again'), 3);
    await keys.start('Enter');
    // The outcome gave way to the form again: its first field has the focus.
    await sidebar().getByLabel(t('ticket.reengage.template'), { exact: true }).waitFor();
    await expect.poll(async () => (await keys.current()).name).toBe(t('ticket.reengage.template'));
  });

  it('refuses a requester without opt-in, unless the admin waives it for customers who wrote first', async () => {
    const ticketId = SEEDED_TICKET_IDS.whatsappClosedWindow;
    const { zendesk } = harness().sandbox.emulator;
    const { requester } = requesterOf(ticketId);
    zendesk.users.save({ ...requester, tags: requester.tags.filter((tag) => tag !== 'whatsapp_opt_in') });

    await harness().open(`#/tickets/${ticketId}`);
    await setUpFromSidebar();
    await chooseOrderUpdate();
    await sidebar().getByText(t('ticket.reengage.reason', { reason: t('exclusion.no-opt-in'), help: t('exclusionHelp.no-opt-in') })).waitFor();
    const send = sidebar().getByRole('button', { name: t('ticket.reengage.send', { name: requester.name }) });
    expect(await send.isDisabled()).toBe(true);
    await expectAccessible();

    await harness().sandboxApi('PUT', '/settings', { settings: { reengage_without_opt_in: true } });
    await harness().open(`#/tickets/${ticketId}`);
    await chooseOrderUpdate();
    await sidebar().getByText(t('ticket.reengage.waived', { name: requester.name })).waitFor();
    await send.click();
    await sidebar().getByText(t('ticket.reengage.result.sent')).waitFor({ timeout: 30_000 });
    await sidebar().getByText(t('ticket.reengage.noteAdded')).waitFor();
    expect(notesOf(ticketId).at(-1)?.body).toContain(t('ticket.note.waived'));
    expect(harness().sandbox.emulator.sunshine.notifications()).toHaveLength(1);

    // The waiver is for customers who wrote on the ticket: an opted-out customer is still refused.
    zendesk.users.save({ ...zendesk.users.get(requester.id)!, tags: ['whatsapp_opt_out'] });
    await harness().open(`#/tickets/${ticketId}`);
    await chooseOrderUpdate();
    await sidebar().getByText(t('ticket.reengage.reason', { reason: t('exclusion.opted-out'), help: t('exclusionHelp.opted-out') })).waitFor();
    expect(harness().consoleErrors).toEqual([]);
  });

  it('refuses a requester an agent blocked from their user page, and sends once the allow list re-admits them', async () => {
    const ticketId = SEEDED_TICKET_IDS.whatsappClosedWindow;
    const { requester } = requesterOf(ticketId);
    await harness().open(`#/tickets/${ticketId}`);
    await setUpFromSidebar();

    // On the requester's page, the block toggle.
    const userPage = () => harness().appFrame('user_sidebar');
    await harness().open(`#/users/${requester.id}`);
    await userPage().getByRole('switch', { name: t('user.lists.block') }).check({ force: true });
    await userPage().getByRole('status').filter({ hasText: t('user.lists.changed.block.on') }).waitFor();

    await harness().open(`#/tickets/${ticketId}`);
    await chooseOrderUpdate();
    await sidebar().getByText(t('ticket.reengage.reason', { reason: t('exclusion.blocked'), help: t('exclusionHelp.blocked') })).waitFor();
    const send = sidebar().getByRole('button', { name: t('ticket.reengage.send', { name: requester.name }) });
    expect(await send.isDisabled()).toBe(true);

    // The allow list wins over the block list, as in campaigns.
    await harness().open(`#/users/${requester.id}`);
    await userPage().getByRole('switch', { name: t('user.lists.allow') }).check({ force: true });
    await userPage().getByRole('status').filter({ hasText: t('user.lists.changed.allow.on') }).waitFor();
    await harness().open(`#/tickets/${ticketId}`);
    await chooseOrderUpdate();
    await send.click();
    await sidebar().getByText(t('ticket.reengage.result.sent')).waitFor({ timeout: 30_000 });
    expect(harness().sandbox.emulator.sunshine.notifications()).toHaveLength(1);
  });
});
