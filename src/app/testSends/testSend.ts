import type { MessagingIntegration } from '../../api/sunshine/integrations';
import { CampaignNotificationSender } from '../../api/sunshine/notificationSender';
import { NotificationsClient } from '../../api/sunshine/notifications';
import { SearchClient } from '../../api/zendesk/search';
import { containsCardNumber } from '../../core/campaign/cardNumbers';
import type { TemplateSlot } from '../../core/campaign/mapping';
import type { Recipient } from '../../core/campaign/plan';
import { optInStatus } from '../../core/contact/optInRule';
import { maskPhone } from '../../core/phone/maskPhone';
import { isUsable, normalizePhone } from '../../core/phone/normalizePhone';
import { sendTestMessage, type TestSendOutcome } from '../../core/sending/testSend';
import { testSendAllowance } from '../../core/sending/testSendLimits';
import type { CatalogueEntry, LogicalTemplate } from '../../core/template/catalogue';
import { toContactLists } from '../../core/campaign/lists';
import { ContactListStore } from '../../store/contactLists';
import { TestSendLog, type TestSendPlace } from '../../store/testSendLog';
import type { AppContext } from '../context';
import { TestSendRefusedError } from '../errors';
import { requireRight } from '../rights';
import { marketingUndeliverable } from '../../core/campaign/marketingReach';

/**
 * A test send: the real message to one phone the agent types, before a campaign goes out (the
 * wizard), to check a setup (Settings), or from a ticket. It is a real, paid message to any number,
 * so it obeys what a campaign obeys where it can: the block list and opt-outs hold, values holding a
 * card number are refused (Zendesk would redact them), each agent has a limit a minute and a day,
 * and every send is recorded (who, when, the masked number, the template) before it leaves.
 */

export interface TestSendRequest {
  place: TestSendPlace;
  /** As typed; normalised with the default country. */
  phone: string;
  message: { integration: MessagingIntegration; template: LogicalTemplate; entry: CatalogueEntry; slots: readonly TemplateSlot[] };
  /** Each placeholder's value, in slot order. */
  values: readonly string[];
  /** The recipient the values were rendered for (the wizard's sample), for the locale and time zone. */
  model?: Pick<Recipient, 'userId' | 'locale' | 'timeZone'>;
}

/** Who may send a test from where: Settings is an admin's check of the setup; the wizard is for those who prepare campaigns. */
const RIGHT_OF_PLACE = { settings: 'admin', wizard: 'draft', ticket: 'agent' } as const;

export interface TestSendResult {
  outcome: TestSendOutcome;
  /** The number it went to, in E.164 (shown to the agent who typed it). */
  phone: string;
}

export async function sendTest(context: AppContext, request: TestSendRequest): Promise<TestSendResult> {
  requireRight(context, RIGHT_OF_PLACE[request.place], request.place === 'settings' ? 'settings-test-send' : 'test-send');
  const { transport, settings, actor, clock } = context;
  const phone = normalizePhone(request.phone, settings.defaultCountry);
  if (!isUsable(phone)) throw new TestSendRefusedError('invalid-phone');
  if (request.values.some((value) => containsCardNumber(value))) throw new TestSendRefusedError('card-number');
  // As a campaign leaves them out: WhatsApp would not deliver it, and the test would show nothing.
  if (marketingUndeliverable(request.message.integration.channel, request.message.entry.category ?? undefined, phone.country)) throw new TestSendRefusedError('us-marketing');

  await checkRecipient(context, phone.e164);

  const log = new TestSendLog(transport);
  // The agent's log is read, then written: the agent's other tabs wait their turn, so that none
  // counts without this send or writes over its entry.
  const oneAtATime = context.oneAtATime ?? ((_name, work) => work());
  const logTurn = `test-send-log-${actor.id}`;
  const { integration, template, entry, slots } = request.message;
  const record = await oneAtATime(logTurn, async () => {
    const now = clock.now();
    const allowance = testSendAllowance((await log.recent(actor.id, now)).map((known) => known.at), now);
    if (!allowance.ok) throw new TestSendRefusedError(allowance.limit === 'per-minute' ? 'too-many-per-minute' : 'too-many-per-day', allowance.retryAt);
    const made = { id: crypto.randomUUID(), at: now, agentId: actor.id, agentName: actor.name, phone: maskPhone(phone.e164), template: template.name, language: template.language, channel: integration.channel, place: request.place };
    // Recorded before it leaves: a send nobody can account for is what the log is there to prevent.
    await log.record({ ...made, outcome: 'sending' });
    return made;
  });
  const sender = new CampaignNotificationSender(new NotificationsClient(transport, settings.sunshine), {
    integration: { id: integration.id, channel: integration.channel },
    template: { name: template.name, language: template.language, content: entry.content, slots: [...slots] },
    ...(settings.whatsappNamespace ? { namespace: settings.whatsappNamespace } : {}),
  });
  const recipient: Recipient = {
    userId: request.model?.userId ?? actor.id,
    phone: phone.e164,
    country: phone.country,
    locale: request.model?.locale ?? null,
    timeZone: request.model?.timeZone ?? null,
    values: [...request.values],
  };
  const outcome = await sendTestMessage(sender, recipient);
  // The outcome is best effort: the attempt itself is on record already.
  await oneAtATime(logTurn, () => log.record({ ...record, outcome: outcome.kind })).catch(() => undefined);
  return { outcome, phone: phone.e164 };
}

/** A number shared by more people than this is a switchboard: the first ones' list entries are enough to judge. */
const MAX_OWNERS_CHECKED = 5;

/** The number is on the block list, or belongs to someone who opted out: refused, as a campaign would leave them out. */
async function checkRecipient(context: AppContext, e164: string): Promise<void> {
  const { transport, settings } = context;
  const owners = await new SearchClient(transport).usersWithPhone(settings.phoneField, e164);
  const store = new ContactListStore(transport);
  // The number's own entries, and each owner's (a person may be listed by their user rather than their number).
  const entries = await Promise.all([
    store.loadFor({ userId: undefined, phone: e164 }),
    ...owners.slice(0, MAX_OWNERS_CHECKED).map((owner) => store.loadFor({ userId: owner.id, phone: undefined })),
  ]);
  const lists = toContactLists(entries.flat());
  const ownerIds = owners.map((owner) => owner.id);
  const allowed = lists.allowedPhones.has(e164) || ownerIds.some((id) => lists.allowedUserIds.has(id));
  const blocked = lists.blockedPhones.has(e164) || ownerIds.some((id) => lists.blockedUserIds.has(id));
  // The allow list re-admits a blocked contact, as in a campaign; it never overrides an opt-out.
  if (blocked && !allowed) throw new TestSendRefusedError('blocked');
  const optedOut = owners.some((owner) => optInStatus({ tags: owner.tags, user_fields: owner.userFields }, settings.optInRule, settings.optOutTag) === 'opted-out');
  if (optedOut) throw new TestSendRefusedError('opted-out');
}
