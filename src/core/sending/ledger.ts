import type { JournalEntry } from './ports';
import { RECIPIENT_STATES, stateCode, stateOf, type LedgerSnapshot, type RecipientDetail, type RecipientState, type SkipReason, type UnverifiedCause } from './states';

const PENDING = stateCode('pending');
const INFLIGHT = stateCode('inflight');
const UNVERIFIED = stateCode('unverified');

/** An illegal transition is a bug that could send twice or lose a recipient: it stops everything. */
export class LedgerTransitionError extends Error {
  override name = 'LedgerTransitionError';
}

export interface Recovery {
  /** Indexes found possibly sent without a known result: now `unverified`. */
  unverified: number[];
  /** Indexes whose result came back from the local journal. */
  fromJournal: number[];
}

/**
 * One state per recipient of the frozen audience, and the only way to change it. The transitions
 * are those of the issue: pending → inflight → sent | failed | skipped, inflight → pending (a retry
 * the server refused, so nothing was sent), unverified when a send may or may not have gone
 * through, and unverified → pending only when the user asks to re-send.
 */
export class Ledger {
  private readonly states: Uint8Array;
  private readonly details: Map<number, RecipientDetail>;
  private readonly tally: number[];
  /** Every index below is known not to be pending: the scan for the next one starts here. */
  private pendingFloor = 0;

  constructor(size: number) {
    this.states = new Uint8Array(size);
    this.details = new Map();
    this.tally = RECIPIENT_STATES.map((state) => (state === 'pending' ? size : 0));
  }

  /**
   * The ledger as persisted, reconciled with what may have happened after it was last saved. Every
   * index below `reservedThrough` may have been sent. With this browser's journal, the journal says
   * which were in flight (→ unverified), which finished (→ their result) and which never started
   * (→ still pending). Without a journal, every reserved index without a result is unverified:
   * nobody can tell, and a duplicate costs money.
   */
  static restore(snapshot: LedgerSnapshot, reservedThrough: number, journal?: ReadonlyMap<number, JournalEntry>, now = Date.now()): { ledger: Ledger; recovery: Recovery } {
    const ledger = new Ledger(snapshot.size);
    ledger.states.set(snapshot.states);
    for (const [index, detail] of snapshot.details) ledger.details.set(index, { ...detail });
    ledger.tally.fill(0);
    for (const code of ledger.states) ledger.tally[code] = (ledger.tally[code] ?? 0) + 1;
    const recovery: Recovery = { unverified: [], fromJournal: [] };
    const limit = Math.min(reservedThrough, snapshot.size);
    for (let index = 0; index < snapshot.size; index++) {
      const state = ledger.states[index];
      if (state === INFLIGHT) {
        ledger.set(index, 'unverified', { code: 'crash', at: now });
        recovery.unverified.push(index);
        continue;
      }
      if (state !== PENDING || index >= limit) continue;
      const entry = journal?.get(index);
      if (journal && entry === undefined) continue;
      if (entry && entry.state !== 'inflight') {
        ledger.set(index, entry.state, entry.detail);
        recovery.fromJournal.push(index);
        continue;
      }
      ledger.set(index, 'unverified', { code: 'crash', at: now });
      recovery.unverified.push(index);
    }
    return { ledger, recovery };
  }

  get size(): number {
    return this.states.length;
  }

  state(index: number): RecipientState {
    return stateOf(this.states[index] ?? PENDING);
  }

  detail(index: number): RecipientDetail | undefined {
    return this.details.get(index);
  }

  count(state: RecipientState): number {
    return this.tally[stateCode(state)] ?? 0;
  }

  counts(): Record<RecipientState, number> {
    return Object.fromEntries(RECIPIENT_STATES.map((state) => [state, this.count(state)])) as Record<RecipientState, number>;
  }

  /** No recipient is pending or in flight: every one has its final state (unverified included). */
  get finished(): boolean {
    return this.count('pending') === 0 && this.count('inflight') === 0;
  }

  /** The lowest pending index at or after `from`, or -1. */
  nextPending(from = 0): number {
    let index = Math.max(from, this.pendingFloor);
    while (index < this.states.length && this.states[index] !== PENDING) index++;
    if (from <= this.pendingFloor) this.pendingFloor = index;
    return index < this.states.length ? index : -1;
  }

  /** Where a resume starts: the lowest index still pending or in flight. */
  lowestUnfinished(): number {
    for (let index = 0; index < this.states.length; index++) {
      const state = this.states[index];
      if (state === PENDING || state === INFLIGHT) return index;
    }
    return this.states.length;
  }

  markInflight(index: number): void {
    this.transition(index, ['pending'], 'inflight');
  }

  markSent(index: number, at: number): void {
    this.transition(index, ['inflight'], 'sent', { at });
  }

  markFailed(index: number, code: string, at: number): void {
    this.transition(index, ['inflight'], 'failed', { code, at });
  }

  /** Skipped while in flight (the channel refused this one) or while pending (a cancelled campaign). */
  markSkipped(index: number, reason: SkipReason, at: number): void {
    this.transition(index, ['inflight', 'pending'], 'skipped', { code: reason, at });
  }

  markUnverified(index: number, cause: UnverifiedCause, at: number): void {
    this.transition(index, ['inflight'], 'unverified', { code: cause, at });
  }

  /** Back to pending after a refusal that sent nothing (429, 5xx, a stop): it will be tried again. */
  requeue(index: number): void {
    this.transition(index, ['inflight'], 'pending');
    if (index < this.pendingFloor) this.pendingFloor = index;
  }

  /** The user chose to re-send these unverified recipients. Returns the indexes reopened. */
  reopenUnverified(indexes?: readonly number[]): number[] {
    const reopened: number[] = [];
    const candidates = indexes ?? [...this.indexesIn('unverified')];
    for (const index of candidates) {
      if (this.states[index] !== UNVERIFIED) continue;
      this.set(index, 'pending');
      reopened.push(index);
      if (index < this.pendingFloor) this.pendingFloor = index;
    }
    return reopened;
  }

  /** A cancelled campaign: every recipient still pending ends skipped. Returns them. */
  skipAllPending(at: number): number[] {
    const skipped: number[] = [];
    for (const index of this.indexesIn('pending')) {
      this.set(index, 'skipped', { code: 'cancelled', at });
      skipped.push(index);
    }
    return skipped;
  }

  *indexesIn(state: RecipientState): Generator<number> {
    const code = stateCode(state);
    for (let index = 0; index < this.states.length; index++) if (this.states[index] === code) yield index;
  }

  /**
   * What is persisted. `inflight` is never written as such: a recipient in flight is saved as
   * pending, and the reservation watermark (or the journal) decides what it becomes after a crash.
   */
  snapshot(): LedgerSnapshot {
    const states = Uint8Array.from(this.states, (code) => (code === INFLIGHT ? PENDING : code));
    return { size: this.states.length, states, details: new Map(this.details) };
  }

  private transition(index: number, from: readonly RecipientState[], to: RecipientState, detail?: RecipientDetail): void {
    const current = this.state(index);
    if (!from.includes(current)) throw new LedgerTransitionError(`Recipient ${index} cannot go from ${current} to ${to}`);
    this.set(index, to, detail);
  }

  private set(index: number, to: RecipientState, detail?: RecipientDetail): void {
    const before = this.states[index] ?? PENDING;
    const after = stateCode(to);
    this.tally[before] = (this.tally[before] ?? 0) - 1;
    this.tally[after] = (this.tally[after] ?? 0) + 1;
    this.states[index] = after;
    if (detail) this.details.set(index, detail);
    else this.details.delete(index);
  }
}
