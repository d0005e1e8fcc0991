import { realClock, type ApiClock } from '../core/time/clock';
import { retryingRateLimited, withoutRateLimitRetries } from '../api/transport/rateLimitRetries';
import type { Transport } from '../api/transport/types';
import { CustomObjectsClient, type CustomObjectRecord } from '../api/zendesk/customObjects';
import { leaseHolderName } from '../core/campaign/runPresence';
import { PERSON_PAUSE_REASON, STOP_REASONS, type StopReason } from '../core/sending/errorPolicy';
import type { LeaseKeeper } from '../core/sending/ports';
import { leaseOfRecord, sentFromOfRecord, type CampaignLeaseState, type SentFrom } from './campaignModel';
import { onCampaign } from './campaigns';
import { CAMPAIGN_OBJECT } from './heraldObjects';
import { RecordAccess } from './recordAccess';

/**
 * One runner per campaign, across browsers: a lease on the campaign record (`lease_holder`,
 * `lease_expires_at`). Custom-object updates have no compare-and-set, so taking the lease is
 * "write, wait, read back": when two runners write at about the same time the last write wins,
 * and after the settle delay each reads the record again and only the one it names goes on. This
 * holds as long as a write lands within the settle delay of the read that allowed it (2 s against
 * requests of a few hundred ms), and as long as the browsers' clocks agree to within the ttl less
 * the heartbeat interval (expiry is judged on each browser's own clock).
 */

export interface CampaignLeaseOptions {
  agentName: string;
  agentId: number;
  /** This browser tab's session: the same agent in two tabs holds two different leases. */
  sessionId: string;
  clock?: ApiClock;
  /** How long the lease lasts without a heartbeat (default 30 s). */
  ttlMs?: number;
  /** How long to wait after writing the lease before reading it back (default 2 s). */
  settleMs?: number;
  /** Where this runner runs: a record saying the campaign is to be sent from elsewhere stops it (a hand-over). */
  place?: SentFrom;
}

export const DEFAULT_LEASE_TTL_MS = 30_000;
export const DEFAULT_LEASE_SETTLE_MS = 2_000;
/**
 * A heartbeat always reads the record (a pause or a hand-over is seen at once) but extends the lease
 * only when its last extension is at least this old: a runner that beats every few seconds (the
 * service, to see a pause within 5 s) does not write the record every few seconds.
 */
export const LEASE_EXTEND_AFTER_MS = 10_000;


export type AcquireResult = { ok: true } | { ok: false; holder: string; expiresAt: number };

export class CampaignLease implements LeaseKeeper {
  readonly holder: string;
  private readonly access: RecordAccess;
  private readonly objects: CustomObjectsClient;
  private readonly clock: ApiClock;
  private readonly ttlMs: number;
  private readonly settleMs: number;
  /** Until when the record was last seen naming this holder: past it, someone may have taken over. */
  private confirmedUntil = 0;
  /** The record's status at the last heartbeat, when someone else stopped the campaign meanwhile. */
  private stopped: ReturnType<NonNullable<LeaseKeeper['stoppedElsewhere']>>;
  private readonly place: SentFrom;

  constructor(
    transport: Transport,
    private readonly campaignId: string,
    options: CampaignLeaseOptions,
  ) {
    this.holder = leaseHolderName(options.agentName, options.agentId, options.sessionId);
    // A lease write must land within the settle delay of the read that allowed it: one sent again
    // after a Retry-After could overwrite a runner that took over meanwhile. So no call of the lease
    // is sent again by the transport; `acquire` and `release` start over from their read instead.
    const direct = withoutRateLimitRetries(transport);
    this.access = new RecordAccess(direct, CAMPAIGN_OBJECT.key);
    this.objects = new CustomObjectsClient(direct);
    this.clock = options.clock ?? realClock;
    this.ttlMs = options.ttlMs ?? DEFAULT_LEASE_TTL_MS;
    this.settleMs = options.settleMs ?? DEFAULT_LEASE_SETTLE_MS;
    this.place = options.place ?? 'browser';
    if (this.settleMs >= this.ttlMs) throw new RangeError('The settle delay must be shorter than the lease');
  }

