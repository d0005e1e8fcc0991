import type { Recipient } from '../campaign/plan';
import { ErrorBurstDetector } from './errorBurst';
import { classifySendError, retriesExhausted, retryDelay, type SendErrorClass, type StopReason } from './errorPolicy';
import { HeldQueue } from './heldQueue';
import { Ledger, type Recovery } from './ledger';
import { Pacer } from './pacer';
import type { LeaseKeeper, LocalJournal, NotificationSender, OptOutRecorder, RunPersistence, SendClock } from './ports';
import { ProgressMeter, type SendProgress } from './progress';
import { quietUntil, type QuietHours } from './quietHours';
import { buildReport, type SendReport } from './report';
import { readFailure } from '../failure/readFailure';
import { backoffDelay } from '../time/backoff';

/**
 * Runs one campaign: sends every pending recipient of the frozen audience through the pacer, keeps
 * the ledger, and persists it so that a closed tab, a crash or a lost network never re-sends an
 * accepted message and never skips a recipient silently.
 *
 * The exactly-once rule, in short: nothing is sent beyond the reservation watermark, and the
 * watermark is stored before anything under it is sent. After a crash every reserved recipient
 * without a stored result is `unverified` (its send may have gone through), unless this browser's
 * journal, written before each send, says exactly which were in flight.
 */

export interface RunnerOptions {
  clock: SendClock;
  sender: NotificationSender;
  persistence: RunPersistence;
  lease: LeaseKeeper;
  /** This browser's journal (IndexedDB); absent where none exists (a server, a test of another browser). */
  journal?: LocalJournal;
  optOuts?: OptOutRecorder;
  /** The fingerprint of exactly this message to this recipient, for the blackout log. */
  fingerprint: (recipient: Recipient) => string;
  /** Target messages per second (1–1000). */
  rate: number;
  quietHours?: QuietHours;
  /**
   * How long results may stay unsaved (default 5 s). Each save is a few requests to Zendesk (the
   * blackout log, the changed ledger chunks), which every app of the account shares.
   */
  flushIntervalMs?: number;
  heartbeatIntervalMs?: number;
  /** How often the counts are published for those who watch (default 15 s). */
  progressIntervalMs?: number;
  /** How many seconds of sending one reservation covers (default 5 s at the target rate, at least 20 recipients). */
  reservationSeconds?: number;
  random?: () => number;
  onProgress?: (progress: SendProgress) => void;
  /** Told each send attempt's outcome, as the error policy reads a failure (the service's metrics). */
  onAttempt?: (attempt: { ok: true } | { ok: false; errorClass: SendErrorClass }) => void;
  /**
   * Unverified recipients the user chose to send again (their send may have gone through: a
   * duplicate is then the user's informed choice), by index, or all of them.
   */
  resendUnverified?: readonly number[] | 'all';
}

/** Attempts to store a reservation before the run pauses (`progress-not-saved`). */
const RESERVATION_ATTEMPTS = 4;

export type RunOutcome =
  | { status: 'completed'; report: SendReport }
  | { status: 'cancelled'; report: SendReport }
  | { status: 'paused'; reason: 'user' | StopReason; report: SendReport }
  /** Another runner holds the campaign: this one sent nothing. */
  | { status: 'busy'; holder: string; expiresAt: number }
  /** Another runner took the lease while this one ran: it stopped at once. */
  | { status: 'lease-lost'; report: SendReport }
  /**
   * The campaign was moved to another place (a browser to the Herald service, or back): this runner
   * stopped cleanly, every result stored and the lease released, for the other place to go on.
   */
  | { status: 'handed-over'; report: SendReport };

/** Why a runner stops before it is done; `hand-over`: the campaign moved to another place. */
type StopRequest = { kind: 'pause' | 'cancel' | 'lease-lost' | 'stop' | 'hand-over'; reason?: StopReason };

