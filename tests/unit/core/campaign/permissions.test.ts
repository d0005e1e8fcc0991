import { describe, expect, it } from 'vitest';
import { badPermissionEntry, campaignPermissions, isAllowed, parsePermissionRule, unknownGroups, type PermissionRule, type PermissionUser } from '../../../../src/core/campaign/permissions';

const rule = (text: string): PermissionRule => {
  const parsed = parsePermissionRule(text);
  if (!parsed) throw new Error(`not a rule: ${text}`);
  return parsed;
};

const alex: PermissionUser = { id: 1, email: 'alex@herald.example', role: 'admin', groups: [{ id: 10, name: 'Support' }] };
const samira: PermissionUser = { id: 2, email: 'samira@herald.example', role: 'agent', groups: [{ id: 11, name: 'Marketing' }] };
const jules: PermissionUser = { id: 3, email: 'jules@herald.example', role: 'agent', groups: [{ id: 10, name: 'Support' }] };
const customer: PermissionUser = { id: 900, email: 'ana@example.com', role: 'end-user', groups: [] };

describe('parsePermissionRule', () => {
  it('reads roles, groups by name or id, and people by id or email, separated by commas or lines', () => {
    expect(parsePermissionRule('admin, group:Marketing\nuser:samira@herald.example, group: 11 ,agents')?.entries).toEqual([
      { kind: 'admin' },
      { kind: 'group', group: 'Marketing' },
      { kind: 'user', user: 'samira@herald.example' },
      { kind: 'group', group: '11' },
      { kind: 'agent' },
    ]);
  });

  it('refuses what it cannot read, and an empty rule', () => {
    expect(parsePermissionRule('admin, marketing team')).toBeUndefined();
    expect(parsePermissionRule('role:7')).toBeUndefined();
    expect(parsePermissionRule(' , ')).toBeUndefined();
  });

  it('names the entry it cannot read, as typed', () => {
    expect(badPermissionEntry('group:Marketting, bogus, user:3')).toBe('bogus');
    expect(badPermissionEntry('admin,\n  role:7 ')).toBe('role:7');
    expect(badPermissionEntry('admin, group:Support')).toBeUndefined();
  });
});

describe('unknownGroups', () => {
  const groups = [
    { id: 10, name: 'Support' },
    { id: 11, name: 'Marketing' },
  ];
  it('names the groups of a rule the account does not have, matched by id or name as isAllowed matches them', () => {
    expect(unknownGroups(rule('admin, group:marketing, group:10'), groups)).toEqual([]);
    expect(unknownGroups(rule('group:Marketting, group:12, group:Support'), groups)).toEqual(['Marketting', '12']);
  });
});

describe('isAllowed', () => {
  it('lets in admins, agents (admins included), group members and named people, never end users', () => {
    expect([alex, samira, jules, customer].map((user) => isAllowed(rule('admin'), user))).toEqual([true, false, false, false]);
    expect([alex, samira, jules, customer].map((user) => isAllowed(rule('agent'), user))).toEqual([true, true, true, false]);
    expect([alex, samira, jules].map((user) => isAllowed(rule('group:marketing'), user))).toEqual([false, true, false]);
    expect([alex, samira, jules].map((user) => isAllowed(rule('group:10'), user))).toEqual([true, false, true]);
    expect([alex, samira, jules].map((user) => isAllowed(rule('user:3'), user))).toEqual([false, false, true]);
    expect(isAllowed(rule('user:SAMIRA@herald.example'), samira)).toBe(true);
    // A customer in a group of that name is still not an agent.
    expect(isAllowed(rule('group:Marketing'), { ...customer, groups: [{ id: 11, name: 'Marketing' }] })).toBe(false);
  });
});

describe('campaignPermissions', () => {
  it('keeps drafting and launching apart; whoever may launch may draft', () => {
    const rules = { drafters: rule('group:Marketing'), senders: rule('admin') };
    expect(campaignPermissions(rules, alex)).toEqual({ draft: true, send: true });
    expect(campaignPermissions(rules, samira)).toEqual({ draft: true, send: false });
    expect(campaignPermissions(rules, jules)).toEqual({ draft: false, send: false });
  });
});
