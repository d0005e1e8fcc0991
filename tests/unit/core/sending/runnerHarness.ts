import type { Recipient } from '../../../../src/core/campaign/plan';
import type { LeaseKeeper, NotificationSender, PersistedRun, RunPersistence, SendAttempt, SendOptions } from '../../../../src/core/sending/ports';
import { CampaignRunner, type RunOutcome, type RunnerOptions } from '../../../../src/core/sending/runner';
import type { LedgerSnapshot, RecipientState } from '../../../../src/core/sending/states';
import type { FakeClock } from '../../../support/fakeClock';

/**
 * In-memory stand-ins for the runner's ports, for unit tests on the fake clock. The persistence
 * keeps what a real store would (the watermark, the ledger), so a new runner can resume from it.
 */

export function audience(size: number): Recipient[] {
  return Array.from({ length: size }, (_, index) => ({
    userId: 1000 + index,
    phone: `+336${String(10_000_000 + index).padStart(8, '0')}`,
    country: 'FR',
    locale: 'fr',
    timeZone: 'Europe/Paris',
    values: [`Client ${index}`],
  }));
}

export class MemoryPersistence implements RunPersistence {
  reservedThrough = 0;
  settledThrough: number | null = null;
  ledger: LedgerSnapshot;
  readonly blackout: string[] = [];
  writes = 0;

  constructor(readonly recipients: Recipient[]) {
    this.ledger = { size: recipients.length, states: new Uint8Array(recipients.length), details: new Map() };
  }

  async load(): Promise<PersistedRun> {
    return { recipients: this.recipients, ledger: { ...this.ledger, states: this.ledger.states.slice(), details: new Map(this.ledger.details) }, reservedThrough: this.reservedThrough, settledThrough: this.settledThrough };
  }

  progress: Array<Readonly<Record<RecipientState, number>>> = [];

  async saveProgress(counts: Readonly<Record<RecipientState, number>>): Promise<void> {
    this.progress.push({ ...counts });
  }

  async settle(through: number): Promise<void> {
    this.writes += 1;
    this.settledThrough = through;
  }

  async reserve(through: number): Promise<void> {
    this.writes += 1;
    this.reservedThrough = through;
  }

  async saveResults(ledger: LedgerSnapshot, _changed: readonly number[]): Promise<void> {
    this.writes += 1;
    this.ledger = { ...ledger, states: ledger.states.slice(), details: new Map(ledger.details) };
  }

  async recordSent(fingerprints: readonly string[]): Promise<void> {
    this.blackout.push(...fingerprints);
  }
}

export class MemoryLease implements LeaseKeeper {
  holder: string | undefined;
  expiresAt = 0;
  stolen = false;

  constructor(
    private readonly clock: FakeClock,
    private readonly name = 'runner',
  ) {}

  async acquire() {
    if (this.holder && this.holder !== this.name && this.expiresAt > this.clock.now()) return { ok: false as const, holder: this.holder, expiresAt: this.expiresAt };
    this.holder = this.name;
    this.expiresAt = this.clock.now() + 30_000;
    return { ok: true as const };
  }

  async heartbeat() {
    if (this.stolen) return false;
    this.expiresAt = this.clock.now() + 30_000;
    return true;
  }

  async release() {
    if (this.holder === this.name) this.holder = undefined;
  }
}

/** A sender whose answer per recipient a test chooses; it keeps every attempt, by phone. */
export class ScriptedSender implements NotificationSender {
  readonly attempts = new Map<string, number>();
  readonly accepted = new Map<string, number>();
  /** The audience index each send named, by phone. */
  readonly indexes = new Map<string, number | undefined>();
  latencyMs = 50;

  constructor(
    private readonly clock: FakeClock,
    private readonly answer: (recipient: Recipient, attempt: number) => SendAttempt = () => ({ ok: true, notificationId: 'n' }),
  ) {}

  async send(recipient: Recipient, options: SendOptions = {}): Promise<SendAttempt> {
    this.indexes.set(recipient.phone, options.index);
    const attempt = (this.attempts.get(recipient.phone) ?? 0) + 1;
    this.attempts.set(recipient.phone, attempt);
    await this.clock.sleep(this.latencyMs);
    const result = this.answer(recipient, attempt);
    if (result.ok) this.accepted.set(recipient.phone, (this.accepted.get(recipient.phone) ?? 0) + 1);
    return result;
  }
}

export function runner(options: Partial<RunnerOptions> & Pick<RunnerOptions, 'clock' | 'sender' | 'persistence' | 'lease'>): CampaignRunner {
  return new CampaignRunner({ rate: 8, fingerprint: (recipient) => `fp:${recipient.phone}`, random: () => 0.5, ...options });
}

/** Moves the fake clock until the run ends (or `stopAfterMs` of emulated time). */
export async function drive(clock: FakeClock, run: Promise<RunOutcome>, stopAfterMs = 3_600_000): Promise<RunOutcome | undefined> {
  let outcome: RunOutcome | undefined;
  void run.then((value) => {
    outcome = value;
  });
  const deadline = clock.now() + stopAfterMs;
  while (!outcome && clock.now() < deadline) await clock.advance(100);
  await clock.flush();
  return outcome;
}
