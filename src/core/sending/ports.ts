import type { StopReason } from './errorPolicy';
import type { Recipient } from '../campaign/plan';
import type { LedgerSnapshot, RecipientDetail, RecipientState } from './states';

/**
 * What the sending engine needs from the outside world, as interfaces: the engine itself stays free
 * of Zendesk, Sunshine, the browser and the clock, so that it runs the same in a tab, a worker, a
 * test or a server.
 */

/** Time: `sleep` must end early (rejecting) when `signal` aborts. */
export interface SendClock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** The outcome of one send attempt, as the transport saw it. */
export type SendAttempt = { ok: true; notificationId: string } | { ok: false; error: unknown };

export interface SendOptions {
  /** The recipient's index in the campaign's frozen audience: the message carries it (attribution). */
  index?: number;
  signal?: AbortSignal;
}

export interface NotificationSender {
  send(recipient: Recipient, options?: SendOptions): Promise<SendAttempt>;
}

/** Everything the engine persists about one campaign run, as it finds it when it starts. */
export interface PersistedRun {
  /** The frozen audience, in send order. */
  recipients: readonly Recipient[];
  ledger: LedgerSnapshot;
  /** Every index below this may have been sent: it was reserved before sending. */
  reservedThrough: number;
  /**
   * The watermark at which a runner last stopped cleanly, after storing every result. When it is
   * still the watermark, nothing is unknown: the reserved recipients without a result were never sent.
   */
  settledThrough?: number | null;
}

export interface RunPersistence {
  load(): Promise<PersistedRun>;
  /** Persists the watermark; resolves only once it is stored. The engine sends nothing past it before. */
  reserve(through: number): Promise<void>;
  /** Stores the results of the given indexes (and whatever else changed). */
  saveResults(ledger: LedgerSnapshot, changed: readonly number[]): Promise<void>;
  /**
   * Records that every result under this watermark is stored and nothing is in flight. Any later
   * reservation raises the watermark, which makes this stale without another write.
   */
  settle(through: number): Promise<void>;
  /**
   * Publishes the counts by state where anyone can read them cheaply (the campaign record): what a
   * second tab or another agent shows while this runner sends.
   */
  saveProgress(counts: Readonly<Record<RecipientState, number>>): Promise<void>;
  /** Remembers accepted sends for the blackout days. */
  recordSent(fingerprints: readonly string[], at: number): Promise<void>;
}

/**
 * A journal local to this browser (IndexedDB), written before each send and after its result: after
 * a reload in the same browser it tells exactly which sends were in flight, instead of the whole
 * reserved window.
 */
export type JournalEntry = { state: 'inflight' } | { state: 'sent' | 'failed' | 'skipped' | 'unverified'; detail: RecipientDetail };

export interface LocalJournal {
  /** Marks these indexes in flight, with every result buffered so far; resolves once durable. */
  begin(indexes: readonly number[]): Promise<void>;
  /** Records a result (may be buffered: the next `begin` or `flush` makes it durable). */
  finish(index: number, entry: Exclude<JournalEntry, { state: 'inflight' }>): void;
  flush(): Promise<void>;
  /**
   * Remembers the reservation watermark this runner stored. On resume the journal is trusted only
   * if the persisted watermark is still this one: otherwise another runner (another browser) has
   * reserved and sent since, and this journal knows nothing of its sends.
   */
  noteReservation(through: number): Promise<void>;
  /** Everything journaled for this campaign, or undefined when this browser has no journal of it. */
  read(): Promise<{ entries: ReadonlyMap<number, JournalEntry>; reservedThrough: number } | undefined>;
  clear(): Promise<void>;
}

/** One runner per campaign, across browsers: a lease with heartbeat on the campaign record. */
export interface LeaseKeeper {
  /** Takes the lease if it is free or expired; tells who holds it otherwise. */
  acquire(): Promise<{ ok: true } | { ok: false; holder: string; expiresAt: number }>;
  /** Extends the lease; false when another runner took it (then this runner must stop at once). */
  heartbeat(): Promise<boolean>;
  release(): Promise<void>;
  /**
   * What the campaign's record said at the last heartbeat when someone else stopped it while this
   * runner held the lease (a person pausing or cancelling it from another browser, the Herald
   * service pausing it on a burst of later failures): the runner stops as it would have, with that
   * reason. `moved`: the campaign is now to be sent from another place (a browser handing it to the
   * Herald service, or back): the runner stops cleanly and lets go of the lease.
   */
  stoppedElsewhere?(): { status: 'paused'; reason: 'user' | StopReason } | { status: 'cancelled' } | { status: 'moved' } | undefined;
}

/** Records that a customer opted out (WhatsApp 131050) on their Zendesk user. */
export interface OptOutRecorder {
  recordOptOut(userId: number): Promise<void>;
}
