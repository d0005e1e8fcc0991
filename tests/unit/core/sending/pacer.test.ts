import { describe, expect, it } from 'vitest';
import { defaultMaxInFlight, Pacer } from '../../../../src/core/sending/pacer';
import { FakeClock } from '../../../support/fakeClock';
import { shareOutsideWindows, type RetryAfterWindow } from '../../../support/retryAfterWindows';

interface Run {
  clock: FakeClock;
  pacer: Pacer;
  /** Start times, in order. */
  starts: number[];
  /** The most sends started and not yet released at any moment. */
  peakInFlight: () => number;
  /** [refusal, end of its Retry-After] of every send the API refused. */
  refusals: RetryAfterWindow[];
  /** Stops the workers (their waits end at once) and waits for them. */
  stop: () => Promise<void>;
}

/**
 * Workers that send as fast as the pacer lets them, each send taking `sendMs` of emulated time,
 * as the runner will drive it: acquire, send, release, report the outcome. `refuse` plays the
 * API's rate limiter: given when a send is answered, the Retry-After of a 429 (`null` for a 429
 * without one), or undefined when it accepts.
 */
function startWorkers(options: {
  rate: number;
  workers: number;
  sendMs: number;
  maxInFlight?: number;
  start?: number;
  refuse?: (answeredAt: number) => number | null | undefined;
}): Run {
  const clock = new FakeClock(options.start ?? 0);
  const pacer = new Pacer({ rate: options.rate, clock, maxInFlight: options.maxInFlight });
  const starts: number[] = [];
  const halt = new AbortController();
  let inFlight = 0;
  let peak = 0;
  const refusals: RetryAfterWindow[] = [];
  const worker = async (): Promise<void> => {
    for (;;) {
      let startedAt: number;
      try {
        startedAt = await pacer.acquire(halt.signal);
      } catch {
        return;
      }
      starts.push(clock.now());
      inFlight += 1;
      peak = Math.max(peak, inFlight);
      await clock.sleep(options.sendMs);
      inFlight -= 1;
      pacer.release();
      const retryAfterMs = options.refuse?.(clock.now());
      if (retryAfterMs === undefined) pacer.onSuccess(startedAt);
      else {
        refusals.push([clock.now(), clock.now() + (retryAfterMs ?? 0)]);
        pacer.onRateLimited(startedAt, retryAfterMs ?? undefined);
      }
    }
  };
  const workers = Array.from({ length: options.workers }, () => worker());
  return {
    clock,
    pacer,
    starts,
    peakInFlight: () => peak,
    refusals,
    stop: async () => {
      halt.abort(new Error('stopped'));
      await clock.runUntilIdle();
      await Promise.all(workers);
    },
  };
}

/** The most starts in any one-second window [t, t + 1000), whatever t (not only whole seconds). */
function busiestSecond(starts: readonly number[]): number {
  let busiest = 0;
  let first = 0;
  for (let last = 0; last < starts.length; last += 1) {
    while ((starts[last] as number) - (starts[first] as number) >= 1000) first += 1;
    busiest = Math.max(busiest, last - first + 1);
  }
  return busiest;
}

function startsBetween(starts: readonly number[], from: number, to: number): number[] {
  return starts.filter((start) => start >= from && start < to);
}