export class CampaignRunner {
  private readonly stop = new AbortController();
  private stopRequest: StopRequest | undefined;
  private killed = false;
  private ledger: Ledger | undefined;
  private recipients: readonly Recipient[] = [];
  private reserved = 0;
  private reservation: Promise<void> | undefined;
  private readonly changed = new Set<number>();
  private readonly sentFingerprints: string[] = [];
  private readonly attempts = new Map<number, number>();
  /** Recipients waiting for a retry, and when they may go again. */
  private readonly notBefore = new Map<number, number>();
  private readonly inflight = new Set<Promise<void>>();
  private saving: Promise<void> = Promise.resolve();
  private startedAt = 0;
  /** When the lease was last known to be this runner's (taken or extended). */
  private leaseConfirmedAt = 0;
  private readonly burst = new ErrorBurstDetector();
  private pacer: Pacer | undefined;
  private meter: ProgressMeter | undefined;
  private recovery: Recovery = { unverified: [], fromJournal: [] };
  /** Audience order: every index below has been looked at once (sent, or queued as held). */
  private cursor = 0;
  private readonly held = new HeldQueue();

  constructor(private readonly options: RunnerOptions) {}

  /** What resuming found: recipients now unverified, and results recovered from the journal. */
  get recovered(): Recovery {
    return this.recovery;
  }

  /** Stop starting sends; resolve `start()` as paused once the in-flight ones have settled. */
  pause(): void {
    this.requestStop({ kind: 'pause' });
  }

  /** Stop cleanly for another place to go on: results stored, the lease released, the status left as it is. */
  handOver(): void {
    this.requestStop({ kind: 'hand-over' });
  }

  /** Stop, and end every recipient still pending as skipped (cancelled). */
  cancel(): void {
    this.requestStop({ kind: 'cancel' });
  }

  /**
   * Throws the runner away without saving anything more: what a closed tab or a crash does. Tests
   * use it; in production the page simply goes away.
   */
  kill(): void {
    this.killed = true;
    this.stop.abort(new Error('killed'));
  }

  /**
   * Takes the lease, resumes from the stored run, and sends until done, paused or stopped. Rejects
   * only when the stored run cannot be loaded (then nothing was sent and the lease is given back).
   */
  async start(): Promise<RunOutcome> {
    const { clock, lease } = this.options;
    const acquired = await lease.acquire();
    if (!acquired.ok) return { status: 'busy', holder: acquired.holder, expiresAt: acquired.expiresAt };
    this.startedAt = clock.now();
    this.leaseConfirmedAt = this.startedAt;
    try {
      await this.restore();
    } catch (error) {
      // Nothing was sent: the campaign is free again for whoever tries next.
      await lease.release().catch(() => undefined);
      throw error;
    }
    const ledger = this.ledger!;
    this.pacer = new Pacer({ rate: this.options.rate, clock });
    this.meter = new ProgressMeter({ clock, total: ledger.size, targetRate: this.options.rate, counts: ledger.counts() });

    const loops = [this.heartbeatLoop(), this.flushLoop()];
    try {
      await this.sendLoop();
    } finally {
      // Sends already made settle (their results are kept); nothing new starts. A watermark being
      // stored ahead lands first: settling under an older one would leave its window in doubt.
      await Promise.allSettled([...this.inflight, this.reservation]);
      this.stop.abort(new Error('run ended'));
      await Promise.allSettled(loops);
    }
    if (this.killed) return { status: 'paused', reason: 'user', report: this.report('paused') };
    await this.options.journal?.flush().catch(() => undefined);
    // Another runner owns the stored ledger now: writing this one's copy would overwrite its results.
    if (this.stopRequest?.kind === 'lease-lost') return { status: 'lease-lost', report: this.report('paused') };
    if (this.stopRequest?.kind === 'cancel') ledger.skipAllPending(clock.now()).forEach((index) => this.changed.add(index));
    const saved = await this.save();
    // Every result is stored and nothing is in flight: the next runner need not doubt any of them.
    if (saved) await this.options.persistence.settle(this.reserved).catch(() => undefined);
    await this.publishProgress();
    // A lease that cannot be released (Zendesk unreachable) expires by itself.
    await lease.release().catch(() => undefined);
    if (this.stopRequest?.kind === 'cancel') return { status: 'cancelled', report: this.report('cancelled') };
    if (this.stopRequest?.kind === 'hand-over') return { status: 'handed-over', report: this.report('paused') };
    if (this.stopRequest) {
      const reason = this.stopRequest.kind === 'pause' ? 'user' : (this.stopRequest.reason ?? 'unexpected');
      return { status: 'paused', reason, report: this.report('paused', reason === 'user' ? undefined : reason) };
    }
    await this.options.journal?.clear();
    return { status: 'completed', report: this.report('completed') };
  }