  /**
   * Takes the lease if nobody holds it, its holder released it, it expired, or it is already ours.
   * Refused with 429, it waits as told and starts over from the read.
   */
  acquire(): Promise<AcquireResult> {
    return retryingRateLimited(async () => {
      const lease = leaseOfRecord(await this.read());
      if (lease && lease.holder !== this.holder && lease.expiresAt > this.clock.now()) return { ok: false, ...lease };
      return this.claim();
    }, this.clock);
  }

  /**
   * Extends the lease. False when another holder is on the record, or when the lease was let go
   * (released by hand): the runner must stop at once. A lease this runner let expire is claimed
   * again as `acquire` does, since another runner may be taking it at that very moment. A failed
   * call rethrows while the lease is surely still ours, and answers false once it may have lapsed.
   */
  async heartbeat(): Promise<boolean> {
    try {
      const record = await this.read();
      this.stopped = stoppedOfRecord(record, this.place);
      const lease = leaseOfRecord(record);
      if (lease?.holder !== this.holder) return false;
      if (lease.expiresAt <= this.clock.now()) return (await this.claim()).ok;
      if (lease.expiresAt - this.clock.now() > this.ttlMs - LEASE_EXTEND_AFTER_MS) return true;
      this.confirmedUntil = await this.write();
      return true;
    } catch (error) {
      if (this.clock.now() >= this.confirmedUntil) return false;
      throw error;
    }
  }

  stoppedElsewhere(): ReturnType<NonNullable<LeaseKeeper['stoppedElsewhere']>> {
    return this.stopped;
  }

  /**
   * Clears the lease if it is still ours. Between the read and the write another runner could
   * only have taken it if ours had expired; clearing theirs then makes their next heartbeat stop
   * them, which is safe.
   */
  release(): Promise<void> {
    return retryingRateLimited(async () => {
      const lease = leaseOfRecord(await this.read());
      this.confirmedUntil = 0;
      if (lease?.holder !== this.holder) return;
      await this.guarded(() => this.access.update(this.campaignId, { lease_holder: null, lease_expires_at: null }));
    }, this.clock);
  }

  /** Write, let competing writes land, read back: the record names the one runner that goes on. */
  private async claim(): Promise<AcquireResult> {
    await this.write();
    await this.clock.sleep(this.settleMs);
    const after: CampaignLeaseState | null = leaseOfRecord(await this.read());
    if (after?.holder === this.holder) {
      this.confirmedUntil = after.expiresAt;
      return { ok: true };
    }
    this.confirmedUntil = 0;
    return { ok: false, holder: after?.holder ?? '', expiresAt: after?.expiresAt ?? 0 };
  }

  /** Writes this holder with a fresh expiry; resolves with that expiry. */
  private async write(): Promise<number> {
    const expiresAt = this.clock.now() + this.ttlMs;
    // The holder too, not only the expiry: a runner that took over meanwhile then sees this one on
    // its read-back and backs off, instead of going on with an expiry extended by someone else.
    await this.guarded(() => this.access.update(this.campaignId, { lease_holder: this.holder, lease_expires_at: expiresAt }));
    return expiresAt;
  }

  private read(): Promise<CustomObjectRecord> {
    return this.guarded(() => this.access.show(this.campaignId));
  }

  private guarded<T>(work: () => Promise<T>): Promise<T> {
    return onCampaign(this.objects, this.campaignId, work);
  }
}

/**
 * A running campaign's record that someone paused, cancelled or moved to another place while a
 * runner held its lease. A person's pause is written `user`, as a runner writes its own.
 */
function stoppedOfRecord(record: CustomObjectRecord, place: SentFrom): ReturnType<NonNullable<LeaseKeeper['stoppedElsewhere']>> {
  const fields = record.custom_object_fields ?? {};
  if (fields.status === 'cancelled') return { status: 'cancelled' };
  if (fields.status === 'running') return sentFromOfRecord(record) === place ? undefined : { status: 'moved' };
  if (fields.status !== 'paused') return undefined;
  if (fields.pause_reason === PERSON_PAUSE_REASON) return { status: 'paused', reason: 'user' };
  const reason = typeof fields.pause_reason === 'string' && (STOP_REASONS as readonly string[]).includes(fields.pause_reason) ? (fields.pause_reason as StopReason) : 'unexpected';
  return { status: 'paused', reason };
}
