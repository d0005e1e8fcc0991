import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { beforeAll, describe, expect, it } from 'vitest';
import { createEmulator, ManualClock, type Emulator } from '../../emulator/index';
import { createInstallation } from '../../emulator/installation';
import type { UserRecord } from '../../emulator/zendesk/userRecord';
import { ZafTransport } from '../../src/zaf/zafTransport';
import { CustomObjectsClient } from '../../src/api/zendesk/customObjects';
import { ExportSearchClient } from '../../src/api/zendesk/exportSearch';
import { OrganizationsClient } from '../../src/api/zendesk/organizations';
import type { ContactRules } from '../../src/core/contact/assessContact';
import { EXCLUSION_REASONS, messageFingerprint, type ExclusionReason } from '../../src/core/campaign/eligibility';
import type { SlotMapping } from '../../src/core/campaign/mapping';
import type { SendPlan } from '../../src/core/campaign/plan';
import { draftContent } from '../../src/core/template/meta';
import { AudiencePlanner } from '../../src/store/audiencePlanner';
import { BlackoutLogStore } from '../../src/store/blackoutLog';
import { BlackoutLogWriter } from '../../src/store/blackoutLogWriter';
import { ContactListStore } from '../../src/store/contactLists';
import { HeardNumbers, type HeardNumber } from '../../src/store/heardNumbers';
import { setUpHeraldObjects } from '../../src/store/setup';
import { advancingClock } from '../support/advancingClock';
import { createFakeZafClient } from '../support/fakeZafClient';

/**
 * Issue 4's acceptance: 50,000 users with every kind of defect stream through the real pipeline
 * (export with a 429 and an expired cursor midway, lists, blackout log, eligibility), and the plan's
 * counts match an independent count made straight from the seed data by the simple oracle below.
 */

const USERS = 50_000;
const RULES: ContactRules = { phoneField: 'phone', defaultCountry: 'FR', optInRule: { kind: 'tag', tag: 'whatsapp_opt_in' }, optOutTag: 'whatsapp_opt_out' };
const TEMPLATE = { name: 'spring_sale', language: 'fr', category: 'MARKETING', channel: 'whatsapp' as const };
const CONTENT = draftContent({
  name: 'spring_sale',
  language: 'fr',
  category: 'MARKETING',
  header: { kind: 'none' },
  body: 'Bonjour {{Clarice}}, nos soldes commencent : {{-20 %}} sur tout.',
  footer: '',
  buttons: [],
});
// The first name comes from a custom field that some users lack, with no fallback: they are left out.
const MAPPINGS: SlotMapping[] = [
  { source: { kind: 'custom', key: 'first_name' }, fallback: '' },
  { source: { kind: 'static', value: '-20 %' }, fallback: '' },
];
const NOW = Date.UTC(2026, 10, 21, 12);

/** The oracle's phone reading: libphonenumber directly, the `00` prefix, the default country. */
function e164Of(raw: string | null): string | null | undefined {
  const text = (raw ?? '').trim();
  if (text === '') return null;
  const international = text.startsWith('+') || text.startsWith('00');
  const candidate = text.startsWith('00') ? `+${text.slice(2)}` : text;
  if (/[a-z]/i.test(text)) return undefined;
  const parsed = parsePhoneNumberFromString(candidate, international ? undefined : 'FR');
  return parsed?.isValid() ? parsed.number : undefined;
}

interface Fixture {
  emulator: Emulator;
  plan: SendPlan;
  restarts: number;
  blocked: { ids: Set<number>; phones: Set<string> };
  allowed: Set<number>;
  blackout: Set<string>;
  /** Numbers WhatsApp reported (Herald service): not on WhatsApp within 30 days, capped within 24 h. */
  notOnWhatsApp: Set<string>;
  capped: Set<string>;
}

let fixture: Fixture;

