import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../../emulator/clock';
import { FakeClock } from '../../../support/fakeClock';

describe('FakeClock (test support)', () => {
  it('ends sleeps when time is advanced past them, in order', async () => {
    const clock = new FakeClock(0);
    const woken: Array<[string, number]> = [];
    void clock.sleep(300).then(() => woken.push(['c', clock.now()]));
    void clock.sleep(100).then(() => woken.push(['a', clock.now()]));
    void clock.sleep(100).then(() => woken.push(['b', clock.now()]));
    await clock.advance(99);
    expect(woken).toEqual([]);
    await clock.advance(500);
    expect(woken).toEqual([
      ['a', 100],
      ['b', 100],
      ['c', 300],
    ]);
    expect(clock.now()).toBe(599);
  });

  it('runs chained sleeps within one advance', async () => {
    const clock = new FakeClock(0);
    const ticks: number[] = [];
    void (async () => {
      for (let tick = 0; tick < 5; tick += 1) {
        await clock.sleep(10);
        ticks.push(clock.now());
      }
    })();
    await clock.advance(45);
    expect(ticks).toEqual([10, 20, 30, 40]);
    await clock.runUntilIdle();
    expect(ticks).toEqual([10, 20, 30, 40, 50]);
    expect(clock.pendingTimers).toBe(0);
  });

  it('rejects at once on abort, with the signal’s reason, and forgets the timer', async () => {
    const clock = new FakeClock(0);
    const controller = new AbortController();
    const sleeping = clock.sleep(1_000, controller.signal);
    const reason = new Error('pause');
    controller.abort(reason);
    await expect(sleeping).rejects.toBe(reason);
    expect(clock.pendingTimers).toBe(0);
    await expect(clock.sleep(10, controller.signal)).rejects.toBe(reason);
  });

  it('ends a sleep of zero at once', async () => {
    await expect(new FakeClock(0).sleep(0)).resolves.toBeUndefined();
  });

  it('moves the emulator’s clock along when it drives it, and runs work until it settles', async () => {
    const manual = new ManualClock(1_000);
    const clock = FakeClock.driving(manual);
    const work = clock.sleep(250).then(() => clock.sleep(250)).then(() => 'done');
    expect(await clock.run(work)).toBe('done');
    expect(manual.now()).toBe(1_500);
    await expect(clock.run(new Promise(() => undefined))).rejects.toThrow(/waits on nothing/);
  });
});
