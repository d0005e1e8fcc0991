import { describe, expect, it } from 'vitest';
import { MARKETING_GROUP_ID, SUPPORT_GROUP_ID } from '../../emulator/zendesk/groups';
import { zendeskTestClient } from './zendesk.helpers';

/** The seeded groups and memberships, and the Groups / Group Memberships routes. */

describe('Zendesk groups', () => {
  const zd = zendeskTestClient({ endUsers: 20 });
  const endUserId = zd.emulator.zendesk.seedIds.firstEndUserId;

  it('seeds Support (the default group, with Alex and Jules) and Marketing (with Samira)', async () => {
    const reply = await zd.get('/api/v2/groups.json');
    expect(reply.status).toBe(200);
    expect(reply.body.groups.map((group: { id: number; name: string; default: boolean }) => [group.id, group.name, group.default])).toEqual([
      [SUPPORT_GROUP_ID, 'Support', true],
      [MARKETING_GROUP_ID, 'Marketing', false],
    ]);
    expect(reply.body).toMatchObject({ count: 2, next_page: null, previous_page: null });
    expect(reply.body.groups[0]).toMatchObject({ url: `${zd.origin}/api/v2/groups/${SUPPORT_GROUP_ID}.json`, deleted: false, is_public: true });

    const members = await zd.get('/api/v2/group_memberships');
    expect(members.body.group_memberships.map((membership: { user_id: number; group_id: number; default: boolean }) => [membership.user_id, membership.group_id, membership.default])).toEqual([
      [1, SUPPORT_GROUP_ID, true],
      [2, MARKETING_GROUP_ID, true],
      [3, SUPPORT_GROUP_ID, true],
    ]);
  });

  it("lists a user's memberships and groups, none for an end user, 404 for nobody", async () => {
    const samira = await zd.get('/api/v2/users/2/group_memberships.json', { as: 2 });
    expect(samira.status).toBe(200);
    expect(samira.body.group_memberships).toEqual([expect.objectContaining({ user_id: 2, group_id: MARKETING_GROUP_ID, default: true, url: expect.stringContaining('/api/v2/group_memberships/') })]);
    expect((await zd.get('/api/v2/users/3/groups')).body.groups.map((group: { name: string }) => group.name)).toEqual(['Support']);
    expect((await zd.get(`/api/v2/users/${endUserId}/group_memberships`)).body).toMatchObject({ group_memberships: [], count: 0 });
    expect((await zd.get('/api/v2/users/999999/group_memberships')).status).toBe(404);
  });

  it("shows a group and lists a group's memberships", async () => {
    expect((await zd.get(`/api/v2/groups/${MARKETING_GROUP_ID}`)).body.group).toMatchObject({ id: MARKETING_GROUP_ID, name: 'Marketing' });
    const support = await zd.get(`/api/v2/groups/${SUPPORT_GROUP_ID}/memberships.json`);
    expect(support.body.group_memberships.map((membership: { user_id: number }) => membership.user_id)).toEqual([1, 3]);
    expect((await zd.get('/api/v2/groups/42')).status).toBe(404);
    expect((await zd.get('/api/v2/groups/42/memberships')).status).toBe(404);
  });

  it("gives each agent's default group as default_group_id", async () => {
    for (const [id, groupId] of [[1, SUPPORT_GROUP_ID], [2, MARKETING_GROUP_ID], [3, SUPPORT_GROUP_ID]] as const) {
      expect((await zd.get(`/api/v2/users/${id}`)).body.user.default_group_id).toBe(groupId);
      expect(zd.emulator.zendesk.groups.defaultGroupIdOf(id)).toBe(groupId);
    }
    expect((await zd.get(`/api/v2/users/${endUserId}`)).body.user).not.toHaveProperty('default_group_id');
  });

  it('pages with offset or cursor pagination', async () => {
    const first = await zd.get('/api/v2/group_memberships?per_page=2');
    expect(first.body.group_memberships).toHaveLength(2);
    expect(first.body.next_page).toContain('page=2');
    expect((await zd.get(first.body.next_page)).body.group_memberships).toHaveLength(1);

    const cursor = await zd.get('/api/v2/groups?page[size]=1');
    expect(cursor.body.groups.map((group: { name: string }) => group.name)).toEqual(['Support']);
    expect(cursor.body.meta.has_more).toBe(true);
    expect((await zd.get(cursor.body.links.next)).body.groups.map((group: { name: string }) => group.name)).toEqual(['Marketing']);
  });

  it('refuses end users and callers without credentials, like every Support route', async () => {
    expect((await zd.get('/api/v2/groups', { as: endUserId })).status).toBe(403);
    expect((await zd.get('/api/v2/group_memberships', { as: null })).status).toBe(401);
  });
});
