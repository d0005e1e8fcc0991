import type { SendClock } from './ports';
import { RECIPIENT_STATES, TERMINAL_STATES, stateOf, type LedgerSnapshot, type RecipientState } from './states';

/**
 * What the campaign screen shows while a send runs. Only finished recipients count as done (a
 * fetched or reserved batch never makes the bar jump), the rate is measured on what really
 * finished, and the ETA comes from that measure (the listmonk lesson: show an honest ETA).
 */
export interface SendProgress {
  /** When the snapshot was taken (ms since epoch). */
  at: number;
  /** Recipients in the frozen audience. */
  total: number;
  /** Recipients in each state. */
  counts: Readonly<Record<RecipientState, number>>;
  /** Recipients in a final state: sent + failed + skipped + unverified. */
  done: number;
  /** Recipients still to send: pending + inflight. */
  remaining: number;
  /** Pending recipients held by their quiet hours right now (part of `remaining`). */
  held: number;
  /** Finished sends per second over the last 10 s; undefined until there is a measure. */
  measuredRate: number | undefined;
  /** The rate the pacer aims at (messages per second). */
  targetRate: number;
  /**
   * Seconds until `remaining` is done at the measured rate (the target rate before there is a
   * measure); undefined when nothing is finishing (a rate-limit pause, everyone held). It ignores
   * quiet hours: with recipients held it is a lower bound.
   */
  etaSeconds: number | undefined;
}

export interface ProgressMeterOptions {
  clock: SendClock;
  targetRate: number;
  /** The ledger as the run found it: a resumed campaign starts with its counts. */
  ledger?: LedgerSnapshot;
  /** Or its counts, when the caller has them already (with `total`, else their sum). */
  counts?: Readonly<Record<RecipientState, number>>;
  total?: number;
}

const MEASURE_WINDOW_MS = 10_000;
/** Below this much measuring time, a rate is noise: the target rate stands in for it. */
const MIN_MEASURE_MS = 1000;

/**
 * Fed with the ledger's counts after each change (`update`): the growth of the finished count
 * between two updates is the number of sends that finished, which is what the measured rate
 * counts. Retries (inflight back to pending) finish nothing.
 */
export class ProgressMeter {
  private readonly clock: SendClock;
  private counts: Record<RecipientState, number> = zeroCounts();
  private total = 0;
  private heldCount = 0;
  private readonly target: number;
  /** When sends finished within the measure window, oldest first, from `finishedHead` on. */
  private finished: number[] = [];
  private finishedHead = 0;
  private measuringSince: number;

  constructor(options: ProgressMeterOptions) {
    this.clock = options.clock;
    this.target = options.targetRate;
    this.measuringSince = options.clock.now();
    if (options.ledger) this.load(options.ledger);
    else if (options.counts) this.reset(options.counts, options.total);
  }

  /** Counts every recipient of the ledger afresh; nothing counts as just finished. */
  load(ledger: LedgerSnapshot): void {
    const counts = zeroCounts();
    for (let index = 0; index < ledger.size; index += 1) counts[stateOf(ledger.states[index] ?? 0)] += 1;
    this.reset(counts, ledger.size);
  }

  /** The counts now; the finished count's growth since the last update is sends that finished now. */
  update(counts: Readonly<Record<RecipientState, number>>): void {
    const finishedNow = doneOf(counts) - doneOf(this.counts);
    this.counts = { ...counts };
    if (finishedNow <= 0) return;
    const now = this.clock.now();
    for (let finished = 0; finished < finishedNow; finished += 1) this.finished.push(now);
    this.forgetBefore(now - MEASURE_WINDOW_MS);
  }

  /** Pending recipients held by quiet hours now (the runner knows them, the meter shows them). */
  setHeld(count: number): void {
    this.heldCount = Math.max(0, count);
  }

  /**
   * Starts measuring anew: after a pause the time stopped is not a slow rate. Call it when the
   * run starts or resumes.
   */
  restartMeasure(): void {
    this.finished = [];
    this.finishedHead = 0;
    this.measuringSince = this.clock.now();
  }

  /** Finished sends per second over the last 10 s, or undefined before a second of measure. */
  get measuredRate(): number | undefined {
    const now = this.clock.now();
    const span = Math.min(MEASURE_WINDOW_MS, now - this.measuringSince);
    if (span < MIN_MEASURE_MS) return undefined;
    this.forgetBefore(now - span);
    return ((this.finished.length - this.finishedHead) * 1000) / span;
  }

  snapshot(): SendProgress {
    const counts = { ...this.counts };
    const remaining = counts.pending + counts.inflight;
    const done = doneOf(counts);
    const measuredRate = this.measuredRate;
    const rate = measuredRate ?? this.target;
    return {
      at: this.clock.now(),
      total: this.total,
      counts,
      done,
      remaining,
      held: Math.min(this.heldCount, counts.pending),
      measuredRate,
      targetRate: this.target,
      etaSeconds: remaining === 0 ? 0 : rate > 0 ? Math.ceil(remaining / rate) : undefined,
    };
  }

  private reset(counts: Readonly<Record<RecipientState, number>>, total?: number): void {
    this.counts = { ...counts };
    this.total = total ?? RECIPIENT_STATES.reduce((sum, state) => sum + counts[state], 0);
  }

  private forgetBefore(limit: number): void {
    while (this.finishedHead < this.finished.length && (this.finished[this.finishedHead] as number) <= limit) this.finishedHead += 1;
    if (this.finishedHead > 1024 && this.finishedHead * 2 > this.finished.length) {
      this.finished = this.finished.slice(this.finishedHead);
      this.finishedHead = 0;
    }
  }
}

function zeroCounts(): Record<RecipientState, number> {
  return Object.fromEntries(RECIPIENT_STATES.map((state) => [state, 0])) as Record<RecipientState, number>;
}

function doneOf(counts: Readonly<Record<RecipientState, number>>): number {
  let done = 0;
  for (const state of TERMINAL_STATES) done += counts[state];
  return done;
}
