import type { ContactRules } from '../contact/assessContact';
import { optInStatus, type ConsentFacts } from '../contact/optInRule';
import { phoneOf, SYSTEM_PHONE_FIELD } from '../contact/phoneSource';
import { isUsable, normalizePhone, type PhoneCheck } from '../phone/normalizePhone';
import type { AudienceUser } from './audienceUser';
import { containsCardNumber } from './cardNumbers';
import { messageFingerprint } from './fingerprint';
import { NOTHING_HEARD, type HeardIndex } from './heard';
import type { BlackoutIndex, ContactLists } from './lists';
import { resolveValue, type ResolveContext, type SlotMapping, type TemplateSlot } from './mapping';
import { marketingUndeliverable } from './marketingReach';
import { isValueTooLong } from './sendLimits';

export { messageFingerprint, type MessageFingerprintInput } from './fingerprint';

/**
 * Why an audience user does not get the message. In priority order: a user counts once, under
 * the first reason that applies (the plan's counts then add up to the audience), while every
 * reason that applies is kept for the detail. The order goes from what the user's account or
 * number make impossible, through consent and the admin's lists, to this particular message.
 */
export const EXCLUSION_REASONS = [
  'suspended',
  'no-phone',
  'invalid-phone',
  'us-marketing',
  'not-on-whatsapp',
  'opted-out',
  'no-opt-in',
  'blocked',
  'marketing-limit',
  'empty-placeholder',
  'value-too-long',
  'card-number',
  'blackout',
  'duplicate-phone',
] as const;
export type ExclusionReason = (typeof EXCLUSION_REASONS)[number];

export interface EligibilityConfig {
  templateName: string;
  language: string;
  channel: 'whatsapp' | 'sms';
  /** Meta's category of the template (`MARKETING`, `UTILITY`, ...), undefined when unknown. */
  category: string | undefined;
  slots: readonly TemplateSlot[];
  /** One per slot, in slot order. */
  mappings: readonly SlotMapping[];
  contact: ContactRules;
  lists: ContactLists;
  blackout: BlackoutIndex;
  /** What WhatsApp reported about numbers after earlier sends (none when absent). */
  heard?: HeardIndex;
  /** The ticket's fields, for a send from a ticket. */
  ticket?: Readonly<Record<string, string>>;
}

export interface Evaluation {
  phone: PhoneCheck;
  /** One per slot; undefined when a slot is empty without fallback. */
  values: string[] | undefined;
  /** Every reason that applies, priority order, never duplicate-phone (the plan decides that). */
  reasons: ExclusionReason[];
  /** Set when the user has a usable phone and every value: what the blackout looks up. */
  fingerprint: string | undefined;
  /** When WhatsApp reported what excludes the number (not on WhatsApp, or its marketing limit). */
  heardAt?: number;
}

/**
 * Everything that decides, for one user on their own, whether they get the message. The allow
 * list re-admits a contact the block list or the blackout would exclude, and nothing else:
 * consent, a usable number and a complete message are never waived.
 */
export function evaluateRecipient(user: AudienceUser, config: EligibilityConfig): Evaluation {
  const { contact, lists } = config;
  const phone = normalizePhone(phoneOf({ phone: user.phone, user_fields: user.userFields }, contact.phoneField), contact.defaultCountry);
  const e164 = isUsable(phone) ? phone.e164 : undefined;
  const values = resolveValues(user, config);
  const fingerprint =
    e164 !== undefined && values !== undefined ? messageFingerprint({ phone: e164, templateName: config.templateName, language: config.language, values }) : undefined;
  const allowed = lists.allowedUserIds.has(user.id) || (e164 !== undefined && lists.allowedPhones.has(e164));

  const reasons: ExclusionReason[] = [];
  if (user.suspended) reasons.push('suspended');
  if (phone.status === 'missing') reasons.push('no-phone');
  else if (phone.status === 'invalid') reasons.push('invalid-phone');
  // The number makes this message impossible (marketingReach.ts): no consent or list changes that.
  else if (marketingUndeliverable(config.channel, config.category, phone.country)) reasons.push('us-marketing');
  // WhatsApp's own later reports about the number (heard.ts): no list re-admits it either.
  const heard = config.heard ?? NOTHING_HEARD;
  const onWhatsApp = e164 !== undefined && config.channel === 'whatsapp';
  const notOnWhatsAppSince = onWhatsApp ? heard.notOnWhatsAppSince(e164) : undefined;
  if (notOnWhatsAppSince !== undefined) reasons.push('not-on-whatsapp');
  const consent: ConsentFacts = { tags: user.tags, user_fields: user.userFields };
  // Asked apart so that a user who opted out and never opted in shows both.
  if (contact.optOutTag && optInStatus(consent, contact.optInRule, contact.optOutTag) === 'opted-out') reasons.push('opted-out');
  if (optInStatus(consent, contact.optInRule) !== 'opted-in') reasons.push('no-opt-in');
  if (!allowed && (lists.blockedUserIds.has(user.id) || (e164 !== undefined && lists.blockedPhones.has(e164)))) reasons.push('blocked');
  const cappedAt = onWhatsApp && config.category?.toUpperCase() === 'MARKETING' ? heard.marketingLimitAt(e164) : undefined;
  if (cappedAt !== undefined) reasons.push('marketing-limit');
  if (values === undefined) reasons.push('empty-placeholder');
  else {
    if (values.some((value, index) => isValueTooLong(config.slots[index] as TemplateSlot, value))) reasons.push('value-too-long');
    // Zendesk would redact it from the conversation (cardNumbers.ts): the customer would read a
    // card number that nobody at the company can see they were sent.
    if (values.some(containsCardNumber)) reasons.push('card-number');
  }
  if (!allowed && fingerprint !== undefined && config.blackout.wasSent(fingerprint)) reasons.push('blackout');
  const heardAt = notOnWhatsAppSince ?? cappedAt;
  return heardAt === undefined ? { phone, values, reasons, fingerprint } : { phone, values, reasons, fingerprint, heardAt };
}

function resolveValues(user: AudienceUser, config: EligibilityConfig): string[] | undefined {
  const context: ResolveContext = { ticket: config.ticket, defaultCountry: config.contact.defaultCountry };
  const values: string[] = [];
  for (let index = 0; index < config.slots.length; index += 1) {
    const mapping = config.mappings[index];
    const value = mapping === undefined ? undefined : resolveValue(user, mapping, context);
    if (value === undefined) return undefined;
    values.push(value);
  }
  return values;
}

/** The custom user fields the contact rules read: the phone field unless it is `phone`, and a checkbox opt-in. */
export function contactFieldKeys(contact: ContactRules): string[] {
  const keys: string[] = [];
  if (contact.phoneField !== SYSTEM_PHONE_FIELD) keys.push(contact.phoneField);
  if (contact.optInRule.kind === 'field') keys.push(contact.optInRule.key);
  return keys;
}
