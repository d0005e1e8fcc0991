import type { JournalEntry, LocalJournal } from '../../src/core/sending/ports';

type Finished = Exclude<JournalEntry, { state: 'inflight' }>;

/**
 * A journal in memory that behaves like the IndexedDB one: `begin` is durable at once, results are
 * buffered until the next `begin` or `flush`. A test keeps the object across runners, as a
 * browser keeps its IndexedDB across reloads; `crash()` drops what was not written yet, as closing
 * the tab would.
 */
export class MemoryJournal implements LocalJournal {
  private readonly durable = new Map<number, JournalEntry>();
  private readonly buffered = new Map<number, Finished>();
  private reservedThrough = 0;
  private exists = false;

  async begin(indexes: readonly number[]): Promise<void> {
    this.exists = true;
    // A result buffered for an earlier attempt is older than this begin.
    for (const index of indexes) this.buffered.delete(index);
    // As in IndexedDB, the buffered results are written with the begin.
    await this.flush();
    for (const index of indexes) this.durable.set(index, { state: 'inflight' });
  }

  finish(index: number, entry: Finished): void {
    this.buffered.set(index, entry);
  }

  async flush(): Promise<void> {
    if (this.buffered.size === 0) return;
    this.exists = true;
    for (const [index, entry] of this.buffered) this.durable.set(index, entry);
    this.buffered.clear();
  }

  async noteReservation(through: number): Promise<void> {
    this.exists = true;
    this.reservedThrough = through;
  }

  /** What was made durable: unflushed results are not there, as after a reload. */
  async read(): Promise<{ entries: ReadonlyMap<number, JournalEntry>; reservedThrough: number } | undefined> {
    if (!this.exists) return undefined;
    return { entries: new Map(this.durable), reservedThrough: this.reservedThrough };
  }

  async clear(): Promise<void> {
    this.durable.clear();
    this.buffered.clear();
    this.reservedThrough = 0;
    this.exists = false;
  }

  /** Loses the results not flushed yet: the tab closed or crashed. */
  crash(): void {
    this.buffered.clear();
  }

  /** Results waiting for a flush. */
  get unflushed(): number {
    return this.buffered.size;
  }
}
