/**
 * Who may prepare campaigns and who may launch them (two settings, the same syntax). A rule is a
 * list, separated by commas or new lines, of:
 *
 * - `admin`: Zendesk admins;
 * - `agent`: every agent (admins included: in Zendesk an admin is an agent too);
 * - `group:<name or id>`: members of a Zendesk group;
 * - `user:<id or email>`: one person.
 *
 * Whoever any entry names is allowed. Zendesk's own restrictions of the installation (roles and
 * groups that see the app at all) still apply before this: Herald can only narrow them.
 */

export type PermissionEntry =
  | { kind: 'admin' }
  | { kind: 'agent' }
  | { kind: 'group'; group: string }
  | { kind: 'user'; user: string };

export interface PermissionRule {
  entries: PermissionEntry[];
}

export interface PermissionUser {
  id: number;
  email?: string | null;
  /** Zendesk's role: `admin`, `agent`, `end-user`, or a custom role's name. */
  role?: string | null;
  groups: ReadonlyArray<{ id: number; name: string }>;
}

export const DEFAULT_DRAFTERS = 'agent';
export const DEFAULT_SENDERS = 'admin';

/** Reads a rule; undefined when an entry is not one of the forms above (the setting is then refused). */
export function parsePermissionRule(text: string): PermissionRule | undefined {
  const entries: PermissionEntry[] = [];
  for (const item of items(text)) {
    const entry = entryOf(item);
    if (!entry) return undefined;
    entries.push(entry);
  }
  return entries.length > 0 ? { entries } : undefined;
}

/** The first entry of the text that is none of the forms above, as typed: what to tell the admin. */
export function badPermissionEntry(text: string): string | undefined {
  return items(text).find((item) => entryOf(item) === undefined);
}

/** The user ids a rule names (`user:<id>`), as typed: each must be a person who can use the app. */
export function namedUserIds(rule: PermissionRule): number[] {
  return rule.entries.flatMap((entry) => (entry.kind === 'user' && /^\d+$/.test(entry.user) ? [Number(entry.user)] : []));
}

/** The groups a rule names that are not among the account's (by id or by name, as `isAllowed` matches them). */
export function unknownGroups(rule: PermissionRule, groups: ReadonlyArray<{ id: number; name: string }>): string[] {
  return rule.entries.flatMap((entry) => {
    if (entry.kind !== 'group') return [];
    const wanted = entry.group.toLowerCase();
    return groups.some((group) => String(group.id) === wanted || group.name.toLowerCase() === wanted) ? [] : [entry.group];
  });
}

function items(text: string): string[] {
  return text
    .split(/[,\n]/)
    .map((raw) => raw.trim())
    .filter((item) => item !== '');
}

function entryOf(item: string): PermissionEntry | undefined {
  const lower = item.toLowerCase();
  if (lower === 'admin' || lower === 'admins') return { kind: 'admin' };
  if (lower === 'agent' || lower === 'agents') return { kind: 'agent' };
  const match = /^(group|user)\s*:\s*(.+)$/i.exec(item);
  if (!match) return undefined;
  const [, kind, value] = match as unknown as [string, string, string];
  return kind.toLowerCase() === 'group' ? { kind: 'group', group: value.trim() } : { kind: 'user', user: value.trim() };
}

/** Whether the rule lets this user in. */
export function isAllowed(rule: PermissionRule, user: PermissionUser): boolean {
  const role = (user.role ?? '').toLowerCase();
  const isAgent = role !== '' && role !== 'end-user';
  return rule.entries.some((entry) => {
    switch (entry.kind) {
      case 'admin':
        return role === 'admin';
      case 'agent':
        return isAgent;
      case 'group': {
        const wanted = entry.group.toLowerCase();
        return isAgent && user.groups.some((group) => String(group.id) === wanted || group.name.toLowerCase() === wanted);
      }
      case 'user':
        return String(user.id) === entry.user || (user.email ?? '').toLowerCase() === entry.user.toLowerCase();
    }
  });
}

export interface CampaignPermissions {
  /** May prepare, save and test drafts. */
  draft: boolean;
  /** May launch, schedule, pause, resume and cancel. */
  send: boolean;
}

/** What this user may do. Whoever may send may also draft. */
export function campaignPermissions(rules: { drafters: PermissionRule; senders: PermissionRule }, user: PermissionUser): CampaignPermissions {
  const send = isAllowed(rules.senders, user);
  return { send, draft: send || isAllowed(rules.drafters, user) };
}
