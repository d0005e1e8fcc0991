import { GuardedLease } from '../../src/core/sending/guardedLease';
import type { LeaseKeeper } from '../../src/core/sending/ports';
import type { Database } from '../store/database';

/**
 * Exactly one instance of the service runs a campaign: a claim per campaign in the service's store
 * (Postgres when several instances share `DATABASE_URL`), taken in one statement when it is free,
 * expired or already this instance's, and renewed by the runner's heartbeat. An instance that dies
 * lets go by expiry, and another takes the campaign over.
 *
 * A lease row rather than a row lock (`SELECT … FOR UPDATE SKIP LOCKED` held for the run): a run
 * lasts hours, and a lock would tie a connection and a transaction open that long, and vanish with
 * a connection dropped for a second; a row with an expiry survives both, and the same statement
 * runs on PGlite. The campaign record's lease (store/campaignLease.ts) still arbitrates between the
 * service and browsers: the claim only keeps two instances from both asking for it.
 */

export const RUN_CLAIM_TTL_MS = 30_000;

export class RunClaims {
  constructor(
    private readonly db: Database,
    readonly instance: string,
    private readonly now: () => number = Date.now,
    private readonly ttlMs = RUN_CLAIM_TTL_MS,
  ) {}

  /** Takes the campaign for this instance; false when another live instance has it. */
  async claim(campaignId: string): Promise<boolean> {
    const now = this.now();
    const { rows } = await this.db.query<{ instance: string }>(
      `INSERT INTO herald_run_claims AS c (campaign_id, instance, expires_at) VALUES ($1, $2, $3)
       ON CONFLICT (campaign_id) DO UPDATE SET instance = excluded.instance, expires_at = excluded.expires_at
       WHERE c.instance = excluded.instance OR c.expires_at <= $4
       RETURNING instance`,
      [campaignId, this.instance, now + this.ttlMs, now],
    );
    return rows.length > 0;
  }

  /** Extends this instance's claim; false when it lapsed and another instance took the campaign. */
  async renew(campaignId: string): Promise<boolean> {
    const now = this.now();
    const { rows } = await this.db.query<{ instance: string }>(
      `UPDATE herald_run_claims SET expires_at = $3 WHERE campaign_id = $1 AND instance = $2 RETURNING instance`,
      [campaignId, this.instance, now + this.ttlMs],
    );
    if (rows.length > 0) return true;
    // Nobody else took it meanwhile (a store restored, a row removed by hand): take it again.
    return this.claim(campaignId);
  }

  async release(campaignId: string): Promise<void> {
    await this.db.query('DELETE FROM herald_run_claims WHERE campaign_id = $1 AND instance = $2', [campaignId, this.instance]);
  }

  /** The campaigns another live instance runs: not worth asking Zendesk about. */
  async heldElsewhere(): Promise<Set<string>> {
    const { rows } = await this.db.query<{ campaign_id: string }>('SELECT campaign_id FROM herald_run_claims WHERE instance <> $1 AND expires_at > $2', [this.instance, this.now()]);
    return new Set(rows.map((row) => row.campaign_id));
  }
}

/** The campaign record's lease, taken only under this instance's claim: two instances never both send a campaign. */
export class ClaimedLease extends GuardedLease {
  constructor(
    private readonly campaignId: string,
    inner: LeaseKeeper,
    private readonly claims: RunClaims,
    protected readonly guardHolder: string,
  ) {
    super(inner);
  }

  async heartbeat(): Promise<boolean> {
    // The store unreachable for a moment is not a lost claim: the record's lease says when to stop.
    const claimed = await this.claims.renew(this.campaignId).catch(() => true);
    if (!claimed) return false;
    return this.inner.heartbeat();
  }

  protected takeGuard(): Promise<boolean> {
    return this.claims.claim(this.campaignId);
  }

  protected dropGuard(): Promise<void> {
    return this.claims.release(this.campaignId);
  }
}
