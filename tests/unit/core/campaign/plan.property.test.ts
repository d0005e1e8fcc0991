import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AudienceUser } from '../../../../src/core/campaign/audienceUser';
import { evaluateRecipient, EXCLUSION_REASONS, type EligibilityConfig, type ExclusionReason } from '../../../../src/core/campaign/eligibility';
import type { SlotMapping } from '../../../../src/core/campaign/mapping';
import { SendPlanBuilder, type SendPlan } from '../../../../src/core/campaign/plan';
import { isUsable, normalizePhone } from '../../../../src/core/phone/normalizePhone';
import { baseConfig, contactLists, whatsAppTemplate } from './fixtures';

/**
 * Generated audiences with every kind of defect, shared numbers, block and allow lists and a
 * blackout: whatever the mix, the plan accounts for every user exactly once.
 */

/** A few numbers, each written several ways, so that users share them. */
const NUMBERS = ['+33612345601', '+33612345602', '+33612345603', '+447400123456', '+12015550123'];
const phoneText = fc.oneof(
  fc.constantFrom(...NUMBERS),
  fc.constantFrom('06 12 34 56 01', '0612345602', '0033 6 12 34 56 03', '+44 7400 123456', '+1 (201) 555-0123'),
  fc.constantFrom(null, '', '   ', '06 12', 'not a phone', '+999 12', '07400 123456'),
);

const user = fc.record({
  name: fc.constantFrom(null, '', 'Clarice Martin', 'Zoë', '  '),
  phone: phoneText,
  tags: fc.subarray(['whatsapp_opt_in', 'whatsapp_opt_out', 'vip']),
  suspended: fc.boolean(),
  order: fc.constantFrom(undefined, '', '10482', 'a\nb', 42),
  mobile: phoneText,
});

const audience = fc.record({
  users: fc.array(user, { maxLength: 60 }),
  phoneField: fc.constantFrom('phone', 'mobile'),
  firstNameFallback: fc.constantFrom('', 'cher client'),
  blockedUserIds: fc.uniqueArray(fc.integer({ min: 1, max: 60 }), { maxLength: 15 }),
  allowedUserIds: fc.uniqueArray(fc.integer({ min: 1, max: 60 }), { maxLength: 15 }),
  blockedPhones: fc.subarray(NUMBERS),
  allowedPhones: fc.subarray(NUMBERS),
  /** The blackout holds the fingerprints whose first hex digit is below this: about n/16 of the messages. */
  blackoutShare: fc.integer({ min: 0, max: 16 }),
});

type Audience = typeof audience extends fc.Arbitrary<infer T> ? T : never;

function scenario(input: Audience): { users: AudienceUser[]; config: EligibilityConfig } {
  const users = input.users.map(
    (generated, index): AudienceUser => ({
      id: index + 1,
      name: generated.name,
      email: null,
      phone: generated.phone,
      locale: 'fr',
      timeZone: null,
      tags: generated.tags,
      userFields: { order: generated.order, mobile: generated.mobile },
      suspended: generated.suspended,
      organizationId: null,
      organizationName: null,
    }),
  );
  const mappings: SlotMapping[] = [
    { source: { kind: 'user', field: 'first_name' }, fallback: input.firstNameFallback },
    { source: { kind: 'custom', key: 'order' }, fallback: '' },
  ];
  const base = baseConfig();
  const config = baseConfig({
    mappings,
    contact: { ...base.contact, phoneField: input.phoneField },
    lists: contactLists(input),
    blackout: { wasSent: (fingerprint) => parseInt(fingerprint.charAt(0), 16) < input.blackoutShare },
  });
  return { users, config };
}

function planOf(users: readonly AudienceUser[], config: EligibilityConfig): SendPlan {
  const builder = new SendPlanBuilder(whatsAppTemplate, config);
  for (const generated of users) builder.add(generated);
  return builder.build();
}

