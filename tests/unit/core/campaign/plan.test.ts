import { describe, expect, it } from 'vitest';
import type { AudienceUser } from '../../../../src/core/campaign/audienceUser';
import { EXCLUSION_REASONS, messageFingerprint } from '../../../../src/core/campaign/eligibility';
import { sampleRecipients, SendPlanBuilder, type SendPlan } from '../../../../src/core/campaign/plan';
import { heardIndex } from '../../../../src/core/campaign/heard';
import { audienceUser, baseConfig, blackoutOf, contactLists, whatsAppTemplate } from './fixtures';

function planOf(users: AudienceUser[], config = baseConfig(), template = whatsAppTemplate): SendPlan {
  const builder = new SendPlanBuilder(template, config);
  for (const user of users) builder.add(user);
  return builder.build();
}

const countsOf = (plan: SendPlan) => Object.fromEntries(EXCLUSION_REASONS.map((reason) => [reason, plan.exclusions[reason].count]));

describe('SendPlanBuilder', () => {
  it('gives an empty plan for an empty audience', () => {
    const plan = planOf([]);
    expect(plan).toMatchObject({ template: whatsAppTemplate, audienceSize: 0, repairedPhones: 0, countries: [] });
    expect(plan.recipients.size).toBe(0);
    expect([...plan.recipients]).toEqual([]);
    for (const reason of EXCLUSION_REASONS) expect(plan.exclusions[reason]).toEqual({ count: 0, entries: [] });
  });

  it('keeps what sending needs of each recipient', () => {
    const plan = planOf([
      audienceUser({ id: 11, phone: '06 12 34 56 78', locale: 'fr', timeZone: 'Europe/Paris' }),
      audienceUser({ id: 12, name: 'Tom Jones', phone: '+44 7400 123456', locale: null, timeZone: null }),
    ]);
    expect([...plan.recipients]).toEqual([
      { userId: 11, phone: '+33612345678', country: 'FR', locale: 'fr', timeZone: 'Europe/Paris', values: ['Clarice', 'SPRING'] },
      { userId: 12, phone: '+447400123456', country: 'GB', locale: null, timeZone: null, values: ['Tom', 'SPRING'] },
    ]);
    expect(plan.recipients.at(1).userId).toBe(12);
    expect(() => plan.recipients.at(2)).toThrow(RangeError);
    expect(() => plan.recipients.at(-1)).toThrow(RangeError);
    expect(plan.repairedPhones).toBe(1);
  });

  it('counts each excluded user once, under the first reason, and keeps every reason', () => {
    const users = [
      audienceUser({ id: 1, suspended: true, tags: [] }),
      audienceUser({ id: 2, phone: null }),
      audienceUser({ id: 3, phone: '06 12' }),
      audienceUser({ id: 4, phone: '+33600000004', tags: ['whatsapp_opt_out'] }),
      audienceUser({ id: 5, phone: '+33600000005', tags: [] }),
      audienceUser({ id: 6, phone: '+33600000006' }),
      audienceUser({ id: 7, phone: '+33600000007', name: null }),
      audienceUser({ id: 8, phone: '+33612345678' }),
      audienceUser({ id: 9, phone: '+33600000009' }),
      audienceUser({ id: 10, phone: '+33600000009' }),
      // A first name longer than WhatsApp takes for a body placeholder, and one that reads as a card.
      audienceUser({ id: 11, phone: '+33600000011', name: `${'A'.repeat(1025)} Smith` }),
      audienceUser({ id: 12, phone: '+33600000012', name: '4111–1111–1111–1111 Martin' }),
      // A US number, for a marketing template: WhatsApp would not deliver it.
      audienceUser({ id: 13, phone: '+12015550113', tags: [] }),
    ];
    const config = baseConfig({
      lists: contactLists({ blockedUserIds: [6] }),
      blackout: blackoutOf([messageFingerprint({ phone: '+33612345678', templateName: 'spring_sale', language: 'fr', values: ['Clarice', 'SPRING'] })]),
    });
    const plan = planOf(users, config);
    expect(plan.audienceSize).toBe(13);
    expect([...plan.recipients].map((recipient) => recipient.userId)).toEqual([9]);
    expect(countsOf(plan)).toEqual({
      suspended: 1,
      'no-phone': 1,
      'invalid-phone': 1,
      'us-marketing': 1,
      'not-on-whatsapp': 0,
      'opted-out': 1,
      'no-opt-in': 1,
      blocked: 1,
      'marketing-limit': 0,
      'empty-placeholder': 1,
      'value-too-long': 1,
      'card-number': 1,
      blackout: 1,
      'duplicate-phone': 1,
    });
    expect(plan.exclusions.suspended.entries).toEqual([{ userId: 1, phone: '+33612345678', reasons: ['suspended', 'no-opt-in', 'blackout'] }]);
    expect(plan.exclusions['no-phone'].entries).toEqual([{ userId: 2, phone: undefined, reasons: ['no-phone'] }]);
    expect(plan.exclusions['invalid-phone'].entries).toEqual([{ userId: 3, phone: '06 12', reasons: ['invalid-phone'] }]);
    expect(plan.exclusions['opted-out'].entries).toEqual([{ userId: 4, phone: '+33600000004', reasons: ['opted-out', 'no-opt-in'] }]);
    expect(plan.exclusions['duplicate-phone'].entries).toEqual([{ userId: 10, phone: '+33600000009', reasons: ['duplicate-phone'] }]);
    expect(plan.exclusions['value-too-long'].entries).toEqual([{ userId: 11, phone: '+33600000011', reasons: ['value-too-long'] }]);
    expect(plan.exclusions['card-number'].entries).toEqual([{ userId: 12, phone: '+33600000012', reasons: ['card-number'] }]);
    expect(plan.exclusions['us-marketing'].entries).toEqual([{ userId: 13, phone: '+12015550113', reasons: ['us-marketing', 'no-opt-in'] }]);
  });

  it('leaves out numbers WhatsApp said are not on WhatsApp for 30 days, holds marketing-capped ones for 24 hours, and says when it heard', () => {
    const now = Date.UTC(2026, 10, 21, 9, 0, 0);
    const [hour, day] = [3_600_000, 86_400_000];
    const heard = heardIndex(
      [
        { phone: '+33600000001', code: '131026', at: now - 29 * day },
        { phone: '+33600000002', code: '131026', at: now - 31 * day },
        { phone: '+33600000003', code: '131049', at: now - 23 * hour },
        { phone: '+33600000004', code: '131049', at: now - 25 * hour },
        // Reported twice: the latest counts.
        { phone: '+33600000003', code: '131049', at: now - 2 * hour },
        // Not on WhatsApp and opted out: counted once, under the number.
        { phone: '+33600000005', code: '131026', at: now - day },
      ],
      now,
    );
    const users = [1, 2, 3, 4, 5, 6].map((id) => audienceUser({ id, phone: `+3360000000${id}`, ...(id === 5 ? { tags: ['whatsapp_opt_in', 'whatsapp_opt_out'] } : {}) }));
    // Allowed by the list: WhatsApp's word still wins.
    const plan = planOf(users, { ...baseConfig(), heard, lists: contactLists({ allowedUserIds: [1, 3] }) });
    expect([...plan.recipients].map((recipient) => recipient.userId)).toEqual([2, 4, 6]);
    expect(plan.exclusions['not-on-whatsapp'].entries).toEqual([
      { userId: 1, phone: '+33600000001', reasons: ['not-on-whatsapp'], heardAt: now - 29 * day },
      { userId: 5, phone: '+33600000005', reasons: ['not-on-whatsapp', 'opted-out'], heardAt: now - day },
    ]);
    expect(plan.exclusions['marketing-limit'].entries).toEqual([{ userId: 3, phone: '+33600000003', reasons: ['marketing-limit'], heardAt: now - 2 * hour }]);
    expect(plan.audienceSize).toBe(plan.recipients.size + Object.values(countsOf(plan)).reduce((sum, count) => sum + count, 0));

    // The marketing limit holds marketing templates only; SMS knows nothing of WhatsApp.
    expect(planOf(users, { ...baseConfig(), heard }, { ...whatsAppTemplate, category: 'UTILITY' }).exclusions['marketing-limit'].count).toBe(0);
    const sms = planOf(users, { ...baseConfig(), heard }, { ...whatsAppTemplate, channel: 'sms' });
    expect([sms.exclusions['not-on-whatsapp'].count, sms.exclusions['marketing-limit'].count]).toEqual([0, 0]);
  });

  it('leaves US numbers out of a WhatsApp marketing template only, and prices nothing for them', () => {
    const users = [
      audienceUser({ id: 1, phone: '+12015550101' }),
      audienceUser({ id: 2, phone: '+14165550102' }),
      audienceUser({ id: 3, phone: '+17875550103' }),
      audienceUser({ id: 4, phone: '+33612345604' }),
    ];
    const marketing = planOf(users);
    expect([...marketing.recipients].map((recipient) => recipient.userId)).toEqual([2, 3, 4]);
    expect(marketing.exclusions['us-marketing'].entries).toEqual([{ userId: 1, phone: '+12015550101', reasons: ['us-marketing'] }]);
    expect(marketing.countries.map(({ country }) => country)).not.toContain('US');
    expect(planOf(users, baseConfig(), { ...whatsAppTemplate, category: 'marketing' }).exclusions['us-marketing'].count).toBe(1);
    for (const template of [
      { ...whatsAppTemplate, category: 'UTILITY' },
      { ...whatsAppTemplate, category: 'AUTHENTICATION' },
      { ...whatsAppTemplate, category: undefined },
      { ...whatsAppTemplate, channel: 'sms' as const },
    ]) {
      const plan = planOf(users, baseConfig(), template);
      expect(plan.recipients.size, JSON.stringify(template)).toBe(4);
      expect(plan.exclusions['us-marketing'].count).toBe(0);
    }
  });

  it('gives a shared number to the first eligible user, and leaves the later ones out', () => {
    const plan = planOf([
      audienceUser({ id: 1, phone: '+33612345678' }),
      audienceUser({ id: 2, phone: '06 12 34 56 78' }),
      audienceUser({ id: 3, phone: '0033612345678' }),
    ]);
    expect([...plan.recipients].map((recipient) => recipient.userId)).toEqual([1]);
    expect(plan.exclusions['duplicate-phone'].entries.map((entry) => entry.userId)).toEqual([2, 3]);
  });

  it('does not let an excluded user use up a number', () => {
    const shared = '+33612345678';
    const plan = planOf(
      [
        audienceUser({ id: 1, phone: shared }),
        audienceUser({ id: 2, phone: shared, suspended: true }),
        audienceUser({ id: 3, phone: shared, tags: [] }),
        audienceUser({ id: 4, phone: shared }),
        audienceUser({ id: 5, phone: shared }),
      ],
      baseConfig({ lists: contactLists({ blockedUserIds: [1] }) }),
    );
    expect([...plan.recipients].map((recipient) => recipient.userId)).toEqual([4]);
    expect(plan.exclusions.blocked.entries.map((entry) => entry.userId)).toEqual([1]);
    expect(plan.exclusions.suspended.entries.map((entry) => entry.userId)).toEqual([2]);
    expect(plan.exclusions['no-opt-in'].entries.map((entry) => entry.userId)).toEqual([3]);
    expect(plan.exclusions['duplicate-phone'].entries.map((entry) => entry.userId)).toEqual([5]);
  });

  it('counts repaired phones among the recipients', () => {
    const plan = planOf([
      audienceUser({ id: 1, phone: '06 12 34 56 01' }),
      audienceUser({ id: 2, phone: '0033 6 12 34 56 02' }),
      audienceUser({ id: 3, phone: '+33 6 12 34 56 03' }),
      audienceUser({ id: 4, phone: '06 12 34 56 04', tags: [] }),
      audienceUser({ id: 5, phone: '06 12 34 56 01' }),
    ]);
    expect(plan.recipients.size).toBe(3);
    expect(plan.repairedPhones).toBe(2);
  });

  it('counts recipients per destination country, most first', () => {
    const plan = planOf([
      audienceUser({ id: 1, phone: '+447400123401' }),
      audienceUser({ id: 2, phone: '+33612345602' }),
      audienceUser({ id: 3, phone: '+447400123403' }),
      audienceUser({ id: 4, phone: '+12015550104' }),
      audienceUser({ id: 5, phone: '+33612345605' }),
      audienceUser({ id: 6, phone: '+447400123406' }),
    ], baseConfig(), { ...whatsAppTemplate, category: 'UTILITY' });
    expect(plan.countries).toEqual([
      { country: 'GB', recipients: 3 },
      { country: 'FR', recipients: 2 },
      { country: 'US', recipients: 1 },
    ]);
  });

  it('keeps numbers longer than 15 digits exactly', () => {
    // Valid German numbers of 16 and 17 digits: more than a double holds exactly.
    const plan = planOf(
      [
        audienceUser({ id: 1, phone: '+4923351242142221' }),
        audienceUser({ id: 2, phone: '+49253153251376850' }),
        audienceUser({ id: 3, phone: '+49253153251376850' }),
      ],
      baseConfig({ contact: { phoneField: 'phone', defaultCountry: 'DE', optInRule: { kind: 'tag', tag: 'whatsapp_opt_in' }, optOutTag: undefined } }),
    );
    expect([...plan.recipients].map((recipient) => recipient.phone)).toEqual(['+4923351242142221', '+49253153251376850']);
    expect(plan.exclusions['duplicate-phone'].entries).toEqual([{ userId: 3, phone: '+49253153251376850', reasons: ['duplicate-phone'] }]);
  });

  it('keeps a built plan as it was while the builder goes on', () => {
    const builder = new SendPlanBuilder(whatsAppTemplate, baseConfig());
    builder.add(audienceUser({ id: 1, phone: '+33612345601' }));
    builder.add(audienceUser({ id: 2, phone: null }));
    const early = builder.build();
    builder.add(audienceUser({ id: 3, phone: '+33612345603' }));
    builder.add(audienceUser({ id: 4, phone: null }));
    expect(builder.audienceSize).toBe(4);
    expect(early.audienceSize).toBe(2);
    expect(early.recipients.size).toBe(1);
    expect([...early.recipients].map((recipient) => recipient.userId)).toEqual([1]);
    expect(early.exclusions['no-phone']).toMatchObject({ count: 1 });
    expect(early.exclusions['no-phone'].entries.map((entry) => entry.userId)).toEqual([2]);
    expect(builder.build().recipients.size).toBe(2);
  });

  it('stores thousands of recipients in columns and reads them back unchanged', () => {
    const users = Array.from({ length: 9000 }, (_, index) =>
      audienceUser({
        id: 1_000_000_000_000 + index,
        name: index % 3 === 0 ? `Zoë${index} Martin` : 'Clarice Martin',
        phone: `+336${String(10_000_000 + index)}`,
        locale: ['fr', 'en-US', null][index % 3] ?? null,
        timeZone: index % 2 === 0 ? 'Europe/Paris' : null,
      }),
    );
    const plan = planOf(users);
    expect(plan.recipients.size).toBe(9000);
    let index = 0;
    for (const recipient of plan.recipients) {
      const user = users[index];
      expect(recipient).toEqual({
        userId: user?.id,
        phone: user?.phone,
        country: 'FR',
        locale: user?.locale,
        timeZone: user?.timeZone,
        values: [user?.name?.split(' ')[0], 'SPRING'],
      });
      index += 1;
    }
    expect(plan.recipients.at(8997).values).toEqual(['Zoë8997', 'SPRING']);
    expect(plan.recipients.at(8999).values).toEqual(['Clarice', 'SPRING']);
  });

  it('builds exclusion entries once, when they are first read', () => {
    const plan = planOf([audienceUser({ id: 1, phone: null }), audienceUser({ id: 2, phone: null })]);
    const group = plan.exclusions['no-phone'];
    expect(group.entries).toBe(group.entries);
    expect(group.entries[0]?.reasons).toBe(group.entries[1]?.reasons);
  });
});

