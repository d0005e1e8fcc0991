import type { AudienceUser } from '../../../../src/core/campaign/audienceUser';
import type { EligibilityConfig } from '../../../../src/core/campaign/eligibility';
import { EMPTY_LISTS, NO_BLACKOUT, type BlackoutIndex, type ContactLists } from '../../../../src/core/campaign/lists';
import type { SlotMapping, TemplateSlot } from '../../../../src/core/campaign/mapping';
import type { PlanTemplate } from '../../../../src/core/campaign/plan';
import type { ContactRules } from '../../../../src/core/contact/assessContact';

/** A user every rule accepts with `baseConfig`: each test breaks one thing in it. */
export function audienceUser(overrides: Partial<AudienceUser> = {}): AudienceUser {
  return {
    id: 1,
    name: 'Clarice Martin',
    email: 'clarice@example.com',
    phone: '+33612345678',
    locale: 'fr',
    timeZone: 'Europe/Paris',
    tags: ['whatsapp_opt_in'],
    userFields: {},
    suspended: false,
    organizationId: null,
    organizationName: null,
    ...overrides,
  };
}

export const contactRules: ContactRules = {
  phoneField: 'phone',
  defaultCountry: 'FR',
  optInRule: { kind: 'tag', tag: 'whatsapp_opt_in' },
  optOutTag: 'whatsapp_opt_out',
};

/** `Bonjour {{Clarice}}, votre code : {{SPRING}}`: the first name, then a static code. */
export const slots: TemplateSlot[] = [
  { id: 'body.1', component: 'body', position: 1, sample: 'Clarice' },
  { id: 'body.2', component: 'body', position: 2, sample: 'SPRING' },
];

export const mappings: SlotMapping[] = [
  { source: { kind: 'user', field: 'first_name' }, fallback: '' },
  { source: { kind: 'static', value: 'SPRING' }, fallback: '' },
];

export function baseConfig(overrides: Partial<EligibilityConfig> = {}): EligibilityConfig {
  return {
    templateName: 'spring_sale',
    language: 'fr',
    channel: 'whatsapp',
    category: 'MARKETING',
    slots,
    mappings,
    contact: contactRules,
    lists: EMPTY_LISTS,
    blackout: NO_BLACKOUT,
    ...overrides,
  };
}

export function contactLists(lists: { blockedUserIds?: number[]; blockedPhones?: string[]; allowedUserIds?: number[]; allowedPhones?: string[] }): ContactLists {
  return {
    blockedUserIds: new Set(lists.blockedUserIds),
    blockedPhones: new Set(lists.blockedPhones),
    allowedUserIds: new Set(lists.allowedUserIds),
    allowedPhones: new Set(lists.allowedPhones),
  };
}

export function blackoutOf(fingerprints: Iterable<string>): BlackoutIndex {
  const sent = new Set(fingerprints);
  return { wasSent: (fingerprint) => sent.has(fingerprint) };
}

export const whatsAppTemplate: PlanTemplate = { name: 'spring_sale', language: 'fr', category: 'MARKETING', channel: 'whatsapp' };
