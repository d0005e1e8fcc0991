import { describe, expect, it } from 'vitest';
import { formatOptInRule, optInStatus, parseOptInRule } from '../../../src/core/contact/optInRule';
import { phoneOf } from '../../../src/core/contact/phoneSource';

describe('parseOptInRule', () => {
  it('reads a tag rule and a checkbox field rule', () => {
    expect(parseOptInRule('tag:WhatsApp_Opt_In')).toEqual({ kind: 'tag', tag: 'whatsapp_opt_in' });
    expect(parseOptInRule(' field : marketing_consent ')).toEqual({ kind: 'field', key: 'marketing_consent' });
  });

  it('refuses anything else', () => {
    expect(parseOptInRule('whatsapp_opt_in')).toBeUndefined();
    expect(parseOptInRule('tag:')).toBeUndefined();
    expect(parseOptInRule('group:vip')).toBeUndefined();
    expect(parseOptInRule('tag:two words')).toBeUndefined();
  });

  it('formats back to the text an admin types', () => {
    expect(formatOptInRule({ kind: 'tag', tag: 'optin' })).toBe('tag:optin');
    expect(formatOptInRule({ kind: 'field', key: 'consent' })).toBe('field:consent');
  });
});

describe('optInStatus', () => {
  const tagRule = { kind: 'tag', tag: 'whatsapp_opt_in' } as const;
  const fieldRule = { kind: 'field', key: 'marketing_consent' } as const;

  it('follows the tag rule', () => {
    expect(optInStatus({ tags: ['vip', 'whatsapp_opt_in'] }, tagRule)).toBe('opted-in');
    expect(optInStatus({ tags: ['vip'] }, tagRule)).toBe('no-consent');
    expect(optInStatus({ tags: null }, tagRule)).toBe('no-consent');
  });

  it('follows the checkbox field rule', () => {
    expect(optInStatus({ user_fields: { marketing_consent: true } }, fieldRule)).toBe('opted-in');
    expect(optInStatus({ user_fields: { marketing_consent: false } }, fieldRule)).toBe('no-consent');
    expect(optInStatus({}, fieldRule)).toBe('no-consent');
  });

  it('lets the opt-out tag win over consent', () => {
    expect(optInStatus({ tags: ['whatsapp_opt_in', 'whatsapp_opt_out'] }, tagRule, 'whatsapp_opt_out')).toBe('opted-out');
    expect(optInStatus({ tags: ['WHATSAPP_OPT_OUT'], user_fields: { marketing_consent: true } }, fieldRule, 'whatsapp_opt_out')).toBe('opted-out');
  });
});

describe('phoneOf', () => {
  it('reads the phone attribute or the chosen custom field', () => {
    const user = { phone: '+33612345678', user_fields: { mobile_phone: '+33799999999', empty: '  ' } };
    expect(phoneOf(user, 'phone')).toBe('+33612345678');
    expect(phoneOf(user, 'mobile_phone')).toBe('+33799999999');
    expect(phoneOf(user, 'empty')).toBeUndefined();
    expect(phoneOf(user, 'unknown')).toBeUndefined();
    expect(phoneOf({ phone: null }, 'phone')).toBeUndefined();
  });
});
