import type { CountryCode } from 'libphonenumber-js/max';
import { normalizePhone, type PhoneCheck } from '../phone/normalizePhone';
import { optInStatus, type ConsentFacts, type OptInRule, type OptInStatus } from './optInRule';
import { phoneOf, type PhoneFacts } from './phoneSource';

export interface ContactRules {
  phoneField: string;
  defaultCountry: CountryCode | undefined;
  optInRule: OptInRule;
  optOutTag: string | undefined;
}

export interface ContactAssessment {
  phone: PhoneCheck;
  optIn: OptInStatus;
  suspended: boolean;
  /** Herald could message this person: a usable number, consent, and an active account. */
  reachable: boolean;
}

/** Whether a Zendesk user can receive proactive messages, and if not, why. */
export function assessContact(user: PhoneFacts & ConsentFacts & { suspended?: boolean | null }, rules: ContactRules): ContactAssessment {
  const phone = normalizePhone(phoneOf(user, rules.phoneField), rules.defaultCountry);
  const optIn = optInStatus(user, rules.optInRule, rules.optOutTag);
  const suspended = user.suspended === true;
  const usable = phone.status === 'valid' || phone.status === 'repaired';
  return { phone, optIn, suspended, reachable: usable && optIn === 'opted-in' && !suspended };
}
