import { describe, expect, it } from 'vitest';
import { hashForRouteTo, parseRoute } from '../../sandbox/host/router';
import { cssLength, runInvokes } from '../../sandbox/host/zaf/invokes';
import { parseSdkMessage } from '../../sandbox/host/zaf/messages';
import { toZafTicket, toZafTimeZone, toZafUser } from '../../sandbox/host/zaf/shapes';

/** The host page's pure pieces: SDK message parsing, invokes, ZAF shapes and routes. */

describe('SDK messages', () => {
  it('parses numbered calls and keyed events, from JSON strings or objects', () => {
    expect(parseSdkMessage('{"id":3,"request":"get","params":["currentUser"],"appGuid":"g","instanceGuid":"g"}')).toEqual({
      kind: 'call',
      id: 3,
      request: 'get',
      params: ['currentUser'],
      instanceGuid: 'g',
    });
    expect(parseSdkMessage({ key: 'iframe.reply:ticket.save', appGuid: 'g', error: { msg: 'No' } })).toMatchObject({
      kind: 'event',
      key: 'iframe.reply:ticket.save',
      error: { msg: 'No' },
    });
    expect(parseSdkMessage('not json')).toBeUndefined();
    expect(parseSdkMessage({ something: 'else' })).toBeUndefined();
  });
});

describe('invokes', () => {
  it('answers every action, with an error for the unknown ones', async () => {
    const result = await runInvokes({ track: [{ type: 'click' }], teleport: [] }, { track: () => undefined });
    expect(result).toEqual({ track: undefined, errors: { teleport: expect.objectContaining({ message: expect.stringContaining('teleport') }) } });
  });

  it('reads ZAF sizes as CSS lengths', () => {
    expect(cssLength(450)).toBe('450px');
    expect(cssLength('450')).toBe('450px');
    expect(cssLength('450px')).toBe('450px');
    expect(cssLength('100%')).toBe('100%');
    expect(() => cssLength('calc(1px)')).toThrow(/Invalid size/);
  });
});

describe('ZAF shapes', () => {
  it('turns a Support API user into a ZAF user', () => {
    const user = toZafUser(
      { id: 7, name: 'Clarice Roux', email: 'c@example.com', phone: '+33612345678', role: 'end-user', locale: 'fr', iana_time_zone: 'Europe/Paris', time_zone: 'Paris', tags: ['vip'], user_fields: { whatsapp_opt_in: true } },
      [{ id: 1, type: 'phone_number', value: '+33612345678', verified: true, primary: true }],
    );
    expect(user).toMatchObject({
      id: 7,
      phone: '+33612345678',
      tags: ['vip'],
      userFields: { whatsapp_opt_in: true },
      identities: [{ type: 'phone_number', value: '+33612345678', primary: true }],
      timeZone: { name: 'Paris', ianaName: 'Europe/Paris' },
    });
    expect(user.groups).toEqual([]);
  });

  it("gives an agent's groups as ZAF group objects ({ id, name }), leaving deleted groups out", () => {
    const agent = toZafUser({ id: 2, name: 'Samira Haddad', role: 'agent' }, [], [
      { id: 360000400002, name: 'Marketing', description: 'Campaigns', default: false, deleted: false },
      { id: 360000400009, name: 'Old team', deleted: true },
    ]);
    expect(agent.groups).toEqual([{ id: 360000400002, name: 'Marketing' }]);
  });

  it('computes time zone offsets', () => {
    expect(toZafTimeZone('Europe/Paris', 'Paris', new Date(Date.UTC(2026, 0, 15)))).toEqual({
      name: 'Paris',
      ianaName: 'Europe/Paris',
      offset: 60,
      formattedOffset: 'GMT+01:00',
    });
    expect(toZafTimeZone('UTC', null).offset).toBe(0);
  });

  it('builds a ZAF ticket with camelCase fields and custom fields by key', () => {
    const ticket = toZafTicket({
      ticket: { id: 101, subject: 'Hi', status: 'open', tags: ['whatsapp'], via: { channel: 'native_messaging' }, custom_fields: [{ id: 42, value: 'x' }] },
      comments: [],
    });
    expect(ticket).toMatchObject({ id: 101, subject: 'Hi', status: 'open', via: { channel: 'native_messaging' }, customFields: { custom_field_42: 'x' } });
  });
});

describe('routes', () => {
  it('parses the workspace hash routes', () => {
    expect(parseRoute('#/apps/herald')).toEqual({ name: 'navBarApp' });
    expect(parseRoute('#/tickets/101')).toEqual({ name: 'ticket', id: 101 });
    expect(parseRoute('#/users/4')).toEqual({ name: 'user', id: 4 });
    expect(parseRoute('')).toEqual({ name: 'tickets' });
    expect(parseRoute('#/nowhere')).toEqual({ name: 'notFound', hash: '#/nowhere' });
  });

  it('maps routeTo arguments to routes', () => {
    expect(hashForRouteTo(['ticket', 102])).toBe('#/tickets/102');
    expect(hashForRouteTo(['user', '5'])).toBe('#/users/5');
    expect(hashForRouteTo(['nav_bar', 'herald'])).toBe('#/apps/herald');
    expect(() => hashForRouteTo(['ticket', 'new'])).toThrow();
  });
});
