import { endUserIndex, generateEndUser, type EndUserSeed } from './endUsers';
import { MARKETING_GROUP_ID, SUPPORT_GROUP_ID } from './groups';
import { DAY, HOUR } from './time';
import type { UserRecord } from './userRecord';

/**
 * Every user of the account: three agents, then the generated end users. Generated users are
 * rebuilt on each read; a changed user is kept as a full copy that wins over the generated one.
 */
export class UserStore {
  private readonly agents: UserRecord[];
  private readonly changed = new Map<number, UserRecord>();

  constructor(
    private readonly seed: EndUserSeed,
    agents: UserRecord[],
  ) {
    this.agents = [...agents].sort((a, b) => a.id - b.id);
  }

  get agentIds(): number[] {
    return this.agents.map((agent) => agent.id);
  }

  get firstEndUserId(): number {
    return this.seed.firstId;
  }

  get endUserCount(): number {
    return this.seed.count;
  }

  /** Agents plus end users. */
  get size(): number {
    return this.agents.length + this.seed.count;
  }

  /** A copy: change it and `save` it to keep the change. */
  get(id: number): UserRecord | undefined {
    const changed = this.changed.get(id);
    if (changed) return cloneUser(changed);
    const agent = this.agents.find((candidate) => candidate.id === id);
    if (agent) return cloneUser(agent);
    const index = endUserIndex(this.seed, id);
    return index === undefined ? undefined : generateEndUser(this.seed, index);
  }

  save(user: UserRecord): void {
    if (!this.get(user.id)) throw new Error(`No user ${user.id}`);
    this.changed.set(user.id, cloneUser(user));
  }

  /** The agent (or admin) whose sign-in email this is; end users cannot sign in to the API. */
  findAgentByEmail(email: string): UserRecord | undefined {
    const wanted = email.trim().toLowerCase();
    for (const id of this.agentIds) {
      const agent = this.get(id);
      if (agent && agent.email.toLowerCase() === wanted) return agent;
    }
    return undefined;
  }

  /** Every user by ascending id. */
  *all(): IterableIterator<UserRecord> {
    for (const agent of this.agents) yield this.get(agent.id) as UserRecord;
    for (let index = 0; index < this.seed.count; index++) yield this.get(this.seed.firstId + index) as UserRecord;
  }

  /**
   * Position of a user in `created_at` descending order (ties broken by ascending id), the order of
   * the Export Search Results API. End users come newest first, then the agents, who predate them.
   */
  createdDescPosition(id: number): number | undefined {
    const index = endUserIndex(this.seed, id);
    if (index !== undefined) return this.seed.count - 1 - index;
    const agentPosition = this.agentsByCreatedDesc().findIndex((agent) => agent.id === id);
    return agentPosition < 0 ? undefined : this.seed.count + agentPosition;
  }

  userAtCreatedDescPosition(position: number): UserRecord | undefined {
    if (position < 0 || position >= this.size) return undefined;
    if (position < this.seed.count) return this.get(this.seed.firstId + this.seed.count - 1 - position);
    const agent = this.agentsByCreatedDesc()[position - this.seed.count];
    return agent ? this.get(agent.id) : undefined;
  }

  private agentsByCreatedDesc(): UserRecord[] {
    return [...this.agents].sort((a, b) => b.createdAt - a.createdAt || a.id - b.id);
  }
}

export function cloneUser(user: UserRecord): UserRecord {
  return { ...user, tags: [...user.tags], userFields: { ...user.userFields } };
}

/** The three agents of the demo account; Alex Martin (admin) owns the API token. Their groups are in ./groups. */
export function seedAgents(now: number, adminEmail: string): UserRecord[] {
  const createdAt = now - 1300 * DAY;
  const base = {
    phone: null,
    sharedPhoneNumber: false,
    organizationId: null,
    suspended: false,
    verified: true,
    externalId: null,
    tags: [],
    userFields: { marketing_consent: false, mobile_phone: null, loyalty_tier: null, first_name: null },
    country: null,
  } satisfies Partial<UserRecord>;
  return [
    {
      ...base,
      id: 1,
      name: 'Alex Martin',
      email: adminEmail,
      role: 'admin',
      locale: 'en-US',
      localeId: 1,
      timeZone: 'Paris',
      ianaTimeZone: 'Europe/Paris',
      createdAt,
      updatedAt: now - 30 * DAY,
      lastLoginAt: now - 2 * HOUR,
      userFields: { ...base.userFields, first_name: 'Alex' },
      defaultGroupId: SUPPORT_GROUP_ID,
    },
    {
      ...base,
      id: 2,
      name: 'Samira Haddad',
      email: 'samira.haddad@herald-demo.example',
      role: 'agent',
      locale: 'fr',
      localeId: 16,
      timeZone: 'Paris',
      ianaTimeZone: 'Europe/Paris',
      createdAt: createdAt + 40 * DAY,
      updatedAt: now - 12 * DAY,
      lastLoginAt: now - 5 * HOUR,
      userFields: { ...base.userFields, first_name: 'Samira' },
      defaultGroupId: MARKETING_GROUP_ID,
    },
    {
      ...base,
      id: 3,
      name: 'Jules Bernard',
      email: 'jules.bernard@herald-demo.example',
      role: 'agent',
      locale: 'fr',
      localeId: 16,
      timeZone: 'Paris',
      ianaTimeZone: 'Europe/Paris',
      createdAt: createdAt + 120 * DAY,
      updatedAt: now - 3 * DAY,
      lastLoginAt: now - 26 * HOUR,
      userFields: { ...base.userFields, first_name: 'Jules' },
      defaultGroupId: SUPPORT_GROUP_ID,
    },
  ];
}
