import { DEFAULT_GROUP_ID } from './tickets';
import { DAY, isoSeconds } from './time';

/**
 * The account's agent groups and who belongs to them (Groups and Group Memberships APIs). Herald's
 * campaign permissions name groups (`group:Marketing`), so the seed has two: Alex Martin (admin)
 * and Jules Bernard in Support, the account's default group that the seeded tickets are in, and
 * Samira Haddad in Marketing.
 */

export interface GroupRecord {
  id: number;
  name: string;
  description: string;
  isPublic: boolean;
  /** The account's default group. */
  isDefault: boolean;
  deleted: boolean;
  createdAt: number;
  updatedAt: number;
}

export interface GroupMembershipRecord {
  id: number;
  userId: number;
  groupId: number;
  /** The agent's default group: tickets assigned to the agent directly go to it. */
  isDefault: boolean;
  createdAt: number;
  updatedAt: number;
}

export const SUPPORT_GROUP_ID = DEFAULT_GROUP_ID;
export const MARKETING_GROUP_ID = 360000400002;

const SEEDED_GROUPS: ReadonlyArray<Omit<GroupRecord, 'createdAt' | 'updatedAt'> & { ageDays: number }> = [
  { id: SUPPORT_GROUP_ID, name: 'Support', description: 'Customer support, every channel', isPublic: true, isDefault: true, deleted: false, ageDays: 1300 },
  { id: MARKETING_GROUP_ID, name: 'Marketing', description: 'Campaigns and announcements', isPublic: true, isDefault: false, deleted: false, ageDays: 900 },
];

/** Agent id → their groups, the first being their default group. */
const SEEDED_MEMBERSHIPS: ReadonlyArray<{ userId: number; groupIds: number[] }> = [
  { userId: 1, groupIds: [SUPPORT_GROUP_ID] },
  { userId: 2, groupIds: [MARKETING_GROUP_ID] },
  { userId: 3, groupIds: [SUPPORT_GROUP_ID] },
];

const FIRST_MEMBERSHIP_ID = 360000410001;

export class GroupStore {
  constructor(
    private readonly groups: GroupRecord[],
    private readonly membershipRecords: GroupMembershipRecord[],
  ) {}

  /** Groups by ascending id; deleted ones only when asked. */
  list(options: { includeDeleted?: boolean } = {}): GroupRecord[] {
    return this.groups.filter((group) => options.includeDeleted || !group.deleted).sort((a, b) => a.id - b.id);
  }

  get(id: number): GroupRecord | undefined {
    return this.groups.find((group) => group.id === id);
  }

  /** Memberships by ascending id, optionally of one user or one group. */
  memberships(filter: { userId?: number; groupId?: number } = {}): GroupMembershipRecord[] {
    return this.membershipRecords
      .filter((membership) => (filter.userId === undefined || membership.userId === filter.userId) && (filter.groupId === undefined || membership.groupId === filter.groupId))
      .sort((a, b) => a.id - b.id);
  }

  /** The (non-deleted) groups a user belongs to, by ascending group id. */
  groupsOf(userId: number): GroupRecord[] {
    const ids = new Set(this.memberships({ userId }).map((membership) => membership.groupId));
    return this.list().filter((group) => ids.has(group.id));
  }

  /** The user's default group, or null for an end user or an agent in no group. */
  defaultGroupIdOf(userId: number): number | null {
    return this.memberships({ userId }).find((membership) => membership.isDefault)?.groupId ?? null;
  }
}

export function seedGroups(now: number): GroupStore {
  const groups = SEEDED_GROUPS.map(({ ageDays, ...group }) => ({ ...group, createdAt: now - ageDays * DAY, updatedAt: now - Math.floor(ageDays / 4) * DAY }));
  let id = FIRST_MEMBERSHIP_ID;
  const memberships: GroupMembershipRecord[] = SEEDED_MEMBERSHIPS.flatMap(({ userId, groupIds }) =>
    groupIds.map((groupId, index) => ({ id: id++, userId, groupId, isDefault: index === 0, createdAt: now - 800 * DAY, updatedAt: now - 800 * DAY })),
  );
  return new GroupStore(groups, memberships);
}

export function groupJson(group: GroupRecord, origin: string): Record<string, unknown> {
  return {
    url: `${origin}/api/v2/groups/${group.id}.json`,
    id: group.id,
    is_public: group.isPublic,
    name: group.name,
    description: group.description,
    default: group.isDefault,
    deleted: group.deleted,
    created_at: isoSeconds(group.createdAt),
    updated_at: isoSeconds(group.updatedAt),
  };
}

export function groupMembershipJson(membership: GroupMembershipRecord, origin: string): Record<string, unknown> {
  return {
    url: `${origin}/api/v2/group_memberships/${membership.id}.json`,
    id: membership.id,
    user_id: membership.userId,
    group_id: membership.groupId,
    default: membership.isDefault,
    created_at: isoSeconds(membership.createdAt),
    updated_at: isoSeconds(membership.updatedAt),
  };
}
