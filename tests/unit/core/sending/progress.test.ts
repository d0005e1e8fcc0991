import { describe, expect, it } from 'vitest';
import { ProgressMeter } from '../../../../src/core/sending/progress';
import { RECIPIENT_STATES, stateCode, type LedgerSnapshot, type RecipientState } from '../../../../src/core/sending/states';
import { FakeClock } from '../../../support/fakeClock';

type Counts = Record<RecipientState, number>;

function counts(partial: Partial<Counts>): Counts {
  return { ...(Object.fromEntries(RECIPIENT_STATES.map((state) => [state, 0])) as Counts), ...partial };
}

function ledgerOf(states: RecipientState[]): LedgerSnapshot {
  return { size: states.length, states: Uint8Array.from(states.map(stateCode)), details: new Map() };
}

/** Finishes `perSecond` sends a second for `seconds`, evenly, moving them from pending to sent. */
async function finishSends(clock: FakeClock, meter: ProgressMeter, state: Counts, perSecond: number, seconds: number): Promise<void> {
  const step = 1000 / perSecond;
  for (let send = 0; send < perSecond * seconds; send += 1) {
    await clock.advance(step);
    state.pending -= 1;
    state.sent += 1;
    meter.update(state);
  }
}

describe('ProgressMeter', () => {
  it('counts each state of the ledger it starts from', () => {
    const clock = new FakeClock(0);
    const meter = new ProgressMeter({ clock, targetRate: 8, ledger: ledgerOf(['sent', 'pending', 'pending', 'failed', 'skipped', 'unverified']) });
    const snapshot = meter.snapshot();
    expect(snapshot.counts).toEqual(counts({ sent: 1, pending: 2, failed: 1, skipped: 1, unverified: 1 }));
    expect(snapshot.total).toBe(6);
    expect(snapshot.done).toBe(4);
    expect(snapshot.remaining).toBe(2);
  });

  it('estimates from the target rate before there is a measure', () => {
    const clock = new FakeClock(0);
    const meter = new ProgressMeter({ clock, targetRate: 8, counts: counts({ pending: 300_000 }) });
    const snapshot = meter.snapshot();
    expect(snapshot.measuredRate).toBeUndefined();
    // 300,000 at 8/s: about 10.4 hours.
    expect(snapshot.etaSeconds).toBe(37_500);
    expect(snapshot.total).toBe(300_000);
  });

  it('measures the rate of finished sends over the last 10 s and estimates from it', async () => {
    const clock = new FakeClock(0);
    const state = counts({ pending: 1000 });
    const meter = new ProgressMeter({ clock, targetRate: 8, counts: state });
    await finishSends(clock, meter, state, 5, 20);
    const snapshot = meter.snapshot();
    expect(snapshot.measuredRate).toBeCloseTo(5, 5);
    expect(snapshot.counts.sent).toBe(100);
    expect(snapshot.etaSeconds).toBe(900 / 5);
  });

  it('follows a change of pace within 10 s', async () => {
    const clock = new FakeClock(0);
    const state = counts({ pending: 1000 });
    const meter = new ProgressMeter({ clock, targetRate: 8, counts: state });
    await finishSends(clock, meter, state, 8, 10);
    expect(meter.measuredRate).toBeCloseTo(8, 5);
    await finishSends(clock, meter, state, 2, 10);
    expect(meter.measuredRate).toBeCloseTo(2, 5);
  });

  it('does not count retries as finished sends', async () => {
    const clock = new FakeClock(0);
    const meter = new ProgressMeter({ clock, targetRate: 8, counts: counts({ pending: 10 }) });
    meter.update(counts({ pending: 9, inflight: 1 }));
    await clock.advance(500);
    meter.update(counts({ pending: 10 }));
    await clock.advance(1_500);
    expect(meter.measuredRate).toBe(0);
    // Nothing finishing: no honest ETA.
    expect(meter.snapshot().etaSeconds).toBeUndefined();
  });

  it('reports in-flight recipients as remaining, and held ones among the pending', () => {
    const clock = new FakeClock(0);
    const meter = new ProgressMeter({ clock, targetRate: 10, counts: counts({ pending: 40, inflight: 10, sent: 50 }) });
    meter.setHeld(25);
    const snapshot = meter.snapshot();
    expect(snapshot.remaining).toBe(50);
    expect(snapshot.held).toBe(25);
    expect(snapshot.etaSeconds).toBe(5);
    meter.setHeld(100);
    expect(meter.snapshot().held).toBe(40);
  });

  it('starts a fresh measure on resume: the paused time is not a slow rate', async () => {
    const clock = new FakeClock(0);
    const state = counts({ pending: 1000 });
    const meter = new ProgressMeter({ clock, targetRate: 8, counts: state });
    await finishSends(clock, meter, state, 8, 5);
    await clock.advance(3_600_000);
    meter.restartMeasure();
    expect(meter.measuredRate).toBeUndefined();
    await finishSends(clock, meter, state, 4, 2);
    expect(meter.measuredRate).toBeCloseTo(4, 5);
  });

  it('says 0 s when nothing remains, and the time left at the target rate', () => {
    const clock = new FakeClock(0);
    const meter = new ProgressMeter({ clock, targetRate: 10, counts: counts({ sent: 3 }) });
    expect(meter.snapshot().etaSeconds).toBe(0);
    meter.update(counts({ sent: 3, pending: 20 }));
    expect(meter.snapshot()).toMatchObject({ targetRate: 10, etaSeconds: 2, at: 0 });
  });
});
