import type { ManualClock } from '../../emulator/index';
import type { ApiClock } from '../../src/core/time/clock';

/**
 * A clock for the app's waits that moves the emulator's ManualClock instead of sleeping: rate-limit
 * windows, Retry-After and job polling take emulated time, and no real time. `slept` adds up the
 * waits, for tests that check them.
 */
export interface AdvancingClock extends ApiClock {
  readonly slept: number[];
}

export function advancingClock(clock: ManualClock): AdvancingClock {
  const slept: number[] = [];
  return {
    slept,
    now: () => clock.now(),
    sleep: async (ms, signal) => {
      if (signal?.aborted) throw signal.reason;
      slept.push(ms);
      clock.advance(ms);
    },
  };
}

/** A clock whose waits never end by themselves (only an abort ends them): for cancellation tests. */
export function stuckClock(clock: ManualClock): ApiClock {
  return {
    now: () => clock.now(),
    sleep: () => new Promise<void>(() => undefined),
  };
}