describe('Pacer: the target rate', () => {
  it.each([8, 80])('at %i/s over 30 emulated seconds: no one-second window over the rate, and at least 98 percent of it achieved', async (rate) => {
    const run = startWorkers({ rate, workers: rate * 2, sendMs: 300 });
    await run.clock.advance(30_000);
    const starts = startsBetween(run.starts, 0, 30_000);
    await run.stop();

    expect(busiestSecond(run.starts)).toBeLessThanOrEqual(rate);
    expect(starts.length / 30).toBeGreaterThanOrEqual(0.98 * rate);
    expect(starts.length / 30).toBeLessThanOrEqual(rate);
  });

  it('spaces sends evenly instead of bursting at the top of each second', async () => {
    const run = startWorkers({ rate: 8, workers: 20, sendMs: 300 });
    await run.clock.advance(5_000);
    await run.stop();
    const gaps = run.starts.slice(1).map((start, index) => start - (run.starts[index] as number));
    // A second and its 10 ms of allowance for late sends, over 8: 126.25 ms, in whole ms.
    expect([...new Set(gaps)].sort()).toEqual([126, 127]);
  });

  it('spaces fractional intervals in whole milliseconds without drifting (80/s: 12 or 13 ms)', async () => {
    const run = startWorkers({ rate: 80, workers: 100, sendMs: 50 });
    await run.clock.advance(2_000);
    await run.stop();
    const gaps = new Set(run.starts.slice(1).map((start, index) => start - (run.starts[index] as number)));
    expect([...gaps].sort()).toEqual([12, 13]);
    // One every 1010 / 80 = 12.625 ms, with no drift: 159 starts from 0 to 2 s.
    expect(startsBetween(run.starts, 0, 2_000)).toHaveLength(159);
  });

  it('holds the hard cap at 1000/s too', async () => {
    const run = startWorkers({ rate: 1000, workers: 300, sendMs: 100 });
    await run.clock.advance(3_000);
    await run.stop();
    expect(busiestSecond(run.starts)).toBeLessThanOrEqual(1000);
    expect(startsBetween(run.starts, 0, 3_000).length).toBeGreaterThanOrEqual(0.98 * 3000);
  });

  it.each([
    [80, 3],
    [1000, 4],
  ])('keeps the rate at %i/s when every timer wakes %i ms late, as browsers do, without breaking the cap', async (rate, lateMs) => {
    const clock = new FakeClock(0);
    const lateClock = { now: () => clock.now(), sleep: (ms: number, signal?: AbortSignal) => clock.sleep(ms + lateMs, signal) };
    const pacer = new Pacer({ rate, clock: lateClock });
    const starts: number[] = [];
    const halt = new AbortController();
    const worker = async (): Promise<void> => {
      for (;;) {
        try {
          await pacer.acquire(halt.signal);
        } catch {
          return;
        }
        starts.push(clock.now());
        await clock.sleep(100);
        pacer.release();
      }
    };
    const workers = Array.from({ length: 256 }, () => worker());
    await clock.advance(5_000);
    halt.abort(new Error('stopped'));
    await clock.runUntilIdle();
    await Promise.all(workers);
    expect(busiestSecond(starts)).toBeLessThanOrEqual(rate);
    expect(startsBetween(starts, 0, 5_000).length).toBeGreaterThanOrEqual(0.98 * rate * 5);
  });

  it('serves waiters first come, first served', async () => {
    const clock = new FakeClock(0);
    const pacer = new Pacer({ rate: 2, clock });
    const order: number[] = [];
    const all = [1, 2, 3, 4].map((id) => pacer.acquire().then(() => order.push(id)));
    await clock.advance(2_000);
    await Promise.all(all);
    expect(order).toEqual([1, 2, 3, 4]);
  });

  it('refuses rates outside 1 to 1000 and fractional rates', () => {
    const clock = new FakeClock(0);
    for (const rate of [0, -1, 1001, 2.5, Number.NaN]) expect(() => new Pacer({ rate, clock })).toThrow(RangeError);
    expect(() => new Pacer({ rate: 8, clock, maxInFlight: 0 })).toThrow(RangeError);
  });
});

describe('Pacer: sends in flight', () => {
  it('defaults to two seconds of sends, from 8 to 256', () => {
    expect(defaultMaxInFlight(1)).toBe(8);
    expect(defaultMaxInFlight(8)).toBe(16);
    expect(defaultMaxInFlight(80)).toBe(160);
    expect(defaultMaxInFlight(1000)).toBe(256);
  });

  it('never has more than maxInFlight sends started and not released, and goes on as they settle', async () => {
    // 80/s with sends of 5 s would hold 400 open requests; the default bound is 160.
    const run = startWorkers({ rate: 80, workers: 500, sendMs: 5_000 });
    await run.clock.advance(20_000);
    await run.stop();
    expect(run.peakInFlight()).toBe(160);
    expect(run.pacer.maxInFlight).toBe(160);
    // 160 sends every 5 s once the bound is reached.
    expect(startsBetween(run.starts, 10_000, 20_000).length).toBe(320);
  });

  it('honours an explicit bound', async () => {
    const run = startWorkers({ rate: 8, workers: 10, sendMs: 2_000, maxInFlight: 3 });
    await run.clock.advance(10_000);
    await run.stop();
    expect(run.peakInFlight()).toBe(3);
  });

  it('refuses a release without an acquire', () => {
    expect(() => new Pacer({ rate: 8, clock: new FakeClock(0) }).release()).toThrow();
  });
});

