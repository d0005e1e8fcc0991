import { describe, expect, it } from 'vitest';
import { contactFieldKeys, evaluateRecipient, EXCLUSION_REASONS, messageFingerprint, type ExclusionReason } from '../../../../src/core/campaign/eligibility';
import type { AudienceUser } from '../../../../src/core/campaign/audienceUser';
import type { EligibilityConfig } from '../../../../src/core/campaign/eligibility';
import { audienceUser, baseConfig, blackoutOf, contactLists, contactRules } from './fixtures';

const fingerprintOf = (phone: string, values: string[]) => messageFingerprint({ phone, templateName: 'spring_sale', language: 'fr', values });
/** What Clarice, +33612345678, would receive with the base config. */
const CLARICE = fingerprintOf('+33612345678', ['Clarice', 'SPRING']);

const reasonsOf = (user: AudienceUser, config: EligibilityConfig = baseConfig()) => evaluateRecipient(user, config).reasons;

describe('evaluateRecipient: an eligible user', () => {
  it('has no reason, the normalised phone, every value and the fingerprint', () => {
    expect(evaluateRecipient(audienceUser(), baseConfig())).toEqual({
      phone: { status: 'valid', e164: '+33612345678', country: 'FR' },
      values: ['Clarice', 'SPRING'],
      reasons: [],
      fingerprint: CLARICE,
    });
  });

  it('has a number repaired with the default country', () => {
    expect(evaluateRecipient(audienceUser({ phone: '06 12 34 56 78' }), baseConfig())).toMatchObject({
      phone: { status: 'repaired', e164: '+33612345678', repair: 'default-country' },
      reasons: [],
      fingerprint: CLARICE,
    });
  });

  it('reads the phone from the custom field the admin chose', () => {
    const config = baseConfig({ contact: { ...contactRules, phoneField: 'mobile' } });
    const user = audienceUser({ phone: null, userFields: { mobile: '+33 6 12 34 56 78' } });
    expect(evaluateRecipient(user, config)).toMatchObject({ phone: { e164: '+33612345678' }, reasons: [] });
    expect(reasonsOf(audienceUser({ phone: '+33612345678' }), config)).toEqual(['no-phone']);
  });

  it('reads consent from a checkbox field', () => {
    const config = baseConfig({ contact: { ...contactRules, optInRule: { kind: 'field', key: 'whatsapp_ok' } } });
    expect(reasonsOf(audienceUser({ tags: [], userFields: { whatsapp_ok: true } }), config)).toEqual([]);
    expect(reasonsOf(audienceUser({ tags: ['whatsapp_opt_in'], userFields: { whatsapp_ok: false } }), config)).toEqual(['no-opt-in']);
  });
});

describe('evaluateRecipient: each reason alone', () => {
  const alone: Array<[ExclusionReason, AudienceUser, EligibilityConfig?]> = [
    ['suspended', audienceUser({ suspended: true })],
    ['no-phone', audienceUser({ phone: null })],
    ['no-phone', audienceUser({ phone: '   ' })],
    ['invalid-phone', audienceUser({ phone: '06 12' })],
    ['invalid-phone', audienceUser({ phone: 'call me' })],
    ['invalid-phone', audienceUser({ phone: '0612345678' }), baseConfig({ contact: { ...contactRules, defaultCountry: undefined } })],
    ['us-marketing', audienceUser({ phone: '+1 201-555-0123' })],
    ['us-marketing', audienceUser({ phone: '(201) 555-0123' }), baseConfig({ contact: { ...contactRules, defaultCountry: 'US' } })],
    ['opted-out', audienceUser({ tags: ['whatsapp_opt_in', 'WhatsApp_Opt_Out'] })],
    ['no-opt-in', audienceUser({ tags: [] })],
    ['blocked', audienceUser({ id: 7 }), baseConfig({ lists: contactLists({ blockedUserIds: [7] }) })],
    ['blocked', audienceUser({ phone: '06 12 34 56 78' }), baseConfig({ lists: contactLists({ blockedPhones: ['+33612345678'] }) })],
    ['empty-placeholder', audienceUser({ name: null })],
    ['blackout', audienceUser(), baseConfig({ blackout: blackoutOf([CLARICE]) })],
  ];

  it.each(alone)('%s', (reason, user, config = baseConfig()) => {
    expect(reasonsOf(user, config)).toEqual([reason]);
  });

  it('never gives duplicate-phone: the plan decides it', () => {
    for (const [, user, config = baseConfig()] of alone) expect(reasonsOf(user, config)).not.toContain('duplicate-phone');
  });
});