describe('sampleRecipients', () => {
  const plan = planOf(Array.from({ length: 50 }, (_, index) => audienceUser({ id: index + 1, phone: `+336123456${String(index).padStart(2, '0')}` })));

  /** A deterministic stand-in for Math.random. */
  function seeded(seed: number): () => number {
    let state = seed;
    return () => {
      state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
      return state / 2 ** 32;
    };
  }

  it('picks distinct recipients, in plan order', () => {
    const sample = sampleRecipients(plan, 5, seeded(1));
    expect(sample).toHaveLength(5);
    const ids = sample.map((recipient) => recipient.userId);
    expect(new Set(ids).size).toBe(5);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
  });

  it('gives everyone when asked for more than there are, and nobody from an empty plan', () => {
    expect(sampleRecipients(plan, 80, seeded(2)).map((recipient) => recipient.userId)).toEqual(Array.from({ length: 50 }, (_, index) => index + 1));
    expect(sampleRecipients(planOf([]), 3, seeded(3))).toEqual([]);
    expect(sampleRecipients(plan, 0, seeded(3))).toEqual([]);
  });

  it('copes with a random source that returns its bounds', () => {
    expect(sampleRecipients(plan, 3, () => 0)).toHaveLength(3);
    expect(sampleRecipients(plan, 3, () => 0.9999999999)).toHaveLength(3);
    expect(sampleRecipients(plan, 3, () => 1)).toHaveLength(3);
  });

  it('reaches every recipient over many draws', () => {
    const random = seeded(4);
    const seen = new Set<number>();
    for (let draw = 0; draw < 200; draw += 1) for (const recipient of sampleRecipients(plan, 3, random)) seen.add(recipient.userId);
    expect(seen.size).toBe(50);
  });
});