describe('Pacer: rate limits', () => {
  it('a rate limit: nothing starts until its Retry-After ends, then at half the rate, back at the target within a second of successes', async () => {
    const run = startWorkers({ rate: 8, workers: 16, sendMs: 200 });
    await run.clock.advance(5_000);
    expect(run.pacer.currentRate).toBe(8);

    run.pacer.onRateLimited(run.starts.at(-1) as number, 7_000);
    expect(run.pacer.currentRate).toBe(4);
    expect(run.pacer.pausedUntil).toBe(12_000);
    const startedBefore = run.starts.length;
    await run.clock.advance(6_999);
    // (A start at 5 000 itself came before the rate limit.)
    expect(run.starts.slice(startedBefore)).toEqual([]);
    await run.clock.advance(1);
    expect(run.starts.slice(startedBefore)).toEqual([12_000]);

    // At half the rate first…
    await run.clock.advance(300);
    expect(startsBetween(run.starts, 12_000, 12_300)).toHaveLength(2);
    // …then each second of successes doubles it: the target is back about a second after the hold.
    await run.clock.advanceTo(13_500);
    expect(run.pacer.currentRate).toBe(8);
    await run.clock.advanceTo(30_000);
    const recovered = startsBetween(run.starts, 20_000, 30_000);
    await run.stop();
    // One every 1010 / 8 ms: 79 or 80 in 10 s, as the phase falls.
    expect(recovered.length).toBeGreaterThanOrEqual(79);
    expect(recovered.length).toBeLessThanOrEqual(80);
    expect(busiestSecond(run.starts)).toBeLessThanOrEqual(8);
  });

  it('after a volley of 429s (Retry-After 1 s) from every send in flight at 40/s, the 10 s after the hold achieve at least 90 % of 40/s, never more than 40 in any second', async () => {
    const run = startWorkers({ rate: 40, workers: 80, sendMs: 300, refuse: (answeredAt) => (answeredAt >= 5_000 && answeredAt < 5_300 ? 1_000 : undefined) });
    await run.clock.advance(20_000);
    await run.stop();
    const holdEnd = Math.max(...run.refusals.map(([, until]) => until));
    // Each send in flight was refused, and each refusal's Retry-After was honoured.
    expect(run.refusals.length).toBeGreaterThanOrEqual(10);
    expect(startsBetween(run.starts, 5_001, holdEnd)).toEqual([]);
    expect(startsBetween(run.starts, holdEnd, holdEnd + 10_000).length).toBeGreaterThanOrEqual(0.9 * 40 * 10);
    expect(run.pacer.currentRate).toBe(40);
    expect(busiestSecond(run.starts)).toBeLessThanOrEqual(40);
  });

  it('with a burst of 429s every 15 s at 40/s (3 s each, Retry-After 1 or 2 s), sends at least 85 % of the target outside the Retry-After windows, never more than 40 in any second', async () => {
    // Each burst outlasts the first hold: the first sends after it are refused too, and cut the
    // rate again (to a quarter), which it then wins back in about two seconds.
    let refused = 0;
    const inBurst = (at: number) => at % 15_000 >= 5_000 && at % 15_000 < 8_000;
    const run = startWorkers({ rate: 40, workers: 80, sendMs: 300, refuse: (answeredAt) => (inBurst(answeredAt) ? (refused++ % 2 === 0 ? 1_000 : 2_000) : undefined) });
    await run.clock.advance(90_000);
    const starts = startsBetween(run.starts, 0, 90_000);
    await run.stop();
    expect(refused).toBeGreaterThan(0);
    expect(shareOutsideWindows(starts, run.refusals, 40)).toBeGreaterThanOrEqual(0.85);
    expect(busiestSecond(run.starts)).toBeLessThanOrEqual(40);
  });

  it('refusals of sends that left before the cut are the same congestion, however late they come: one cut, each Retry-After honoured', async () => {
    const clock = new FakeClock(0);
    const pacer = new Pacer({ rate: 40, clock });
    await clock.advance(3_000);
    // A slow API: a send that left at 1 s is refused at 3 s.
    pacer.onRateLimited(1_000, 1_000);
    expect(pacer.currentRate).toBe(20);
    expect(pacer.pausedUntil).toBe(4_000);
    // Another that left before the cut is refused 1.5 s after it: no second cut, but its wait holds.
    await clock.advance(1_500);
    pacer.onRateLimited(2_900, 2_000);
    expect(pacer.currentRate).toBe(20);
    expect(pacer.pausedUntil).toBe(6_500);
    // A send that left after the hold is refused too: the API still says too many, the rate halves again.
    await clock.advance(2_300);
    pacer.onRateLimited(6_500, 1_000);
    expect(pacer.currentRate).toBe(10);
  });

  it('without Retry-After, a volley of refusals from the sends in flight holds about a second, not one backoff more per refusal', async () => {
    const clock = new FakeClock(0);
    const pacer = new Pacer({ rate: 40, clock });
    await clock.advance(1_000);
    for (let send = 0; send < 12; send += 1) pacer.onRateLimited(700 + send * 25);
    const hold = (pacer.pausedUntil ?? 0) - clock.now();
    expect(hold).toBeGreaterThanOrEqual(500);
    expect(hold).toBeLessThanOrEqual(1_000);
    expect(pacer.currentRate).toBe(20);
  });

  it('backs off without Retry-After, longer after each congestion event in a row, until a send after the hold is accepted', async () => {
    const clock = new FakeClock(0);
    const pacer = new Pacer({ rate: 8, clock });
    pacer.onRateLimited(-100);
    const first = (pacer.pausedUntil ?? 0) - clock.now();
    expect(first).toBeGreaterThanOrEqual(500);
    expect(first).toBeLessThanOrEqual(1_000);
    // Three more events in a row: each time the first send after the hold is refused again.
    const refuseFirstAfterHold = async (): Promise<void> => {
      const startedAt = pacer.pausedUntil as number;
      await clock.advanceTo(startedAt + 100);
      pacer.onRateLimited(startedAt);
    };
    for (let event = 2; event <= 4; event += 1) await refuseFirstAfterHold();
    const fourth = (pacer.pausedUntil ?? 0) - clock.now();
    expect(fourth).toBeGreaterThanOrEqual(4_000);
    expect(fourth).toBeLessThanOrEqual(8_000);
    // A send after the hold is accepted: the next rate limit waits about a second again.
    const startedAt = pacer.pausedUntil as number;
    await clock.advanceTo(startedAt + 100);
    pacer.onSuccess(startedAt);
    await clock.advance(100);
    pacer.onRateLimited(clock.now() - 50);
    const next = (pacer.pausedUntil ?? 0) - clock.now();
    expect(next).toBeGreaterThanOrEqual(500);
    expect(next).toBeLessThanOrEqual(1_000);
  });

  it('a rate won back spaces the very next start: a waiter does not sleep out a slot set at the lower rate', async () => {
    const clock = new FakeClock(0);
    const pacer = new Pacer({ rate: 40, clock });
    // Five events in a row (each a refusal of a send that left after the previous cut): 40/s down
    // to 1.25/s, a send every 808 ms.
    for (let cut = 0; cut < 5; cut += 1) pacer.onRateLimited(cut, 0);
    expect(pacer.currentRate).toBe(1.25);
    await clock.advance(10);
    const first = await pacer.acquire();
    let second: number | undefined;
    void pacer.acquire().then((startedAt) => (second = startedAt));
    // The first send is accepted 300 ms later: about 2.5/s, a send every 406 ms.
    await clock.advance(300);
    pacer.onSuccess(first);
    expect(pacer.currentRate).toBeGreaterThan(2.4);
    await clock.advance(200);
    expect(second).toBeGreaterThan(400);
    expect(second).toBeLessThan(450);
  });

  it('never goes below 1/s', async () => {
    const clock = new FakeClock(0);
    const pacer = new Pacer({ rate: 8, clock });
    for (let cut = 0; cut < 10; cut += 1) {
      pacer.onRateLimited(clock.now(), 0);
      await clock.advance(1_000);
    }
    expect(pacer.currentRate).toBe(1);
  });

  it('does not count the hold as success, nor the success of a send that left before the cut', async () => {
    const clock = new FakeClock(0);
    const pacer = new Pacer({ rate: 10, clock });
    pacer.onRateLimited(0, 30_000);
    await clock.advance(30_000);
    pacer.onSuccess(30_000);
    expect(pacer.currentRate).toBe(5);
    await clock.advance(500);
    pacer.onSuccess(-200);
    expect(pacer.currentRate).toBe(5);
    // Half a second of successes after the hold: √2 times the rate.
    pacer.onSuccess(30_100);
    expect(pacer.currentRate).toBeCloseTo(5 * Math.SQRT2);
  });
});