describe('evaluateRecipient: combined reasons', () => {
  it('keeps every reason that applies, in priority order', () => {
    const everything = audienceUser({ id: 9, suspended: true, phone: '+33612345678', tags: ['whatsapp_opt_out'], name: null });
    const config = baseConfig({ lists: contactLists({ blockedUserIds: [9] }) });
    expect(reasonsOf(everything, config)).toEqual(['suspended', 'opted-out', 'no-opt-in', 'blocked', 'empty-placeholder']);
  });

  it('puts reasons in the order of EXCLUSION_REASONS, whatever the combination', () => {
    const users = [
      audienceUser({ suspended: true, phone: null, tags: [] }),
      audienceUser({ phone: 'x', name: null }),
      audienceUser({ tags: ['whatsapp_opt_out', 'whatsapp_opt_in'], id: 7 }),
      audienceUser({ suspended: true, id: 7 }),
    ];
    const config = baseConfig({ lists: contactLists({ blockedUserIds: [7] }), blackout: blackoutOf([CLARICE]) });
    const results = users.map((user) => reasonsOf(user, config));
    expect(results).toEqual([
      ['suspended', 'no-phone', 'no-opt-in'],
      ['invalid-phone', 'empty-placeholder'],
      ['opted-out', 'blocked', 'blackout'],
      ['suspended', 'blocked', 'blackout'],
    ]);
    for (const reasons of results) expect(reasons).toEqual([...reasons].sort((a, b) => EXCLUSION_REASONS.indexOf(a) - EXCLUSION_REASONS.indexOf(b)));
  });

  it('has no fingerprint, so no blackout, without a usable phone or a complete message', () => {
    expect(evaluateRecipient(audienceUser({ phone: 'x' }), baseConfig()).fingerprint).toBeUndefined();
    expect(evaluateRecipient(audienceUser({ name: null }), baseConfig())).toMatchObject({ values: undefined, fingerprint: undefined });
  });

  it('uses fallbacks before calling a placeholder empty', () => {
    const config = baseConfig({ mappings: [{ source: { kind: 'user', field: 'first_name' }, fallback: 'cher client' }, { source: { kind: 'static', value: 'SPRING' }, fallback: '' }] });
    expect(evaluateRecipient(audienceUser({ name: null }), config)).toMatchObject({ values: ['cher client', 'SPRING'], reasons: [] });
  });

  it('calls a slot without a mapping empty', () => {
    expect(reasonsOf(audienceUser(), baseConfig({ mappings: [] }))).toEqual(['empty-placeholder']);
  });
});

describe('evaluateRecipient: the allow list', () => {
  const blockedEverywhere = contactLists({ blockedUserIds: [1], blockedPhones: ['+33612345678'] });

  it('re-admits a blocked user, by user id or by phone', () => {
    expect(reasonsOf(audienceUser(), baseConfig({ lists: { ...blockedEverywhere, allowedUserIds: new Set([1]) } }))).toEqual([]);
    expect(reasonsOf(audienceUser(), baseConfig({ lists: { ...blockedEverywhere, allowedPhones: new Set(['+33612345678']) } }))).toEqual([]);
  });

  it('re-admits a user the blackout would leave out', () => {
    const blackout = blackoutOf([CLARICE]);
    expect(reasonsOf(audienceUser(), baseConfig({ blackout, lists: contactLists({ allowedUserIds: [1] }) }))).toEqual([]);
    expect(reasonsOf(audienceUser({ phone: '0612345678' }), baseConfig({ blackout, lists: contactLists({ allowedPhones: ['+33612345678'] }) }))).toEqual([]);
  });

  it('waives nothing else', () => {
    const lists = contactLists({ allowedUserIds: [1], allowedPhones: ['+33612345678'], blockedUserIds: [1] });
    const config = baseConfig({ lists, blackout: blackoutOf([CLARICE]) });
    expect(reasonsOf(audienceUser({ suspended: true }), config)).toEqual(['suspended']);
    expect(reasonsOf(audienceUser({ phone: null }), config)).toEqual(['no-phone']);
    expect(reasonsOf(audienceUser({ phone: '12' }), config)).toEqual(['invalid-phone']);
    expect(reasonsOf(audienceUser({ tags: ['whatsapp_opt_in', 'whatsapp_opt_out'] }), config)).toEqual(['opted-out']);
    expect(reasonsOf(audienceUser({ tags: [] }), config)).toEqual(['no-opt-in']);
    expect(reasonsOf(audienceUser({ name: null }), config)).toEqual(['empty-placeholder']);
  });

  it('only re-admits the user or number it names', () => {
    const lists = contactLists({ blockedUserIds: [1, 2], allowedUserIds: [2], allowedPhones: ['+33699999999'] });
    expect(reasonsOf(audienceUser(), baseConfig({ lists }))).toEqual(['blocked']);
  });
});

describe('evaluateRecipient: the block list', () => {
  it('blocks every user who has a blocked number, however they typed it', () => {
    const lists = contactLists({ blockedPhones: ['+33612345678'] });
    ['+33612345678', '06 12 34 56 78', '0033 6 12 34 56 78', '+33 (0)6 12 34 56 78'].forEach((phone, index) => {
      expect(reasonsOf(audienceUser({ id: 100 + index, phone }), baseConfig({ lists }))).toEqual(['blocked']);
    });
  });
});

describe('contactFieldKeys', () => {
  it('names the custom fields the contact rules read', () => {
    expect(contactFieldKeys(contactRules)).toEqual([]);
    expect(contactFieldKeys({ ...contactRules, phoneField: 'mobile', optInRule: { kind: 'field', key: 'whatsapp_ok' } })).toEqual(['mobile', 'whatsapp_ok']);
  });
});
