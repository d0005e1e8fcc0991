import { describe, expect, it } from 'vitest';
import { checkAudienceQuery } from '../../../src/core/audience/audienceQuery';
import { assessContact, type ContactRules } from '../../../src/core/contact/assessContact';
import { ticketChannelOf } from '../../../src/core/contact/ticketChannel';

const rules: ContactRules = {
  phoneField: 'phone',
  defaultCountry: 'FR',
  optInRule: { kind: 'tag', tag: 'whatsapp_opt_in' },
  optOutTag: 'whatsapp_opt_out',
};

describe('assessContact', () => {
  it('finds a customer reachable with a usable number, consent and an active account', () => {
    expect(assessContact({ phone: '06 12 34 56 78', tags: ['whatsapp_opt_in'] }, rules)).toMatchObject({
      phone: { status: 'repaired', e164: '+33612345678' },
      optIn: 'opted-in',
      suspended: false,
      reachable: true,
    });
  });

  it('finds them unreachable for each missing condition', () => {
    expect(assessContact({ phone: null, tags: ['whatsapp_opt_in'] }, rules).reachable).toBe(false);
    expect(assessContact({ phone: '+33612345678', tags: [] }, rules).reachable).toBe(false);
    expect(assessContact({ phone: '+33612345678', tags: ['whatsapp_opt_in', 'whatsapp_opt_out'] }, rules).reachable).toBe(false);
    expect(assessContact({ phone: '+33612345678', tags: ['whatsapp_opt_in'], suspended: true }, rules).reachable).toBe(false);
  });

  it('reads the number from the custom field the admin chose', () => {
    const user = { phone: '+33612345678', user_fields: { mobile_phone: 'n/a' }, tags: ['whatsapp_opt_in'] };
    expect(assessContact(user, { ...rules, phoneField: 'mobile_phone' })).toMatchObject({ phone: { status: 'invalid' }, reachable: false });
  });
});

describe('ticketChannelOf', () => {
  it('recognises WhatsApp and SMS messaging tickets from their source', () => {
    expect(ticketChannelOf({ channel: 'native_messaging', source: { rel: 'whatsapp', from: {} } })).toBe('whatsapp');
    expect(ticketChannelOf({ channel: 'native_messaging', source: { rel: 'twilio' } })).toBe('sms');
    expect(ticketChannelOf({ channel: 'whatsapp' })).toBe('whatsapp');
    expect(ticketChannelOf({ channel: 'native_messaging', source: { rel: 'messenger' } })).toBe('other-messaging');
  });

  it('says other tickets are not messaging, whatever their text mentions', () => {
    expect(ticketChannelOf({ channel: 'email', source: { from: { address: 'whatsapp-fan@example.com' } } })).toBe('not-messaging');
    expect(ticketChannelOf({ channel: 'web' })).toBe('not-messaging');
    expect(ticketChannelOf(null)).toBe('not-messaging');
  });
});

describe('checkAudienceQuery', () => {
  it('tidies a query and accepts it', () => {
    expect(checkAudienceQuery('  tags:vip   created>2024-01-01 ')).toEqual({ ok: true, query: 'tags:vip created>2024-01-01' });
  });

  it('refuses an empty query and a type: term, but not the word inside a quoted value', () => {
    expect(checkAudienceQuery('   ')).toEqual({ ok: false, problem: 'empty' });
    expect(checkAudienceQuery('type:user tags:vip')).toEqual({ ok: false, problem: 'has-type' });
    expect(checkAudienceQuery('tags:vip -TYPE:organization')).toEqual({ ok: false, problem: 'has-type' });
    expect(checkAudienceQuery('name:"type: unknown"')).toEqual({ ok: true, query: 'name:"type: unknown"' });
    expect(checkAudienceQuery('blood_type:o')).toEqual({ ok: true, query: 'blood_type:o' });
  });
});