describe('Pacer: aborts', () => {
  it('an abort during a rate-limit pause rejects at once, with the signal’s reason, without waiting the pause out', async () => {
    const clock = new FakeClock(0);
    const pacer = new Pacer({ rate: 8, clock });
    pacer.onRateLimited(0, 60_000);
    const pause = new AbortController();
    const waiting = pacer.acquire(pause.signal);
    let settled = false;
    waiting.catch(() => undefined).finally(() => (settled = true));
    await clock.advance(1_000);
    expect(settled).toBe(false);

    const reason = new Error('paused by the user');
    pause.abort(reason);
    await expect(waiting).rejects.toBe(reason);
    expect(clock.now()).toBe(1_000);
    expect(pacer.waiting).toBe(0);
  });

  it('an abort while waiting for a slot rejects that waiter only; the others keep their turn', async () => {
    const clock = new FakeClock(0);
    const pacer = new Pacer({ rate: 1, clock });
    await pacer.acquire();
    const first = new AbortController();
    const leaving = pacer.acquire(first.signal);
    const staying = pacer.acquire();
    first.abort(new Error('cancelled'));
    await expect(leaving).rejects.toThrow('cancelled');
    let started: number | undefined;
    void staying.then(() => (started = clock.now()));
    await clock.advance(1_010);
    expect(started).toBe(1_010);
  });

  it('an abort while waiting for a send to settle rejects at once', async () => {
    const clock = new FakeClock(0);
    const pacer = new Pacer({ rate: 8, clock, maxInFlight: 1 });
    await pacer.acquire();
    const controller = new AbortController();
    const waiting = pacer.acquire(controller.signal);
    await clock.advance(5_000);
    controller.abort(new Error('stop'));
    await expect(waiting).rejects.toThrow('stop');
  });

  it('an already aborted signal rejects without taking a slot', async () => {
    const clock = new FakeClock(0);
    const pacer = new Pacer({ rate: 8, clock });
    const controller = new AbortController();
    controller.abort(new Error('already'));
    await expect(pacer.acquire(controller.signal)).rejects.toThrow('already');
    expect(pacer.inFlight).toBe(0);
  });

  it('a retry backoff on the same clock ends at once on pause, as the runner sleeps it', async () => {
    const clock = new FakeClock(0);
    const pause = new AbortController();
    const backoff = clock.sleep(20_000, pause.signal);
    await clock.advance(3_000);
    pause.abort(new Error('paused'));
    await expect(backoff).rejects.toThrow('paused');
    expect(clock.now()).toBe(3_000);
    expect(clock.pendingTimers).toBe(0);
  });
});

