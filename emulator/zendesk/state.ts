import type { Clock } from '../clock';
import type { EmulatorConfig } from '../config';
import { AppInstallationStore } from './appInstallations';
import { CustomObjectStore } from './customObjects';
import type { EndUserSeed } from './endUsers';
import { seedGroups, type GroupStore } from './groups';
import { IdGenerator } from './ids';
import { JobStore } from './jobs';
import { seedOrganizations, type OrganizationRecord } from './organizations';
import { SlidingWindowLimiter } from './rateLimit';
import { SEEDED_TICKET_IDS, seedTickets } from './ticketSeed';
import type { TicketStore } from './tickets';
import { seedUserFields, type UserFieldDefinition } from './userFields';
import { seedAgents, UserStore } from './users';

/**
 * The emulated Zendesk Support account: users (3 agents and generated end users), their groups,
 * organizations, custom user fields, five tickets, custom objects and bulk jobs, the app
 * installations (empty until an app is installed) and the rate-limit windows.
 * Everything is deterministic for a given `seed` and relative to the clock at creation.
 */

export interface ZendeskSeedOptions {
  /** PRNG seed of the generated end users (default 20261121). */
  seed?: number;
  /** How many end users to generate (default 3000). One million is fine: users are built on read. */
  endUsers?: number;
  /** Account-wide Support API limit per minute (default 700, Enterprise). */
  requestsPerMinute?: number;
  /** Export Search Results limit per minute (default 100, as documented). */
  exportRequestsPerMinute?: number;
  /** False emulates a plan without custom objects: every custom-objects endpoint answers 403. */
  customObjectsAvailable?: boolean;
  /** Custom objects the plan allows (default 30, Suite Professional). */
  customObjectLimit?: number;
  /** Custom object records the account may hold (default 1,000,000, the documented example). */
  customObjectRecordLimit?: number;
  /** How long after its creation (emulator clock) a bulk job runs (default 1000 ms; 0 = at once). */
  jobDelayMs?: number;
}

export type ResolvedZendeskSeedOptions = Required<ZendeskSeedOptions>;

export const DEFAULT_ZENDESK_SEED_OPTIONS: ResolvedZendeskSeedOptions = {
  seed: 20261121,
  endUsers: 3000,
  requestsPerMinute: 700,
  exportRequestsPerMinute: 100,
  customObjectsAvailable: true,
  customObjectLimit: 30,
  customObjectRecordLimit: 1_000_000,
  jobDelayMs: 1000,
};

/** End user ids start here; agents are 1, 2 and 3. */
export const FIRST_END_USER_ID = 1001;

export interface ZendeskState {
  readonly options: ResolvedZendeskSeedOptions;
  /** Clock time the seed is relative to. */
  readonly seededAt: number;
  /** The agent the sandbox signs in as: Alex Martin, admin, owner of the API token. */
  readonly currentAgentId: number;
  readonly seedIds: {
    agents: { alex: number; samira: number; jules: number };
    tickets: typeof SEEDED_TICKET_IDS;
    organizations: number[];
    firstEndUserId: number;
  };
  readonly users: UserStore;
  /** Agent groups and memberships: Alex and Jules in Support, Samira in Marketing. */
  readonly groups: GroupStore;
  readonly organizations: OrganizationRecord[];
  readonly userFields: UserFieldDefinition[];
  readonly tickets: TicketStore;
  readonly customObjects: CustomObjectStore;
  readonly jobs: JobStore;
  /** App installations and their settings, secure ones included (see ../installation.ts). */
  readonly installations: AppInstallationStore;
  readonly rateLimits: { account: SlidingWindowLimiter; export: SlidingWindowLimiter };
  /** Runs the bulk jobs that are due (the handlers do it on every request). */
  settleJobs(now: number): void;
}

export function createZendeskState(input: { clock: Clock; config: EmulatorConfig; options?: ZendeskSeedOptions }): ZendeskState {
  const options: ResolvedZendeskSeedOptions = { ...DEFAULT_ZENDESK_SEED_OPTIONS, ...stripUndefined(input.options ?? {}) };
  if (!Number.isSafeInteger(options.endUsers) || options.endUsers < 0) throw new Error(`endUsers must be a non-negative integer, not ${options.endUsers}`);
  const now = input.clock.now();
  const organizations = seedOrganizations(now);
  const endUserSeed: EndUserSeed = {
    seed: options.seed >>> 0,
    count: options.endUsers,
    firstId: FIRST_END_USER_ID,
    now,
    organizationIds: organizations.map((organization) => organization.id),
  };
  const users = new UserStore(endUserSeed, seedAgents(now, input.config.zendeskApiToken.email));
  const ids = new IdGenerator(options.seed >>> 0);
  const customObjects = new CustomObjectStore(ids, { objects: options.customObjectLimit, records: options.customObjectRecordLimit });
  const jobs = new JobStore(ids, options.jobDelayMs);

  return {
    options,
    seededAt: now,
    currentAgentId: 1,
    seedIds: {
      agents: { alex: 1, samira: 2, jules: 3 },
      tickets: SEEDED_TICKET_IDS,
      organizations: organizations.map((organization) => organization.id),
      firstEndUserId: FIRST_END_USER_ID,
    },
    users,
    groups: seedGroups(now),
    organizations,
    userFields: seedUserFields(now),
    tickets: seedTickets(users, now, input.config.subdomain),
    customObjects,
    jobs,
    installations: new AppInstallationStore(),
    rateLimits: {
      account: new SlidingWindowLimiter(options.requestsPerMinute),
      export: new SlidingWindowLimiter(options.exportRequestsPerMinute),
    },
    settleJobs(at: number) {
      jobs.settle(at, customObjects, input.config.zendeskOrigin);
    },
  };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, member]) => member !== undefined)) as Partial<T>;
}