  /** Loads the persisted run and reconciles it with what may have happened since it was saved. */
  private async restore(): Promise<void> {
    const { persistence, journal, clock } = this.options;
    const run = await persistence.load();
    // The last runner stopped cleanly, all its results stored: no reserved recipient is in doubt.
    const settled = run.settledThrough === run.reservedThrough;
    const journaled = journal && !settled ? await journal.read() : undefined;
    // The journal is only trusted if no other runner reserved since it was written.
    const trusted = journaled && journaled.reservedThrough === run.reservedThrough ? journaled.entries : undefined;
    if (journal && !trusted) await journal.clear();
    const { ledger, recovery } = Ledger.restore(run.ledger, settled ? 0 : run.reservedThrough, trusted, clock.now());
    this.ledger = ledger;
    this.recipients = run.recipients;
    this.recovery = recovery;
    for (const index of [...recovery.unverified, ...recovery.fromJournal]) this.changed.add(index);
    const resend = this.options.resendUnverified;
    if (resend) for (const index of ledger.reopenUnverified(resend === 'all' ? undefined : resend)) this.changed.add(index);
    // Sends the journal knew were accepted, but that never reached the stored ledger: the blackout
    // log may not have them either (a log that has one twice reads the same).
    for (const index of recovery.fromJournal) if (ledger.state(index) === 'sent') this.sentFingerprints.push(this.options.fingerprint(this.recipients[index]!));
    // A fresh watermark for this run, strictly above the last one: it makes this runner's journal
    // the only trusted one, and covers the first recipients it will send.
    this.reserved = run.reservedThrough;
    await this.extendReservation(Math.max(run.reservedThrough, ledger.nextPending()) + 1);
    await this.save();
  }

  private requestStop(request: StopRequest): void {
    if (this.stopRequest) return;
    this.stopRequest = request;
    this.stop.abort(new Error(request.kind));
  }

  private get stopping(): boolean {
    return this.stop.signal.aborted;
  }

  private async sendLoop(): Promise<void> {
    const ledger = this.ledger!;
    const pacer = this.pacer!;
    const { clock } = this.options;
    while (!this.stopping) {
      const next = this.nextSendable();
      if (next.index === -1) {
        if (ledger.count('pending') === 0) {
          if (this.inflight.size === 0) return;
          await Promise.race(this.inflight);
          continue;
        }
        if (!Number.isFinite(next.wakeAt)) {
          // Pending recipients the cursor has passed without queueing them: look at everyone again.
          this.cursor = 0;
          continue;
        }
        // Everyone left is held by quiet hours or waiting for a retry: wait for the first of them.
        const wait = Math.max(1, Math.min(next.wakeAt - clock.now(), 60_000));
        await this.sleep(wait);
        continue;
      }
      // The next watermark is stored while the current one still covers a fifth of a window (a
      // second of sends), so that the pace does not stop for it; a failure here is met again below,
      // when it is needed. It widens what a crash leaves in doubt by that fifth at most.
      if (!this.reservation && this.reserved < ledger.size && next.index >= this.reserved - this.reservationWindow / 5) {
        this.extendReservation(this.reserved + 1).catch(() => undefined);
      }
      // Everything that waits on storage comes before the pacer: once it lets a send start, the
      // request leaves at once, so the API sees the pace the pacer keeps.
      if (next.index >= this.reserved) {
        try {
          await this.extendReservation(next.index + 1);
        } catch {
          this.requestStop({ kind: 'stop', reason: 'progress-not-saved' });
          return;
        }
        if (this.stopping) return;
      }
      if (ledger.state(next.index) !== 'pending') continue;
      ledger.markInflight(next.index);
      try {
        await this.options.journal?.begin([next.index]);
      } catch {
        // Without the journal the reservation still protects this send; carry on.
      }
      if (this.killed) return;
      let startedAt: number | undefined;
      try {
        startedAt = await pacer.acquire(this.stop.signal);
      } catch {
        startedAt = undefined;
      }
      if (startedAt !== undefined && this.stopping) {
        pacer.release();
        startedAt = undefined;
      }
      if (startedAt === undefined) {
        // Stopped while waiting for its turn: it was never sent.
        ledger.requeue(next.index);
        this.changed.add(next.index);
        return;
      }
      const sending = this.sendOne(next.index, startedAt);
      this.inflight.add(sending);
      void sending.finally(() => this.inflight.delete(sending));
    }
  }

