import type { ManualClock } from '../../emulator/index';
import type { SendClock } from '../../src/core/sending/ports';

/**
 * A clock that only moves when a test moves it, for the sending engine (and anything else that
 * takes a `SendClock` or an `ApiClock`): hours of emulated time run in milliseconds, and every
 * wait ends exactly when its time comes, in order.
 *
 * `advance` fires the due timers one at a time, earliest first, and lets the promise callbacks
 * behind each one run before the next, so that code which sleeps again after waking (a pacer, a
 * retry loop) is woken again within the same advance when its next time is due.
 *
 * `FakeClock.driving(manual)` also moves the emulator's ManualClock, so that several parties that
 * talk to the emulator (runners racing for a lease, a campaign against the Notification API) share
 * one time with it.
 */
interface Timer {
  due: number;
  /** Creation order: timers due at the same time fire in the order they were set. */
  order: number;
  fire(): void;
}

export class FakeClock implements SendClock {
  private current: number;
  private readonly timers: Timer[] = [];
  private created = 0;
  private mirror: ManualClock | undefined;
  /** Macrotasks to let pass after each timer: more than one where the code under test uses some. */
  private settleRounds = 1;

  /** Starts on a Monday at 09:00 UTC unless told otherwise: far from midnight and DST changes. */
  constructor(start: number = Date.UTC(2025, 0, 6, 9, 0, 0)) {
    this.current = start;
  }

  /** A clock that starts at the emulator's time and moves it along. */
  static driving(manual: ManualClock): FakeClock {
    const clock = new FakeClock(manual.now());
    clock.mirror = manual;
    // The emulator's handlers go through msw, which takes a few macrotasks per request.
    clock.settleRounds = 20;
    return clock;
  }

  now(): number {
    return this.current;
  }

  private get time(): number {
    return this.current;
  }

  private set time(value: number) {
    this.current = value;
    this.mirror?.set(value);
  }

  /** Waits until the clock has been advanced `ms` past now; a wait of 0 or less ends at once. */
  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(signal.reason as unknown);
    if (!(ms > 0)) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const onAbort = (): void => {
        this.remove(timer);
        reject(signal?.reason as unknown);
      };
      const timer: Timer = {
        due: this.time + ms,
        order: this.created++,
        fire: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.insert(timer);
    });
  }

  /** Waits that have not ended yet. */
  get pendingTimers(): number {
    return this.timers.length;
  }

  /** When the next wait ends, if any. */
  get nextTimerAt(): number | undefined {
    return this.timers[0]?.due;
  }

  /** Moves time forward by `ms`, firing every timer due on the way, in order. */
  advance(ms: number): Promise<void> {
    return this.advanceTo(this.time + ms);
  }

  async advanceTo(target: number): Promise<void> {
    await this.settle();
    for (;;) {
      const next = this.timers[0];
      if (!next || next.due > target) break;
      this.timers.shift();
      this.time = Math.max(this.time, next.due);
      next.fire();
      await this.settle();
    }
    this.time = Math.max(this.time, target);
    await this.settle();
  }

  /**
   * Fires timers until none is left (code that keeps sleeping forever never goes idle: `limitMs`
   * of emulated time ends the run).
   */
  async runUntilIdle(limitMs = 24 * 3600_000): Promise<void> {
    const deadline = this.time + limitMs;
    await this.settle();
    for (let due = this.nextTimerAt; due !== undefined && due <= deadline; due = this.nextTimerAt) await this.advanceTo(due);
  }

  /** Fires timers, earliest first, until `work` settles; fails when it waits on nothing. */
  async run<T>(work: Promise<T>): Promise<T> {
    let settled = false;
    work.then(
      () => (settled = true),
      () => (settled = true),
    );
    await this.settle();
    while (!settled) {
      const due = this.nextTimerAt;
      if (due === undefined) throw new Error('The work waits on nothing: it would never settle');
      await this.advanceTo(due);
    }
    return work;
  }

  /** Lets every pending promise callback run, without moving time. */
  flush(): Promise<void> {
    return this.settle();
  }

  private async settle(): Promise<void> {
    for (let round = 0; round < this.settleRounds; round++) await nextMacrotask();
  }

  private insert(timer: Timer): void {
    let low = 0;
    let high = this.timers.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      const other = this.timers[middle] as Timer;
      if (other.due < timer.due || (other.due === timer.due && other.order < timer.order)) low = middle + 1;
      else high = middle;
    }
    this.timers.splice(low, 0, timer);
  }

  private remove(timer: Timer): void {
    const index = this.timers.indexOf(timer);
    if (index >= 0) this.timers.splice(index, 1);
  }
}

/** One macrotask: every microtask queued before it (and those they queue) has run by then. */
function nextMacrotask(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
