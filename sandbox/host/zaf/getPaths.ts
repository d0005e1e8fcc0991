import type { RestGroup, RestUser } from '../../zendeskTypes';
import { loadComments, loadCurrentUser, loadIdentities, loadTicket, loadUserGroups, UserCache } from '../zendeskData';
import { toZafAccount, toZafComment, toZafTicket, toZafUser, type ZafTicket, type ZafUser } from './shapes';
import type { ZafContext, ZafError } from './messages';

/**
 * `client.get()`: the data paths the sandbox answers, built from the emulated Support API.
 * A path is a root object (`ticket`) or a property path inside it (`ticket.requester.email`).
 */

export interface GetScope {
  context: ZafContext;
  /** The language chosen in the workspace, reported as `currentUser.locale`. */
  locale: string;
  /** Contexts of the live app instances, for `instances` and `instances.<guid>`. */
  instances(): Record<string, ZafContext>;
}

interface RootPath {
  name: string;
  /** Locations where the root exists (a ticket only in the ticket sidebar); everywhere when absent. */
  locations?: string[];
  load(scope: GetScope, users: UserCache): Promise<unknown>;
}

const ROOTS: RootPath[] = [
  {
    name: 'currentUser',
    load: async (scope) => {
      const user = await loadCurrentUser();
      const [identities, groups] = await Promise.all([loadIdentities(user.id).catch(() => []), groupsOf(user)]);
      return { ...toZafUser(user, identities, groups), locale: scope.locale };
    },
  },
  { name: 'currentAccount', load: async (scope) => toZafAccount(scope.context.account.subdomain) },
  {
    name: 'ticket',
    locations: ['ticket_sidebar'],
    load: (scope, users) => loadZafTicket(requiredId(scope.context.ticketId, 'ticket'), users),
  },
  {
    name: 'user',
    locations: ['user_sidebar'],
    load: (scope, users) => loadZafUser(requiredId(scope.context.userId, 'user'), users),
  },
  { name: 'instances', load: async (scope) => scope.instances() },
  { name: 'viewport.size', load: async () => ({ width: window.innerWidth, height: window.innerHeight }) },
];

export interface GetResult {
  [path: string]: unknown;
  errors: Record<string, ZafError>;
}

export async function resolveGet(paths: string[], scope: GetScope): Promise<GetResult> {
  const users = new UserCache();
  const roots = new Map<string, Promise<unknown>>();
  const result: GetResult = { errors: {} };
  await Promise.all(
    paths.map(async (path) => {
      try {
        const root = rootFor(path, scope.context.location);
        let value = roots.get(root.name);
        if (!value) {
          value = root.load(scope, users);
          roots.set(root.name, value);
        }
        const rest = path === root.name ? [] : path.slice(root.name.length + 1).split('.');
        result[path] = walk(await value, rest, path);
      } catch (error) {
        result.errors[path] = toZafError(error);
      }
    }),
  );
  return result;
}

class PathError extends Error {
  constructor(path: string) {
    super(`Could not find handler for "${path}"`);
    this.name = 'PathError';
  }
}

function rootFor(path: string, location: string): RootPath {
  const candidates = ROOTS.filter((root) => path === root.name || path.startsWith(root.name + '.'));
  const root = candidates.sort((a, b) => b.name.length - a.name.length)[0];
  if (!root || (root.locations && !root.locations.includes(location))) throw new PathError(path);
  return root;
}

/** Follows `segments` into `value`; `customField:<key>` reads a ticket custom field or a user field. */
function walk(value: unknown, segments: string[], path: string): unknown {
  let current = value;
  for (const segment of segments) {
    const customField = /^customField:(.+)$/.exec(segment);
    if (customField && isRecord(current)) {
      const fields = isRecord(current.customFields) ? current.customFields : isRecord(current.userFields) ? current.userFields : undefined;
      const key = customField[1] ?? '';
      if (!fields || !(key in fields)) throw new PathError(path);
      current = fields[key];
      continue;
    }
    if (Array.isArray(current) && /^\d+$/.test(segment)) {
      current = current[Number(segment)];
      continue;
    }
    if (!isRecord(current) || !(segment in current)) throw new PathError(path);
    current = current[segment];
  }
  return current;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function requiredId(id: number | undefined, what: string): number {
  if (id === undefined) throw new Error(`This instance has no ${what}`);
  return id;
}

export async function loadZafUser(id: number, users: UserCache): Promise<ZafUser> {
  const [user, identities] = await Promise.all([users.get(id), loadIdentities(id).catch(() => [])]);
  if (!user) throw new Error(`User ${id} could not be loaded`);
  return toZafUser(user, identities, await groupsOf(user));
}

/** An agent's groups, as ZAF lists them on the user; end users belong to none (and cost no request). */
function groupsOf(user: RestUser): Promise<RestGroup[]> {
  if (user.role !== 'agent' && user.role !== 'admin') return Promise.resolve([]);
  return loadUserGroups(user.id).catch(() => []);
}

export async function loadZafTicket(id: number, users: UserCache): Promise<ZafTicket> {
  const [ticket, restComments] = await Promise.all([loadTicket(id), loadComments(id).catch(() => [])]);
  const [requester, assignee, comments] = await Promise.all([
    ticket.requester_id ? loadZafUser(ticket.requester_id, users).catch(() => undefined) : undefined,
    ticket.assignee_id ? loadZafUser(ticket.assignee_id, users).catch(() => undefined) : undefined,
    Promise.all(restComments.map(async (comment) => toZafComment(comment, comment.author_id ? await users.get(comment.author_id) : undefined))),
  ]);
  return toZafTicket({ ticket, requester, assignee, comments });
}

export function toZafError(error: unknown): ZafError {
  if (error instanceof Error) return { message: error.message, name: error.name };
  return { message: String(error), name: 'Error' };
}
