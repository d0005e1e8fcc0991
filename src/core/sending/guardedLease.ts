import type { LeaseKeeper } from './ports';

/**
 * The campaign's lease taken only under a guard of the place that runs it first: a Web Lock among a
 * browser's tabs (platform/tabLockedLease.ts), a claim among the Herald service's instances
 * (service/campaigns/runClaims.ts). The guard is taken before the lease and let go with it; what the
 * record said at the last heartbeat (a pause, a cancel, a hand-over) passes through.
 */
export abstract class GuardedLease implements LeaseKeeper {
  constructor(protected readonly inner: LeaseKeeper) {}

  /** Takes the guard; false when another runner of this place holds it. */
  protected abstract takeGuard(): Promise<boolean>;
  protected abstract dropGuard(): Promise<void>;
  /** Who holds the guard, for people, when it could not be taken. */
  protected abstract readonly guardHolder: string;

  async acquire(): Promise<{ ok: true } | { ok: false; holder: string; expiresAt: number }> {
    if (!(await this.takeGuard())) return { ok: false, holder: this.guardHolder, expiresAt: Number.POSITIVE_INFINITY };
    try {
      const result = await this.inner.acquire();
      if (!result.ok) await this.dropGuard();
      return result;
    } catch (error) {
      await this.dropGuard().catch(() => undefined);
      throw error;
    }
  }

  abstract heartbeat(): Promise<boolean>;

  stoppedElsewhere(): ReturnType<NonNullable<LeaseKeeper['stoppedElsewhere']>> {
    return this.inner.stoppedElsewhere?.();
  }

  async release(): Promise<void> {
    try {
      await this.inner.release();
    } finally {
      await this.dropGuard().catch(() => undefined);
    }
  }
}
