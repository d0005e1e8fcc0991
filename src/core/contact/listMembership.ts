/**
 * Where one person stands on the block and allow lists, read the way the eligibility rules read
 * them (campaign/eligibility.ts): an entry names the user, their number, or both; a listed number
 * lists every user who has it; the allow list wins over the block list.
 */

export type ListKind = 'block' | 'allow';

/** The part of a list entry that says whom it names. */
export interface ListEntryIdentity {
  list: ListKind;
  userId: number | null;
  /** E.164. */
  phone: string | null;
}

export interface ListedPerson {
  userId: number;
  /** Their usable number in E.164, when they have one. */
  phone: string | undefined;
}

/** How a person is on one list: which entries name them. */
export interface ListMembership {
  /** An entry names this user (by user id, with or without a number). */
  byUser: boolean;
  /** An entry names their number and no user. */
  byPhone: boolean;
  /** An entry names another user and also their number: it lists them too. */
  byOtherUsersEntry: boolean;
}

/**
 * What the lists do to this person's campaigns: left out (blocked), re-admitted despite a block or
 * the blackout days (allowed, whether or not they are also blocked), or neither.
 */
export type ListStanding = 'blocked' | 'allowed' | 'none';

export function isListed(membership: ListMembership): boolean {
  return membership.byUser || membership.byPhone || membership.byOtherUsersEntry;
}

/**
 * Whether removing this person's own entries takes them off the list. Not when another user's
 * entry lists them through a shared number: removing it would change that other user too, which a
 * change made for this person must not do.
 */
export function canUnlist(membership: ListMembership): boolean {
  return !membership.byOtherUsersEntry;
}

/** Whether an entry is this person's own: it names them, or only their number. */
function isOwnEntry(entry: ListEntryIdentity, person: ListedPerson): boolean {
  return entry.userId === person.userId || (entry.userId === null && person.phone !== undefined && entry.phone === person.phone);
}

export function listMembership(entries: readonly ListEntryIdentity[], list: ListKind, person: ListedPerson): ListMembership {
  const membership: ListMembership = { byUser: false, byPhone: false, byOtherUsersEntry: false };
  for (const entry of entries) {
    if (entry.list !== list) continue;
    if (entry.userId === person.userId) membership.byUser = true;
    else if (person.phone !== undefined && entry.phone === person.phone) {
      if (entry.userId === null) membership.byPhone = true;
      else membership.byOtherUsersEntry = true;
    }
  }
  return membership;
}

export function listStanding(listed: { blocked: boolean; allowed: boolean }): ListStanding {
  if (listed.allowed) return 'allowed';
  return listed.blocked ? 'blocked' : 'none';
}

/** The entries to remove to take this person off a list: their own (see canUnlist for the others). */
export function entriesToUnlist<E extends ListEntryIdentity>(entries: readonly E[], list: ListKind, person: ListedPerson): E[] {
  return entries.filter((entry) => entry.list === list && isOwnEntry(entry, person));
}

/**
 * The entry that puts this person on a list: by user id only, so that it never reaches the other
 * users who may share their number (a number's entry would list them all).
 */
export function entryToList(list: ListKind, person: ListedPerson): ListEntryIdentity {
  return { list, userId: person.userId, phone: null };
}