  /**
   * The next recipient that may be sent now: first a held one whose time has come, else the next
   * pending one in audience order (held ones met on the way go to the queue). When nobody can go,
   * when the first held one will be able to.
   */
  private nextSendable(): { index: number; wakeAt: number } {
    const ledger = this.ledger!;
    const now = this.options.clock.now();
    for (let ready = this.held.popReady(now); ready !== undefined; ready = this.held.popReady(now)) {
      if (ledger.state(ready) !== 'pending') continue;
      const { readyAt, quiet } = this.readyAt(ready, now);
      if (readyAt > now) {
        this.held.push(ready, readyAt, quiet);
        continue;
      }
      this.meter?.setHeld(this.held.quietCount);
      return { index: ready, wakeAt: now };
    }
    for (let index = ledger.nextPending(this.cursor); index !== -1; index = ledger.nextPending(index + 1)) {
      this.cursor = index + 1;
      const { readyAt, quiet } = this.readyAt(index, now);
      if (readyAt <= now) {
        this.meter?.setHeld(this.held.quietCount);
        return { index, wakeAt: now };
      }
      this.held.push(index, readyAt, quiet);
    }
    this.meter?.setHeld(this.held.quietCount);
    return { index: -1, wakeAt: this.held.nextReadyAt };
  }

  /**
   * When a recipient may be sent: after its retry delay and outside its quiet hours; `quiet` when its
   * quiet hours are what holds it (the page counts those as held, not the retries).
   */
  private readyAt(index: number, now: number): { readyAt: number; quiet: boolean } {
    const retryAt = this.notBefore.get(index) ?? 0;
    const quietAt = this.options.quietHours ? (quietUntil(this.recipients[index]!, now, this.options.quietHours) ?? 0) : 0;
    return { readyAt: Math.max(retryAt, quietAt), quiet: quietAt > retryAt };
  }

  /** Sends one recipient; `startedAt` (from the pacer) tells the pacer which pace its outcome speaks of. */
  private async sendOne(index: number, startedAt: number): Promise<void> {
    const { sender, clock, journal } = this.options;
    const ledger = this.ledger!;
    const pacer = this.pacer!;
    const recipient = this.recipients[index]!;
    const attempt = await sender.send(recipient, { index }).catch((error: unknown) => ({ ok: false as const, error }));
    pacer.release();
    if (this.killed) return;
    const now = clock.now();
    if (attempt.ok) {
      this.options.onAttempt?.({ ok: true });
      ledger.markSent(index, now);
      this.sentFingerprints.push(this.options.fingerprint(recipient));
      journal?.finish(index, { state: 'sent', detail: { at: now } });
      this.burst.record('ok');
      pacer.onSuccess(startedAt);
      this.finished(index);
      return;
    }
    const errorClass = classifySendError(attempt.error);
    this.options.onAttempt?.({ ok: false, errorClass });
    this.handleFailure(index, recipient, errorClass, now, startedAt);
  }