beforeAll(async () => {
  const clock = new ManualClock(NOW);
  const emulator = createEmulator({ clock, zendesk: { endUsers: USERS, jobDelayMs: 0 } });
  const client = createFakeZafClient({ emulator, installation: createInstallation(emulator) });
  const transport = new ZafTransport(client);
  const apiClock = advancingClock(clock);
  await setUpHeraldObjects(new CustomObjectsClient(transport));

  const endUsers = [...emulator.zendesk.users.all()].filter((user) => user.role === 'end-user');
  const lists = new ContactListStore(transport, { clock: apiClock });
  // Block 40 users by id and one number; allow back ten of the blocked users.
  const blockedUsers = endUsers.filter((_, index) => index % 1000 === 7).slice(0, 40);
  for (const user of blockedUsers) await lists.add({ list: 'block', userId: user.id, phone: null, note: '' });
  const blockedPhone = endUsers.map((user) => e164Of(user.phone)).find((phone): phone is string => typeof phone === 'string')!;
  await lists.add({ list: 'block', userId: null, phone: blockedPhone, note: '' });
  const allowed = new Set(blockedUsers.slice(0, 10).map((user) => user.id));
  for (const id of allowed) await lists.add({ list: 'allow', userId: id, phone: null, note: '' });

  // Exactly the same message sent yesterday to every 500th user who could receive it.
  const earlierCampaign = new BlackoutLogWriter(transport, 'earlier-campaign.run', { clock: apiClock });
  const blackout = new Set<string>();
  endUsers.forEach((user, index) => {
    const phone = e164Of(user.phone);
    const firstName = user.userFields.first_name;
    if (index % 500 === 3 && typeof phone === 'string' && typeof firstName === 'string' && firstName.trim() !== '') {
      blackout.add(messageFingerprint({ phone, templateName: TEMPLATE.name, language: TEMPLATE.language, values: [firstName.trim(), '-20 %'] }));
    }
  });
  await earlierCampaign.record([...blackout], NOW - 24 * 3600 * 1000);

  // What the Herald service heard after earlier sends: every 700th number not on WhatsApp (some
  // reported too long ago to count), every 900th at its marketing limit (some more than 24 h ago).
  const HOUR = 3_600_000;
  const reports: HeardNumber[] = [];
  endUsers.forEach((user, index) => {
    const phone = e164Of(user.phone);
    if (typeof phone !== 'string') return;
    if (index % 700 === 11) reports.push({ phone, code: '131026', at: NOW - (index % 1400 === 11 ? 40 * 24 : 5 * 24) * HOUR });
    if (index % 900 === 13) reports.push({ phone, code: '131049', at: NOW - (index % 1800 === 13 ? 30 : 2) * HOUR });
  });
  const heardNumbers = new HeardNumbers(transport, { clock: apiClock });
  await heardNumbers.record(reports);
  const notOnWhatsApp = new Set(reports.filter((report) => report.code === '131026' && report.at > NOW - 30 * 24 * HOUR).map((report) => report.phone));
  const capped = new Set(reports.filter((report) => report.code === '131049' && report.at > NOW - 24 * HOUR).map((report) => report.phone));

  // A 429 after 120 pages and an expired cursor after 260, on pages of 100.
  let faultsAdded = 0;
  let restarts = 0;
  const planner = new AudiencePlanner({
    exportSearch: new ExportSearchClient(transport),
    organizations: new OrganizationsClient(transport),
    contactLists: lists,
    blackoutLog: new BlackoutLogStore(transport, { clock: apiClock }),
    heardNumbers,
    clock: apiClock,
  });
  const { plan } = await planner.plan({
    query: 'role:end-user',
    template: TEMPLATE,
    content: CONTENT,
    mappings: MAPPINGS,
    contact: RULES,
    blackoutDays: 7,
    now: clock.now(),
    pageSize: 100,
    onProgress: (progress) => {
      restarts = progress.restarts;
      if (progress.pages === 120 && faultsAdded === 0) {
        faultsAdded = 1;
        emulator.faults.add({ match: { service: 'zendesk', path: '/api/v2/search/export' }, fault: { kind: 'rateLimit', retryAfterSeconds: 9 }, times: 1 });
      }
      if (progress.pages === 260 && faultsAdded === 1) {
        faultsAdded = 2;
        emulator.faults.add({ match: { service: 'zendesk', path: '/api/v2/search/export' }, fault: { kind: 'expireCursor' }, times: 1 });
      }
    },
  });
  fixture = {
    emulator,
    plan,
    restarts,
    blocked: { ids: new Set(blockedUsers.map((user) => user.id)), phones: new Set([blockedPhone]) },
    allowed,
    blackout,
    notOnWhatsApp,
    capped,
  };
}, 120_000);

