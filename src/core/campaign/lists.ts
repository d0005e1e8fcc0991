/**
 * The block and allow lists as the eligibility rules read them. An entry names a user, a phone
 * number (E.164), or both; a blocked number blocks every user who has it.
 */
export interface ContactLists {
  blockedUserIds: ReadonlySet<number>;
  blockedPhones: ReadonlySet<string>;
  allowedUserIds: ReadonlySet<number>;
  allowedPhones: ReadonlySet<string>;
}

export const EMPTY_LISTS: ContactLists = {
  blockedUserIds: new Set(),
  blockedPhones: new Set(),
  allowedUserIds: new Set(),
  allowedPhones: new Set(),
};

/** One entry of either list, as stored: a user, a number, or both. */
export interface ListEntryFacts {
  list: 'block' | 'allow';
  userId: number | null;
  phone: string | null;
}

/** The lists as the eligibility rules read them; an entry with both a user and a phone counts for both. */
export function toContactLists(entries: readonly ListEntryFacts[]): ContactLists {
  const lists = { blockedUserIds: new Set<number>(), blockedPhones: new Set<string>(), allowedUserIds: new Set<number>(), allowedPhones: new Set<string>() };
  for (const entry of entries) {
    const [userIds, phones] = entry.list === 'block' ? [lists.blockedUserIds, lists.blockedPhones] : [lists.allowedUserIds, lists.allowedPhones];
    if (entry.userId !== null) userIds.add(entry.userId);
    if (entry.phone !== null) phones.add(entry.phone);
  }
  return lists;
}

/** Who received exactly the same message within the blackout days: looked up by fingerprint. */
export interface BlackoutIndex {
  wasSent(fingerprint: string): boolean;
}

export const NO_BLACKOUT: BlackoutIndex = { wasSent: () => false };