  private handleFailure(index: number, recipient: Recipient, errorClass: SendErrorClass, now: number, startedAt: number): void {
    const ledger = this.ledger!;
    const { journal } = this.options;
    switch (errorClass.kind) {
      case 'retry': {
        // A refusal for the pace (a 429) says nothing of this recipient: the pacer holds and slows
        // every send, and the recipient keeps its attempts for errors of its own. Counted, a rate
        // limit lasting a few Retry-Afters would fail recipients the API never looked at.
        const attempts = (this.attempts.get(index) ?? 0) + (errorClass.lowersRate ? 0 : 1);
        this.attempts.set(index, attempts);
        if (errorClass.lowersRate) this.pacer!.onRateLimited(startedAt, errorClass.retryAfterMs);
        if (retriesExhausted(attempts)) {
          ledger.markFailed(index, 'retries-exhausted', now);
          journal?.finish(index, { state: 'failed', detail: { code: 'retries-exhausted', at: now } });
          this.burst.record('failure');
          this.finished(index);
        } else {
          // The server refused it: nothing was sent, it goes back in line after its delay.
          ledger.requeue(index);
          const readyAt = now + retryDelay(errorClass, attempts, this.options.random);
          this.notBefore.set(index, readyAt);
          this.held.push(index, readyAt);
          this.changed.add(index);
        }
        break;
      }
      case 'ambiguous':
        ledger.markUnverified(index, errorClass.cause, now);
        journal?.finish(index, { state: 'unverified', detail: { code: errorClass.cause, at: now } });
        this.burst.record('failure');
        this.finished(index);
        break;
      case 'recipient-failed':
        ledger.markFailed(index, errorClass.code, now);
        journal?.finish(index, { state: 'failed', detail: { code: errorClass.code, at: now } });
        this.burst.record('failure');
        this.finished(index);
        break;
      case 'recipient-skipped':
        ledger.markSkipped(index, errorClass.reason, now);
        journal?.finish(index, { state: 'skipped', detail: { code: errorClass.reason, at: now } });
        this.burst.record('neutral');
        if (errorClass.recordOptOut) void this.options.optOuts?.recordOptOut(recipient.userId).catch(() => undefined);
        this.finished(index);
        break;
      case 'stop':
        if (errorClass.unverified) {
          // Nobody knows what this error did: the request may have left, so it is not sent again.
          ledger.markUnverified(index, errorClass.unverified, now);
          journal?.finish(index, { state: 'unverified', detail: { code: errorClass.unverified, at: now } });
          this.finished(index);
        } else {
          // Refused for a reason every recipient shares: nothing was sent; it waits for the resume.
          ledger.requeue(index);
          this.changed.add(index);
        }
        this.requestStop({ kind: 'stop', reason: errorClass.reason });
        break;
    }
    if (this.burst.tripped) this.requestStop({ kind: 'stop', reason: 'error-burst' });
  }

  private finished(index: number): void {
    this.changed.add(index);
    this.attempts.delete(index);
    this.notBefore.delete(index);
    this.meter?.update(this.ledger!.counts());
    this.options.onProgress?.(this.meter!.snapshot());
  }

  /** How many recipients one reservation covers: a few seconds of sending at the target rate. */
  private get reservationWindow(): number {
    return Math.max(20, Math.ceil(this.options.rate * (this.options.reservationSeconds ?? 5)));
  }

  /** Stores the watermark before anything under it is sent (one reservation at a time). */
  private async extendReservation(needed: number): Promise<void> {
    while (this.reserved < needed) {
      if (!this.reservation) {
        const size = this.ledger!.size;
        const window = this.reservationWindow;
        // Past the end of the audience the watermark still grows by one per resume: it also tells
        // runners apart, for the journal check.
        const through = Math.max(needed, Math.min(size, this.reserved + window));
        this.reservation = (async () => {
          await this.storeReservation(through);
          await this.options.journal?.noteReservation(through);
          this.reserved = through;
        })().finally(() => {
          this.reservation = undefined;
        });
      }
      await this.reservation;
    }
  }