/** The oracle: each user's first reason in priority order, decided straight from the seed. */
function expectedOutcomes(): { recipients: Set<number>; reasons: Map<ExclusionReason, Set<number>> } {
  const { emulator } = fixture;
  const reasons = new Map<ExclusionReason, Set<number>>(EXCLUSION_REASONS.map((reason) => [reason, new Set<number>()]));
  const recipients = new Set<number>();
  const taken = new Set<string>();
  // Export order: newest first, as the emulator serves it.
  for (let position = 0; position < emulator.zendesk.users.size; position++) {
    const user = emulator.zendesk.users.userAtCreatedDescPosition(position) as UserRecord;
    if (user.role !== 'end-user') continue;
    const reason = firstReason(user, fixture, taken);
    if (reason) reasons.get(reason)!.add(user.id);
    else recipients.add(user.id);
  }
  return { recipients, reasons };
}

function firstReason(user: UserRecord, { blocked, allowed, blackout, notOnWhatsApp, capped }: Fixture, taken: Set<string>): ExclusionReason | undefined {
  if (user.suspended) return 'suspended';
  const phone = e164Of(user.phone);
  if (phone === null) return 'no-phone';
  if (phone === undefined) return 'invalid-phone';
  // A marketing template on WhatsApp: Meta delivers none to US numbers.
  if (parsePhoneNumberFromString(phone)?.country === 'US') return 'us-marketing';
  if (notOnWhatsApp.has(phone)) return 'not-on-whatsapp';
  if (user.tags.includes('whatsapp_opt_out')) return 'opted-out';
  if (!user.tags.includes('whatsapp_opt_in')) return 'no-opt-in';
  const isAllowed = allowed.has(user.id);
  if (!isAllowed && (blocked.ids.has(user.id) || blocked.phones.has(phone))) return 'blocked';
  // A marketing template: held while the number is at Meta's per-user limit.
  if (capped.has(phone)) return 'marketing-limit';
  const firstName = typeof user.userFields.first_name === 'string' ? user.userFields.first_name.trim() : '';
  if (firstName === '') return 'empty-placeholder';
  // WhatsApp takes 1,024 characters in a body placeholder; a card number reads through any separator.
  if (firstName.length > 1024) return 'value-too-long';
  if (/4111\D{0,3}1111\D{0,3}1111\D{0,3}1111/.test(firstName)) return 'card-number';
  const fingerprint = messageFingerprint({ phone, templateName: TEMPLATE.name, language: TEMPLATE.language, values: [firstName, '-20 %'] });
  if (!isAllowed && blackout.has(fingerprint)) return 'blackout';
  if (taken.has(phone)) return 'duplicate-phone';
  taken.add(phone);
  return undefined;
}

describe('the send plan of 50,000 users', () => {
  it('streamed through a 429 and an expired cursor, restarting once', () => {
    expect(fixture.restarts).toBeGreaterThanOrEqual(1);
    expect(fixture.plan.audienceSize).toBe([...fixture.emulator.zendesk.users.all()].filter((user) => user.role === 'end-user').length);
  });

  it('accounts for every user exactly once', () => {
    const { plan } = fixture;
    const ids = [...plan.recipients].map((recipient) => recipient.userId);
    for (const reason of EXCLUSION_REASONS) ids.push(...plan.exclusions[reason].entries.map((entry) => entry.userId));
    expect(ids).toHaveLength(plan.audienceSize);
    expect(new Set(ids).size).toBe(plan.audienceSize);
  });

  it('matches the independent count of the seed data, reason by reason and user by user', () => {
    const { plan } = fixture;
    const expected = expectedOutcomes();
    expect(new Set([...plan.recipients].map((recipient) => recipient.userId))).toEqual(expected.recipients);
    for (const reason of EXCLUSION_REASONS) {
      expect({ reason, users: new Set(plan.exclusions[reason].entries.map((entry) => entry.userId)) }).toEqual({ reason, users: expected.reasons.get(reason) });
    }
    // Every kind of defect is present in the seed, so each reason is exercised.
    for (const reason of EXCLUSION_REASONS) expect(plan.exclusions[reason].count, reason).toBeGreaterThan(0);
  });
});
