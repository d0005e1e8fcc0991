import { isPlainObject } from '../json';
import { badRequest, forbidden, notFoundError, recordInvalid } from './apiErrors';
import { organizationJson } from './organizations';
import { json, readJsonBody, route, type Call, type Route } from './route';
import { isoSeconds } from './time';
import { coerceUserFieldValue, userFieldJson } from './userFields';
import { isAgentRole, userJson, type UserRecord } from './userRecord';

/** Users, their identities, the custom user fields and organizations. */
export function userRoutes(): Route[] {
  return [
    route('GET', '/api/v2/users/me', (call) => json({ user: userJson(call.actor, call.origin) })),
    route('GET', '/api/v2/users/show_many', showMany),
    route('GET', '/api/v2/users/{id:int}', (call) => json({ user: userJson(requireUser(call), call.origin) })),
    route('PUT', '/api/v2/users/{id:int}', updateUser),
    route('GET', '/api/v2/users/{id:int}/identities', identities),
    route('PUT', '/api/v2/users/{id:int}/tags', addTags),
    route('DELETE', '/api/v2/users/{id:int}/tags', removeTags),
    route('GET', '/api/v2/user_fields', (call) => {
      const fields = call.state.userFields.map((field) => userFieldJson(field, call.origin));
      return json({ user_fields: fields, next_page: null, previous_page: null, count: fields.length });
    }),
    // Show Many Organizations: up to 100 ids; unknown ids are simply absent from the answer.
    route('GET', '/api/v2/organizations/show_many', (call) => {
      const ids = (call.url.searchParams.get('ids') ?? '').split(',').filter((id) => id.trim() !== '');
      if (ids.length === 0 || ids.length > 100 || ids.some((id) => !/^\d+$/.test(id.trim()))) {
        throw badRequest('ids takes 1 to 100 comma-separated organization ids');
      }
      const wanted = new Set(ids.map((id) => Number(id.trim())));
      const organizations = call.state.organizations.filter((organization) => wanted.has(organization.id)).map((organization) => organizationJson(organization, call.origin));
      return json({ organizations, next_page: null, previous_page: null, count: organizations.length });
    }),
    route('GET', '/api/v2/organizations/{id:int}', (call) => {
      const organization = call.state.organizations.find((candidate) => candidate.id === Number(call.params.id));
      if (!organization) throw notFoundError();
      return json({ organization: organizationJson(organization, call.origin) });
    }),
  ];
}

function requireUser(call: Call): UserRecord {
  const user = call.state.users.get(Number(call.params.id));
  if (!user) throw notFoundError();
  return user;
}

const SHOW_MANY_LIMIT = 100;

function showMany(call: Call): Response {
  const ids = call.url.searchParams.get('ids');
  const externalIds = call.url.searchParams.get('external_ids');
  if (ids === null && externalIds === null) throw badRequest('Provide ids or external_ids');
  const wanted = (ids ?? externalIds ?? '').split(',').map((part) => part.trim()).filter(Boolean);
  if (wanted.length > SHOW_MANY_LIMIT) throw badRequest(`show_many accepts at most ${SHOW_MANY_LIMIT} ids, not ${wanted.length}`);
  let users: UserRecord[];
  if (ids !== null) {
    users = wanted.filter((id) => /^\d+$/.test(id)).flatMap((id) => call.state.users.get(Number(id)) ?? []);
  } else {
    const set = new Set(wanted);
    users = [];
    for (const user of call.state.users.all()) {
      if (user.externalId !== null && set.has(user.externalId)) users.push(user);
      if (users.length === set.size) break;
    }
  }
  return json({ users: users.map((user) => userJson(user, call.origin)), next_page: null, previous_page: null, count: users.length });
}

/**
 * Update User: `tags` replaces the tags, `user_fields` changes only the keys given (unknown keys
 * are ignored, as Zendesk does), `phone` sets the primary phone as typed. Agents may update end
 * users and themselves; admins anyone.
 */
