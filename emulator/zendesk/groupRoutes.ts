import { badRequest, notFoundError } from './apiErrors';
import { groupJson, groupMembershipJson } from './groups';
import { cursorEnvelope, cursorPage, parseCursorParams, parseOffsetParams, pageLink } from './pagination';
import { json, route, type Call, type Route } from './route';

/**
 * Groups and group memberships, read-only (List Groups, Show Group, List Memberships), agents and
 * admins alike. The spec documents the user's and the group's lists as `user_id` / `group_id`
 * parameters of `/api/v2/groups` and `/api/v2/group_memberships`: they are served at
 * `/api/v2/users/{user_id}/groups`, `/api/v2/users/{user_id}/group_memberships` and
 * `/api/v2/groups/{group_id}/memberships`. Lists take offset pagination, or cursor pagination
 * when a `page[…]` parameter is given, 100 records a page at most.
 */
export function groupRoutes(): Route[] {
  return [
    route('GET', '/api/v2/groups', (call) => listGroups(call)),
    route('GET', '/api/v2/users/{user_id:int}/groups', (call) => listGroups(call, requireUserId(call))),
    route('GET', '/api/v2/groups/{group_id:int}', (call) => {
      const group = call.state.groups.get(Number(call.params.group_id));
      if (!group) throw notFoundError();
      return json({ group: groupJson(group, call.origin) });
    }),
    route('GET', '/api/v2/group_memberships', (call) => listMemberships(call, {})),
    route('GET', '/api/v2/users/{user_id:int}/group_memberships', (call) => listMemberships(call, { userId: requireUserId(call) })),
    route('GET', '/api/v2/groups/{group_id:int}/memberships', (call) => {
      const groupId = Number(call.params.group_id);
      if (!call.state.groups.get(groupId)) throw notFoundError();
      return listMemberships(call, { groupId });
    }),
  ];
}

function requireUserId(call: Call): number {
  const userId = Number(call.params.user_id);
  if (!call.state.users.get(userId)) throw notFoundError();
  return userId;
}

function listGroups(call: Call, userId?: number): Response {
  const excludeDeleted = call.url.searchParams.get('exclude_deleted');
  if (excludeDeleted !== null && excludeDeleted !== 'true' && excludeDeleted !== 'false') throw badRequest('exclude_deleted must be true or false');
  const groups = userId === undefined ? call.state.groups.list({ includeDeleted: excludeDeleted !== 'true' }) : call.state.groups.groupsOf(userId);
  return paginated(call, 'groups', groups.map((group) => ({ id: group.id, json: groupJson(group, call.origin) })));
}

function listMemberships(call: Call, filter: { userId?: number; groupId?: number }): Response {
  const memberships = call.state.groups.memberships(filter);
  return paginated(call, 'group_memberships', memberships.map((membership) => ({ id: membership.id, json: groupMembershipJson(membership, call.origin) })));
}

function paginated(call: Call, key: string, items: Array<{ id: number; json: Record<string, unknown> }>): Response {
  if (['page[size]', 'page[after]', 'page[before]'].some((name) => call.url.searchParams.has(name))) {
    const page = cursorPage(items, (item) => [item.id], ['asc'], parseCursorParams(call.url, { defaultSize: 100, maxSize: 100 }));
    return json({ [key]: page.items.map((item) => item.json), ...cursorEnvelope(call.url, page) });
  }
  const { page, perPage } = parseOffsetParams(call.url, { defaultPerPage: 100, maxPerPage: 100 });
  const slice = items.slice((page - 1) * perPage, page * perPage);
  return json({
    [key]: slice.map((item) => item.json),
    next_page: page * perPage < items.length ? pageLink(call.url, { page: String(page + 1) }) : null,
    previous_page: page > 1 ? pageLink(call.url, { page: String(page - 1) }) : null,
    count: items.length,
  });
}