describe('SendPlanBuilder, for any audience', () => {
  it('accounts for every user: recipients plus exclusions make the audience', () => {
    fc.assert(
      fc.property(audience, (input) => {
        const { users, config } = scenario(input);
        const plan = planOf(users, config);
        const excluded = EXCLUSION_REASONS.reduce((sum, reason) => sum + plan.exclusions[reason].count, 0);
        expect(plan.audienceSize).toBe(users.length);
        expect(plan.recipients.size + excluded).toBe(plan.audienceSize);
        expect(plan.countries.reduce((sum, country) => sum + country.recipients, 0)).toBe(plan.recipients.size);
      }),
    );
  });

  it('lists every user exactly once, among the recipients or under their first reason', () => {
    fc.assert(
      fc.property(audience, (input) => {
        const { users, config } = scenario(input);
        const plan = planOf(users, config);
        const ids = [...plan.recipients].map((recipient) => recipient.userId);
        for (const reason of EXCLUSION_REASONS) {
          const { count, entries } = plan.exclusions[reason];
          expect(entries).toHaveLength(count);
          for (const entry of entries) {
            expect(entry.reasons[0]).toBe(reason);
            ids.push(entry.userId);
          }
        }
        expect(ids.sort((a, b) => a - b)).toEqual(users.map((generated) => generated.id));
      }),
    );
  });

  it('never sends twice to one number', () => {
    fc.assert(
      fc.property(audience, (input) => {
        const { users, config } = scenario(input);
        const phones = [...planOf(users, config).recipients].map((recipient) => recipient.phone);
        expect(new Set(phones).size).toBe(phones.length);
      }),
    );
  });

  it("agrees with each user's own evaluation; a duplicate is an eligible user whose number an earlier recipient has", () => {
    fc.assert(
      fc.property(audience, (input) => {
        const { users, config } = scenario(input);
        const plan = planOf(users, config);
        const byId = new Map(users.map((generated) => [generated.id, generated]));
        const recipientPhones = new Map([...plan.recipients].map((recipient) => [recipient.phone, recipient.userId]));
        for (const recipient of plan.recipients) {
          const evaluation = evaluateRecipient(byId.get(recipient.userId) as AudienceUser, config);
          expect(evaluation.reasons).toEqual([]);
          expect(recipient.values).toEqual(evaluation.values);
        }
        for (const reason of EXCLUSION_REASONS) {
          for (const entry of plan.exclusions[reason].entries) {
            const evaluation = evaluateRecipient(byId.get(entry.userId) as AudienceUser, config);
            if (reason !== 'duplicate-phone') {
              expect(entry.reasons).toEqual(evaluation.reasons);
              continue;
            }
            expect(evaluation.reasons).toEqual([]);
            expect(entry.reasons).toEqual(['duplicate-phone']);
            const keeper = recipientPhones.get(entry.phone ?? '');
            expect(keeper).toBeDefined();
            expect(keeper).toBeLessThan(entry.userId);
          }
        }
      }),
    );
  });

  it('keeps every reason in priority order, never blocked or blackout for an allowed contact', () => {
    fc.assert(
      fc.property(audience, (input) => {
        const { users, config } = scenario(input);
        for (const generated of users) {
          const { reasons, phone } = evaluateRecipient(generated, config);
          const rank = (reason: ExclusionReason) => EXCLUSION_REASONS.indexOf(reason);
          expect(reasons).toEqual([...new Set(reasons)].sort((a, b) => rank(a) - rank(b)));
          const allowed = config.lists.allowedUserIds.has(generated.id) || (isUsable(phone) && config.lists.allowedPhones.has(phone.e164));
          if (allowed) {
            expect(reasons).not.toContain('blocked');
            expect(reasons).not.toContain('blackout');
          }
        }
      }),
    );
  });

  it('counts as repaired exactly the recipients whose number was not typed in international format', () => {
    fc.assert(
      fc.property(audience, (input) => {
        const { users, config } = scenario(input);
        const plan = planOf(users, config);
        const byId = new Map(users.map((generated) => [generated.id, generated]));
        const repaired = [...plan.recipients].filter((recipient) => {
          const generated = byId.get(recipient.userId) as AudienceUser;
          const typed = config.contact.phoneField === 'phone' ? generated.phone : (generated.userFields.mobile as string | null);
          return normalizePhone(typed, 'FR').status === 'repaired';
        });
        expect(plan.repairedPhones).toBe(repaired.length);
      }),
    );
  });
});
