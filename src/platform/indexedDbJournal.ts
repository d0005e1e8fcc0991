import type { JournalEntry, LocalJournal } from '../core/sending/ports';

type Finished = Exclude<JournalEntry, { state: 'inflight' }>;

/**
 * The sending journal in this browser's IndexedDB: one database per campaign run, holding an
 * `entries` store (recipient index → entry) and a `meta` store (the reservation watermark). A
 * database per run, rather than a store per run in one shared database, because stores can only be
 * added by a version upgrade, which every other open tab would block; and clearing a run is then
 * deleting its database.
 *
 * `begin` resolves once its transaction has committed, with strict durability (Chromium otherwise
 * reports a commit before the data reaches the disk): the entry must outlive a crash that follows
 * the send it precedes. Results are buffered, and written by the next `begin` or `flush`.
 */

const ENTRIES = 'entries';
const META = 'meta';
const RESERVATION_KEY = 'reservedThrough';
const SCHEMA_VERSION = 1;

export function journalDatabaseName(runKey: string): string {
  return `herald-journal:${runKey}`;
}

export class IndexedDbJournal implements LocalJournal {
  private readonly name: string;
  private readonly factory: IDBFactory;
  private connection: Promise<IDBDatabase> | undefined;
  private readonly buffered = new Map<number, Finished>();

  /** `runKey` names the campaign run (the campaign id). */
  constructor(runKey: string, options: { factory?: IDBFactory } = {}) {
    this.name = journalDatabaseName(runKey);
    this.factory = options.factory ?? indexedDB;
  }

  async begin(indexes: readonly number[]): Promise<void> {
    for (const index of indexes) this.buffered.delete(index);
    // The results buffered since the last write ride along: one transaction per send keeps the
    // journal at most one send behind, at no extra cost.
    const batch = [...this.buffered];
    this.buffered.clear();
    try {
      await this.write((entries) => {
        for (const [index, entry] of batch) entries.put(entry, index);
        for (const index of indexes) entries.put({ state: 'inflight' } satisfies JournalEntry, index);
      });
    } catch (error) {
      this.keepUnwritten(batch);
      throw error;
    }
  }

  finish(index: number, entry: Finished): void {
    this.buffered.set(index, entry);
  }

  async flush(): Promise<void> {
    if (this.buffered.size === 0) return;
    const batch = [...this.buffered];
    this.buffered.clear();
    try {
      await this.write((entries) => {
        for (const [index, entry] of batch) entries.put(entry, index);
      });
    } catch (error) {
      this.keepUnwritten(batch);
      throw error;
    }
  }

  /** Results a failed write did not store go back in the buffer, unless a newer one replaced them. */
  private keepUnwritten(batch: ReadonlyArray<[number, Finished]>): void {
    for (const [index, entry] of batch) if (!this.buffered.has(index)) this.buffered.set(index, entry);
  }

  async noteReservation(through: number): Promise<void> {
    await this.write((_, meta) => meta.put(through, RESERVATION_KEY));
  }

  async read(): Promise<{ entries: ReadonlyMap<number, JournalEntry>; reservedThrough: number } | undefined> {
    const database = this.connection ? await this.connection : await this.openExisting();
    if (!database) return undefined;
    const transaction = database.transaction([ENTRIES, META], 'readonly');
    const [keys, values, reservedThrough] = await Promise.all([
      request<IDBValidKey[]>(transaction.objectStore(ENTRIES).getAllKeys()),
      request<JournalEntry[]>(transaction.objectStore(ENTRIES).getAll()),
      request<unknown>(transaction.objectStore(META).get(RESERVATION_KEY)),
      completion(transaction),
    ]);
    // Both lists come in key order from the same transaction: the n-th value is the n-th key's.
    const entries = new Map<number, JournalEntry>();
    keys.forEach((key, position) => {
      const entry = values[position];
      if (typeof key === 'number' && entry) entries.set(key, entry);
    });
    return { entries, reservedThrough: typeof reservedThrough === 'number' ? reservedThrough : 0 };
  }

  /** Deletes the run's database; results not flushed are dropped too. */
  async clear(): Promise<void> {
    this.buffered.clear();
    const open = this.connection;
    this.connection = undefined;
    if (open) (await open.catch(() => undefined))?.close();
    await new Promise<void>((resolve, reject) => {
      const deletion = this.factory.deleteDatabase(this.name);
      deletion.onsuccess = () => resolve();
      deletion.onerror = () => reject(deletion.error ?? new Error(`Could not delete ${this.name}`));
    });
  }

  private async write(work: (entries: IDBObjectStore, meta: IDBObjectStore) => void): Promise<void> {
    const database = await this.open();
    const transaction = database.transaction([ENTRIES, META], 'readwrite', { durability: 'strict' });
    work(transaction.objectStore(ENTRIES), transaction.objectStore(META));
    await completion(transaction);
  }

  /** The run's database, created on first use; kept open. */
  private open(): Promise<IDBDatabase> {
    this.connection ??= new Promise<IDBDatabase>((resolve, reject) => {
      const opening = this.factory.open(this.name, SCHEMA_VERSION);
      opening.onupgradeneeded = () => {
        opening.result.createObjectStore(ENTRIES);
        opening.result.createObjectStore(META);
      };
      opening.onsuccess = () => resolve(this.watch(opening.result));
      opening.onerror = () => reject(opening.error ?? new Error(`Could not open ${this.name}`));
      opening.onblocked = () => reject(new Error(`${this.name} is blocked by another tab`));
    }).catch((error: unknown) => {
      this.connection = undefined;
      throw error;
    });
    return this.connection;
  }

  /** The run's database if this browser has it; never creates it (an aborted creation leaves nothing). */
  private openExisting(): Promise<IDBDatabase | undefined> {
    return new Promise((resolve, reject) => {
      let missing = false;
      const opening = this.factory.open(this.name);
      opening.onupgradeneeded = (event) => {
        if (event.oldVersion !== 0) return;
        missing = true;
        opening.transaction?.abort();
      };
      opening.onsuccess = () => {
        const database = this.watch(opening.result);
        // Kept for the next calls, unless it is a database of another shape (an older journal).
        if (!database.objectStoreNames.contains(ENTRIES) || !database.objectStoreNames.contains(META)) {
          database.close();
          resolve(undefined);
          return;
        }
        this.connection ??= Promise.resolve(database);
        resolve(database);
      };
      opening.onerror = (event) => {
        if (missing) {
          // The abort is the expected outcome: no error for the page.
          event.preventDefault();
          resolve(undefined);
        } else reject(opening.error ?? new Error(`Could not open ${this.name}`));
      };
    });
  }

  /** Lets another tab delete or upgrade the database: this tab closes it and reopens when needed. */
  private watch(database: IDBDatabase): IDBDatabase {
    database.onversionchange = () => {
      database.close();
      this.connection = undefined;
    };
    return database;
  }
}

function request<T>(pending: IDBRequest): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    pending.onsuccess = () => resolve(pending.result as T);
    pending.onerror = () => reject(pending.error ?? new Error('IndexedDB request failed'));
  });
}

/** Resolves once the transaction has committed; rejects when it aborts. */
function completion(transaction: IDBTransaction): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB transaction aborted'));
    transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB transaction failed'));
  });
}
