import { describe, expect, it } from 'vitest';
import type { LeaseKeeper } from '../../../src/core/sending/ports';
import { campaignsLockedInThisBrowser, TabLockedLease } from '../../../src/platform/tabLockedLease';

/**
 * Web Locks as a browser implements them for `ifAvailable` requests: a name is held until the
 * callback's promise settles; a request for a held name gets `null` at once.
 */
class FakeLockManager {
  private readonly held = new Set<string>();

  request(name: string, _options: { ifAvailable: true }, callback: (lock: { name: string } | null) => Promise<void> | undefined): Promise<void> {
    if (this.held.has(name)) return Promise.resolve(callback(null));
    this.held.add(name);
    return Promise.resolve(callback({ name })).finally(() => this.held.delete(name));
  }

  isHeld(name: string): boolean {
    return this.held.has(name);
  }

  async query(): Promise<{ held: Array<{ name: string }>; pending: [] }> {
    return { held: [...this.held].map((name) => ({ name })), pending: [] };
  }
}

/** The campaign record's lease, shared by every tab and browser. */
class RecordLease {
  holder: string | undefined;
  keeper(name: string): LeaseKeeper {
    return {
      acquire: async () => {
        if (this.holder && this.holder !== name) return { ok: false as const, holder: this.holder, expiresAt: 1 };
        this.holder = name;
        return { ok: true as const };
      },
      heartbeat: async () => this.holder === name,
      release: async () => {
        if (this.holder === name) this.holder = undefined;
      },
    };
  }
}

const lockName = 'herald-campaign-c1';
const asLocks = (locks: FakeLockManager) => locks as unknown as LockManager;

describe('TabLockedLease', () => {
  it('passes on what the record said at the last heartbeat: a tab stops when the campaign is paused or moved elsewhere', async () => {
    let said: ReturnType<NonNullable<LeaseKeeper['stoppedElsewhere']>>;
    const inner: LeaseKeeper = { ...new RecordLease().keeper('tab'), stoppedElsewhere: () => said };
    const lease = new TabLockedLease('c1', inner, 'another tab', asLocks(new FakeLockManager()));
    expect(lease.stoppedElsewhere()).toBeUndefined();
    said = { status: 'moved' };
    expect(lease.stoppedElsewhere()).toEqual({ status: 'moved' });
    said = { status: 'paused', reason: 'template-paused' };
    expect(lease.stoppedElsewhere()).toEqual({ status: 'paused', reason: 'template-paused' });
  });

  it('lets one tab of a browser run a campaign; another tab is told it runs in another tab, without touching the record', async () => {
    const locks = new FakeLockManager();
    const record = new RecordLease();
    const first = new TabLockedLease('c1', record.keeper('tab 1'), 'another tab', asLocks(locks));
    const second = new TabLockedLease('c1', record.keeper('tab 2'), 'another tab', asLocks(locks));
    expect(await first.acquire()).toEqual({ ok: true });
    expect(await second.acquire()).toEqual({ ok: false, holder: 'another tab', expiresAt: Number.POSITIVE_INFINITY });
    expect(record.holder).toBe('tab 1');
    await first.release();
    expect(locks.isHeld(lockName)).toBe(false);
    expect(await second.acquire()).toEqual({ ok: true });
    expect(record.holder).toBe('tab 2');
  });

  it('gives the lock back when another browser holds the record, when the claim fails, and when the lease is lost', async () => {
    const locks = new FakeLockManager();
    const record = new RecordLease();
    record.holder = 'Samira, other browser';
    const lease = new TabLockedLease('c1', record.keeper('tab 1'), 'another tab', asLocks(locks));
    expect(await lease.acquire()).toMatchObject({ ok: false, holder: 'Samira, other browser' });
    expect(locks.isHeld(lockName)).toBe(false);

    const failing = new TabLockedLease('c1', { ...record.keeper('tab 1'), acquire: () => Promise.reject(new Error('offline')) }, 'another tab', asLocks(locks));
    await expect(failing.acquire()).rejects.toThrow('offline');
    expect(locks.isHeld(lockName)).toBe(false);

    record.holder = undefined;
    expect(await lease.acquire()).toEqual({ ok: true });
    record.holder = 'Samira, other browser';
    expect(await lease.heartbeat()).toBe(false);
    expect(locks.isHeld(lockName)).toBe(false);
  });

  it('relies on the record alone where Web Locks are missing', async () => {
    const record = new RecordLease();
    const first = new TabLockedLease('c1', record.keeper('tab 1'), 'another tab', null);
    const second = new TabLockedLease('c1', record.keeper('tab 2'), 'another tab', null);
    expect(await first.acquire()).toEqual({ ok: true });
    expect(await second.acquire()).toMatchObject({ ok: false, holder: 'tab 1' });
  });

  it('tells which campaigns a tab of this browser holds, and none once it let go; nothing where there are no Web Locks', async () => {
    const locks = new FakeLockManager();
    const record = new RecordLease();
    const lease = new TabLockedLease('c1', record.keeper('tab 1'), 'another tab', asLocks(locks));
    void locks.request('some-other-lock', { ifAvailable: true }, () => new Promise<void>(() => undefined));
    expect(await campaignsLockedInThisBrowser(asLocks(locks))).toEqual(new Set());
    await lease.acquire();
    expect(await campaignsLockedInThisBrowser(asLocks(locks))).toEqual(new Set(['c1']));
    await lease.release();
    expect(await campaignsLockedInThisBrowser(asLocks(locks))).toEqual(new Set());
    expect(await campaignsLockedInThisBrowser(null)).toBeUndefined();
  });
});