async function updateUser(call: Call): Promise<Response> {
  const user = requireUser(call);
  if (call.actor.role !== 'admin' && isAgentRole(user.role) && user.id !== call.actor.id) throw forbidden();
  const body = await readJsonBody(call.request);
  const changes = body.user;
  if (!isPlainObject(changes)) throw badRequest('The body needs a user object');

  if (changes.name !== undefined) {
    if (typeof changes.name !== 'string' || changes.name.trim() === '') throw recordInvalid("Name: can't be blank", 'name');
    user.name = changes.name.trim();
  }
  if (changes.email !== undefined) {
    if (typeof changes.email !== 'string' || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(changes.email)) throw recordInvalid(`Email: ${String(changes.email)} is not properly formatted`, 'email');
    user.email = changes.email.trim();
  }
  if (changes.phone !== undefined) {
    if (changes.phone !== null && typeof changes.phone !== 'string') throw recordInvalid('Phone: must be text', 'phone');
    user.phone = changes.phone === null || changes.phone.trim() === '' ? null : changes.phone.trim();
  }
  if (changes.tags !== undefined) {
    if (!Array.isArray(changes.tags) || !changes.tags.every((tag) => typeof tag === 'string')) throw recordInvalid('Tags: must be a list of strings', 'tags');
    user.tags = normalizeTags(changes.tags as string[]);
  }
  if (changes.external_id !== undefined) {
    if (changes.external_id !== null && typeof changes.external_id !== 'string') throw recordInvalid('External ID: must be text', 'external_id');
    user.externalId = changes.external_id;
  }
  if (changes.organization_id !== undefined) {
    const organizationId = changes.organization_id;
    if (organizationId !== null && !call.state.organizations.some((organization) => organization.id === organizationId)) {
      throw recordInvalid(`Organization: ${String(organizationId)} does not exist`, 'organization_id');
    }
    user.organizationId = organizationId as number | null;
  }
  if (changes.user_fields !== undefined) {
    if (!isPlainObject(changes.user_fields)) throw recordInvalid('User fields: must be an object', 'user_fields');
    for (const [key, raw] of Object.entries(changes.user_fields)) {
      const field = call.state.userFields.find((candidate) => candidate.key === key);
      if (!field) continue;
      const coerced = coerceUserFieldValue(field, raw);
      if (!coerced.ok) throw recordInvalid(coerced.message, key);
      user.userFields[key] = coerced.value;
    }
  }
  user.updatedAt = call.now;
  call.state.users.save(user);
  return json({ user: userJson(user, call.origin) });
}

/**
 * Add Tags (`PUT /api/v2/users/{id}/tags`, the Tags API on users as on tickets): the tags given are
 * added, the user's other tags are kept; the answer lists them all. Who may update the user may
 * tag them.
 */
async function addTags(call: Call): Promise<Response> {
  const user = requireUser(call);
  if (call.actor.role !== 'admin' && isAgentRole(user.role) && user.id !== call.actor.id) throw forbidden();
  const body = await readJsonBody(call.request);
  const tags = body.tags;
  if (!Array.isArray(tags) || tags.length === 0 || !tags.every((tag) => typeof tag === 'string')) throw badRequest('tags must be a non-empty list of strings');
  user.tags = normalizeTags([...user.tags, ...(tags as string[])]);
  user.updatedAt = call.now;
  call.state.users.save(user);
  return json({ tags: [...user.tags] });
}

/**
 * Remove Tags (`DELETE /api/v2/users/{id}/tags` with `{"tags": [...]}`, the Tags API on users as
 * on tickets): the tags given are removed, the others kept; the spec answers 204 No Content.
 */
async function removeTags(call: Call): Promise<Response> {
  const user = requireUser(call);
  if (call.actor.role !== 'admin' && isAgentRole(user.role) && user.id !== call.actor.id) throw forbidden();
  const body = await readJsonBody(call.request);
  const tags = body.tags;
  if (!Array.isArray(tags) || tags.length === 0 || !tags.every((tag) => typeof tag === 'string')) throw badRequest('tags must be a non-empty list of strings');
  const removed = new Set(normalizeTags(tags as string[]));
  user.tags = user.tags.filter((tag) => !removed.has(tag));
  user.updatedAt = call.now;
  call.state.users.save(user);
  return new Response(null, { status: 204 });
}

/** Zendesk tags: lower case, one word each (spaces split a tag), no repeats. */
export function normalizeTags(tags: readonly string[]): string[] {
  const out: string[] = [];
  for (const tag of tags.flatMap((entry) => entry.trim().toLowerCase().split(/\s+/))) {
    if (tag && !out.includes(tag)) out.push(tag);
  }
  return out;
}

/** The email identity, and the phone number identity when the user has a phone. */
function identities(call: Call): Response {
  const user = requireUser(call);
  const at = isoSeconds(user.createdAt);
  const updated = isoSeconds(user.updatedAt);
  const list: Array<Record<string, unknown>> = [
    {
      url: `${call.origin}/api/v2/users/${user.id}/identities/${user.id * 10 + 1}.json`,
      id: user.id * 10 + 1,
      user_id: user.id,
      type: 'email',
      value: user.email,
      verified: user.verified,
      primary: true,
      created_at: at,
      updated_at: updated,
      undeliverable_count: 0,
      deliverable_state: 'deliverable',
      verification_method: user.verified ? 'full' : 'none',
      verified_at: user.verified ? at : null,
    },
  ];
  if (user.phone !== null) {
    list.push({
      url: `${call.origin}/api/v2/users/${user.id}/identities/${user.id * 10 + 2}.json`,
      id: user.id * 10 + 2,
      user_id: user.id,
      type: 'phone_number',
      value: user.phone,
      verified: false,
      primary: true,
      created_at: at,
      updated_at: updated,
      undeliverable_count: 0,
      deliverable_state: 'deliverable',
      verification_method: 'none',
      verified_at: null,
    });
  }
  return json({ identities: list, next_page: null, previous_page: null, count: list.length });
}
