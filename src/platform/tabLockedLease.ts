import { GuardedLease } from '../core/sending/guardedLease';
import type { LeaseKeeper } from '../core/sending/ports';

const LOCK_PREFIX = 'herald-campaign-';

/** The Web Lock a runner of this browser holds while it sends the campaign. */
export function campaignLockName(campaignId: string): string {
  return LOCK_PREFIX + campaignId;
}

function browserLocks(): LockManager | null {
  return (typeof navigator !== 'undefined' ? navigator.locks : undefined) ?? null;
}

/**
 * The campaigns a tab of this browser is sending (or starting to): those whose Web Lock is held.
 * A reloaded or closed tab holds none. Undefined where the browser has no Web Locks.
 */
export async function campaignsLockedInThisBrowser(locks: LockManager | null = browserLocks()): Promise<ReadonlySet<string> | undefined> {
  if (!locks) return undefined;
  const snapshot = await locks.query();
  const ids = new Set<string>();
  for (const lock of snapshot.held ?? []) if (lock.name?.startsWith(LOCK_PREFIX)) ids.add(lock.name.slice(LOCK_PREFIX.length));
  return ids;
}

/**
 * One runner per campaign in this browser first (Web Locks: a second tab cannot take the lock while
 * the first holds it, and the lock goes away with the tab), then across browsers (the campaign
 * record's lease). A second tab learns that the campaign runs elsewhere and watches instead.
 */
export class TabLockedLease extends GuardedLease {
  private releaseLock: (() => void) | undefined;

  constructor(
    private readonly campaignId: string,
    inner: LeaseKeeper,
    /** How the holder is shown when another tab of this browser runs the campaign. */
    protected readonly guardHolder: string,
    /** Null where the browser has no Web Locks: the record's lease alone then keeps tabs apart. */
    private readonly locks: LockManager | null = browserLocks(),
  ) {
    super(inner);
  }

  async heartbeat(): Promise<boolean> {
    const ours = await this.inner.heartbeat();
    // Another browser took the campaign: this tab stops, and another tab here may watch it.
    if (!ours) this.dropLock();
    return ours;
  }

  protected takeGuard(): Promise<boolean> {
    return this.locks ? this.takeLock() : Promise.resolve(true);
  }

  protected async dropGuard(): Promise<void> {
    this.dropLock();
  }

  /** Holds the lock until `dropLock`; false at once when another tab holds it. */
  private takeLock(): Promise<boolean> {
    return new Promise<boolean>((resolve) => {
      void this.locks!.request(campaignLockName(this.campaignId), { ifAvailable: true }, (lock) => {
        if (!lock) {
          resolve(false);
          return undefined;
        }
        resolve(true);
        return new Promise<void>((release) => {
          this.releaseLock = release;
        });
      });
    });
  }

  private dropLock(): void {
    this.releaseLock?.();
    this.releaseLock = undefined;
  }
}
