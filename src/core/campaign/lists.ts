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

/** Who received exactly the same message within the blackout days: looked up by fingerprint. */
export interface BlackoutIndex {
  wasSent(fingerprint: string): boolean;
}

export const NO_BLACKOUT: BlackoutIndex = { wasSent: () => false };
