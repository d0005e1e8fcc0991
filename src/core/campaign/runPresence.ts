import { isActive, type CampaignStatus } from './lifecycle';

/**
 * Who is sending a running campaign, as a page of one browser tab can tell: this tab, someone else
 * (another tab of this browser, another browser, another agent), or nobody (interrupted, to resume).
 *
 * The runner's lease on the campaign record names its agent and its tab's session, and lasts 30 s
 * past its last heartbeat. A tab that is reloaded keeps its session (sessionStorage) but its runner
 * ends with the page: the lease then still names this very session while nobody sends. Waiting the
 * lease out would leave the marketer in front of "being sent by you" for up to half a minute after
 * an F5; resuming at once is safe when no tab of this browser holds the campaign's Web Lock, which a
 * runner takes before its lease and which goes away with its page. A duplicated tab copies the
 * session too: it still holds the lock, so the campaign shows as sent from another tab. Without Web
 * Locks (unknown), a lease of this session is left to expire like anyone else's.
 */

/** The holder a runner writes in its lease: its agent, and the place it runs from (a tab's session, a service instance). */
export function leaseHolderName(agentName: string, agentId: number, sessionId: string): string {
  return `${agentName} (#${agentId}) · ${sessionId}`;
}

/** How the Herald service begins the session of its leases (the instance follows): `service/campaigns/serviceCampaigns.ts`. */
export const SERVICE_SESSION_PREFIX = 'Herald service ';

/** Whether a lease's holder is the Herald service rather than a browser tab (its session says so, whatever its agent). */
export function isServiceHolder(holder: string): boolean {
  const session = holder.lastIndexOf(' · ');
  return session !== -1 && holder.slice(session + 3).startsWith(SERVICE_SESSION_PREFIX);
}

/** Where a campaign is to be sent from, as its record says (`store/campaignModel.ts` `SentFrom`). */
export type SendingPlace = 'browser' | 'service';

/** Who a lease's holder is, for people: the agent's name, without their Zendesk id or the tab's session. */
export function leaseHolderAgent(holder: string): string {
  const session = holder.lastIndexOf(' · ');
  const agent = session === -1 ? holder : holder.slice(0, session);
  return agent.replace(/ \(#\d+\)$/, '');
}

/**
 * How long after a lease lapsed the connected service is still expected to take the campaign up:
 * an instance that died lets its lease expire, and another takes it within a scan (10 s) of that.
 * Past this, nobody is coming: the campaign shows as interrupted, for a browser to resume.
 */
export const SERVICE_TAKE_UP_MS = 20_000;

export interface LeaseSeen {
  holder: string;
  expiresAt: number;
}

export type RunPresence =
  /** Not running (draft, scheduled, paused, finished). */
  | { kind: 'idle' }
  /** This tab's runner sends it. */
  | { kind: 'here' }
  /**
   * Another runner does: `holder` as its lease names it (undefined before it wrote it), `thisBrowser`
   * when it is another tab here, `service` when it is the Herald service (or the service is about to
   * take it up: the record names it and it is connected).
   */
  | { kind: 'elsewhere'; holder: string | undefined; thisBrowser: boolean; service?: true }
  /** Running, and nobody sends it: it can be resumed. */
  | { kind: 'interrupted' };

export interface RunPresenceInput {
  status: CampaignStatus;
  lease: LeaseSeen | null;
  now: number;
  /** This tab runs it (or is starting to). */
  sendingHere: boolean;
  /** The holder this tab writes in a lease: its agent and its session. */
  ownHolder: string;
  /** A tab of this browser holds the campaign's Web Lock; undefined when unknown (no Web Locks, not read yet). */
  lockedInThisBrowser: boolean | undefined;
  /** Where the record says it is sent from (a browser unless said). */
  sentFrom?: SendingPlace;
  /** The Herald service is connected (its heartbeat is fresh): it takes up what is to be sent from it within seconds. */
  serviceConnected?: boolean;
}

export function runPresence({ status, lease, now, sendingHere, ownHolder, lockedInThisBrowser, sentFrom, serviceConnected }: RunPresenceInput): RunPresence {
  if (sendingHere) return { kind: 'here' };
  if (!isActive(status)) return { kind: 'idle' };
  const live = lease !== null && lease.expiresAt > now ? lease : undefined;
  // Another tab here runs it, or is about to (it takes the lock before it writes the lease).
  if (lockedInThisBrowser === true) return { kind: 'elsewhere', holder: live?.holder, thisBrowser: true };
  // This tab's own lease, and no runner left in this browser: the page that held it was reloaded.
  const nobody = !live || (live.holder === ownHolder && lockedInThisBrowser === false);
  // Nobody sends it yet, but the connected service will (launched or moved to it, or left by an instance that stopped).
  const takenUpSoon = lease === null || now - lease.expiresAt < SERVICE_TAKE_UP_MS;
  if (nobody && sentFrom === 'service' && serviceConnected === true && takenUpSoon) return { kind: 'elsewhere', holder: undefined, thisBrowser: false, service: true };
  if (nobody) return { kind: 'interrupted' };
  return isServiceHolder(live.holder) ? { kind: 'elsewhere', holder: live.holder, thisBrowser: false, service: true } : { kind: 'elsewhere', holder: live.holder, thisBrowser: false };
}

/**
 * A runner elsewhere still holds the lease of a campaign paused or cancelled on its record (a person
 * stopped it from another place): it stops at its next heartbeat, within seconds. Its holder, or
 * undefined when no runner is left to stop.
 */
export function stoppingElsewhere(input: Pick<RunPresenceInput, 'status' | 'lease' | 'now' | 'sendingHere' | 'ownHolder'>): string | undefined {
  const { status, lease, now, sendingHere, ownHolder } = input;
  if (sendingHere || (status !== 'paused' && status !== 'cancelled')) return undefined;
  return lease !== null && lease.expiresAt > now && lease.holder !== ownHolder ? lease.holder : undefined;
}