  /**
   * Stores the watermark, trying again on a failure (a 429 from Zendesk, a dropped connection) after
   * its Retry-After or a short backoff: sends wait meanwhile. Throws once the attempts run out.
   */
  private async storeReservation(through: number): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.options.persistence.reserve(through);
        return;
      } catch (error) {
        if (attempt >= RESERVATION_ATTEMPTS) throw error;
        const wait = readFailure(error).retryAfterMs ?? backoffDelay(attempt, 1000, 10_000, this.options.random);
        if (!(await this.sleep(wait))) throw error;
      }
    }
  }

  /** Saves what changed (ledger chunks, blackout log, journal); saves never overlap. True when saved. */
  private save(): Promise<boolean> {
    // A failed save must not stop the next one from running.
    this.saving = this.saving.catch(() => undefined).then(async () => {
      if (this.killed) return;
      if (!(await this.leaseStillOurs())) throw new Error('The lease was lost: the ledger is another runner’s now');
      const changed = [...this.changed];
      this.changed.clear();
      const fingerprints = this.sentFingerprints.splice(0);
      const { persistence, journal, clock } = this.options;
      // What a failed step did not store waits for the next save. The run goes on meanwhile: the
      // reservation still bounds what is in doubt, and a reservation that cannot be stored pauses it.
      try {
        // The blackout log first: a send the stored ledger calls sent is then always in the log.
        if (fingerprints.length > 0) await persistence.recordSent(fingerprints, clock.now());
      } catch (error) {
        this.sentFingerprints.unshift(...fingerprints);
        for (const index of changed) this.changed.add(index);
        throw error;
      }
      try {
        if (changed.length > 0) await persistence.saveResults(this.ledger!.snapshot(), changed);
      } catch (error) {
        for (const index of changed) this.changed.add(index);
        throw error;
      }
      await journal?.flush();
    });
    return this.saving.then(
      () => !this.killed,
      () => false,
    );
  }

  private async flushLoop(): Promise<void> {
    const interval = this.options.flushIntervalMs ?? 5000;
    const progressInterval = this.options.progressIntervalMs ?? 15_000;
    let publishedAt = this.options.clock.now();
    while (!this.stopping) {
      if (!(await this.sleep(interval))) return;
      const saved = await this.save();
      this.options.onProgress?.(this.meter!.snapshot());
      if (saved && this.options.clock.now() - publishedAt >= progressInterval) {
        publishedAt = this.options.clock.now();
        await this.publishProgress();
      }
    }
  }

  /** Best effort: watchers see slightly older counts when it fails. */
  private async publishProgress(): Promise<void> {
    await this.options.persistence.saveProgress(this.ledger!.counts()).catch(() => undefined);
  }

  private async heartbeatLoop(): Promise<void> {
    while (!this.stopping) {
      if (!(await this.sleep(this.heartbeatInterval))) return;
      await this.heartbeat();
    }
  }

  private get heartbeatInterval(): number {
    return this.options.heartbeatIntervalMs ?? 10_000;
  }

  /** Extends the lease; false (and the run stops) when another runner has taken it. */
  private async heartbeat(): Promise<boolean> {
    // An unreachable Zendesk is not a lost lease: the lease keeper says when it may have expired.
    const ours = await this.options.lease.heartbeat().catch(() => true);
    if (ours) this.leaseConfirmedAt = this.options.clock.now();
    else this.requestStop({ kind: 'lease-lost' });
    const elsewhere = ours ? this.options.lease.stoppedElsewhere?.() : undefined;
    if (elsewhere) this.requestStop(stopOfElsewhere(elsewhere));
    return ours;
  }

  /**
   * True when the lease is surely still this runner's. A tab that slept (a closed laptop, a frozen
   * background tab) wakes up with an old lease that another runner may have taken meanwhile: it
   * checks before writing its copy of the ledger over the other runner's.
   */
  private async leaseStillOurs(): Promise<boolean> {
    if (this.stopRequest?.kind === 'lease-lost') return false;
    if (this.options.clock.now() - this.leaseConfirmedAt < this.heartbeatInterval * 1.5) return true;
    return this.heartbeat();
  }

  /** Sleeps unless the run stops first; false when it stopped. */
  private async sleep(ms: number): Promise<boolean> {
    try {
      await this.options.clock.sleep(ms, this.stop.signal);
      return !this.stopping;
    } catch {
      return false;
    }
  }

  private report(outcome: 'completed' | 'cancelled' | 'paused', pauseReason?: StopReason): SendReport {
    return buildReport({ ledger: this.ledger!.snapshot(), startedAt: this.startedAt, finishedAt: this.options.clock.now(), outcome, pauseReason });
  }
}

/** How a runner stops when its heartbeat finds the campaign stopped or moved by someone else. */
function stopOfElsewhere(elsewhere: NonNullable<ReturnType<NonNullable<LeaseKeeper['stoppedElsewhere']>>>): StopRequest {
  switch (elsewhere.status) {
    case 'cancelled':
      return { kind: 'cancel' };
    case 'moved':
      return { kind: 'hand-over' };
    case 'paused':
      return elsewhere.reason === 'user' ? { kind: 'pause' } : { kind: 'stop', reason: elsewhere.reason };
  }
}
