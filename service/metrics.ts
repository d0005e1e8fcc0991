import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { SendErrorClass } from '../src/core/sending/errorPolicy';

/**
 * What the service exposes on `GET /metrics` (Prometheus text format), one registry per service
 * (tests run several services in one process; the global registry would mix them). The Node
 * process's own metrics (memory, event loop delay, GC) are the process's, not a service's: they
 * are collected once per process, in a registry every service's output includes.
 *
 * Labels are campaign ids (Zendesk record ids), event types and error classes: never a phone
 * number, a name or a message text.
 */

/** How a recipient's send ended (core/sending/states.ts, the terminal states; `accepted`: Sunshine took it). */
export type MessageOutcome = 'accepted' | 'failed' | 'skipped' | 'unverified';

/** An instance's hold on a campaign: it runs it (held), waits for another's lease to lapse, or lost it. */
export type LeaseState = 'held' | 'waiting' | 'lost';
export const LEASE_STATES: readonly LeaseState[] = ['held', 'waiting', 'lost'];

/** The achieved rate is counted over this window (or since the campaign started on this instance, if later). */
export const RATE_WINDOW_MS = 60_000;

let processRegistry: Registry | undefined;

/** The process's metrics, collected once: each collection starts its own event-loop monitor, which never stops. */
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

/**
 * The error's class as the send error policy names it (core/sending/errorPolicy.ts): a retry's
 * reason, an unanswered send's cause, a recipient's failure code or skip reason, a stop's reason.
 */
export function sendErrorClassName(errorClass: SendErrorClass): string {
  switch (errorClass.kind) {
    case 'retry':
      return errorClass.reason;
    case 'ambiguous':
      return errorClass.cause;
    case 'recipient-failed':
      return errorClass.code;
    case 'recipient-skipped':
      return errorClass.reason;
    case 'stop':
      return errorClass.reason;
  }
}

export class ServiceMetrics {
  readonly registry = new Registry();
  private readonly exposed: Registry;
  private readonly now: () => number;
  private readonly webhookEvents: Counter<'type'>;
  private readonly webhookDuplicates: Counter;
  private readonly messages: Counter<'outcome'>;
  private readonly sendErrors: Counter<'class' | 'kind'>;
  private readonly campaignsRunning: Gauge;
  private readonly leases: Gauge<'campaign' | 'state'>;
  private readonly outcomeWrites: Counter;
  private readonly storeCommits: Histogram;
  /** Each running campaign's accepted messages, by second, over the rate window. */
  private readonly accepted = new Map<string, AcceptedBySecond>();

  constructor(options: { now?: () => number } = {}) {
    this.now = options.now ?? Date.now;
    const registers = [this.registry];
    this.webhookEvents = new Counter({ name: 'herald_webhook_events_total', help: 'Sunshine webhook events recorded, by type, each event id once', labelNames: ['type'], registers });
    this.webhookDuplicates = new Counter({ name: 'herald_webhook_duplicates_total', help: 'Sunshine webhook events received again (an id already recorded)', registers });
    this.messages = new Counter({ name: 'herald_messages_total', help: 'Campaign messages by how their send ended', labelNames: ['outcome'], registers });
    this.sendErrors = new Counter({
      name: 'herald_send_errors_total',
      help: 'Failed sends by the class the send error policy gives them (kind: retry, ambiguous, recipient-failed, recipient-skipped, stop)',
      labelNames: ['class', 'kind'],
      registers,
    });
    const accepted = this.accepted;
    const now = this.now;
    new Gauge({
      name: 'herald_send_rate',
      help: 'Messages a second Sunshine accepted over the last minute, by running campaign',
      labelNames: ['campaign'],
      registers,
      collect() {
        this.reset();
        for (const [campaign, counts] of accepted) this.set({ campaign }, counts.rate(now()));
      },
    });
    this.campaignsRunning = new Gauge({ name: 'herald_campaigns_running', help: 'Campaigns this instance is sending now', registers });
    this.leases = new Gauge({ name: 'herald_campaign_lease', help: "This instance's lease on a campaign: 1 for its state (held, waiting, lost), 0 for the others", labelNames: ['campaign', 'state'], registers });
    this.outcomeWrites = new Counter({ name: 'herald_outcome_writes_total', help: 'Writes of heard outcomes to Zendesk custom objects (one bulk job a campaign flush)', registers });
    this.storeCommits = new Histogram({ name: 'herald_store_commit_seconds', help: "Time of the webhook intake's group commits", buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5], registers });
    this.exposed = Registry.merge([this.registry, processMetrics()]);
  }

  get contentType(): string {
    return this.exposed.contentType;
  }

  /** Everything, in Prometheus text format. */
  text(): Promise<string> {
    return this.exposed.metrics();
  }

  /** A group commit of webhook events: its events recorded for the first time, by type, and those already recorded. */
  eventsRecorded(freshByType: Readonly<Record<string, number>>, duplicates: number): void {
    for (const [type, count] of Object.entries(freshByType)) if (count > 0) this.webhookEvents.inc({ type }, count);
    if (duplicates > 0) this.webhookDuplicates.inc(duplicates);
  }

  /** Times one group commit, failed or not. */
  async timeCommit<T>(commit: () => Promise<T>): Promise<T> {
    const end = this.storeCommits.startTimer();
    try {
      return await commit();
    } finally {
      end();
    }
  }

  outcomeWritten(): void {
    this.outcomeWrites.inc();
  }

  /** A campaign starts sending on this instance. */
  campaignStarted(campaignId: string): void {
    if (!this.accepted.has(campaignId)) this.accepted.set(campaignId, new AcceptedBySecond(this.now()));
    this.campaignsRunning.set(this.accepted.size);
  }

  /** A campaign stops sending on this instance (finished, paused, cancelled, handed over): its rate is no longer shown. */
  campaignStopped(campaignId: string): void {
    this.accepted.delete(campaignId);
    this.campaignsRunning.set(this.accepted.size);
  }

  /** A recipient's send ended; an accepted one counts in its campaign's rate. */
  messageEnded(campaignId: string, outcome: MessageOutcome): void {
    this.messages.inc({ outcome });
    if (outcome === 'accepted') this.accepted.get(campaignId)?.add(this.now());
  }

  /** A send failed (each attempt, retried or not), as the send error policy classified it. */
  sendFailed(errorClass: SendErrorClass): void {
    this.sendErrors.inc({ class: sendErrorClassName(errorClass), kind: errorClass.kind });
  }

  /** This instance's lease on a campaign; `undefined` once it no longer holds, waits for or lost it (its series go). */
  lease(campaignId: string, state: LeaseState | undefined): void {
    for (const each of LEASE_STATES) {
      if (state === undefined) this.leases.remove({ campaign: campaignId, state: each });
      else this.leases.set({ campaign: campaignId, state: each }, each === state ? 1 : 0);
    }
  }
}

/**
 * Accepted messages by second: the rate counts the last 60 complete seconds (the second under way
 * would lower it), or the complete seconds since the campaign started here when fewer.
 */
class AcceptedBySecond {
  private static readonly WINDOW_SECONDS = RATE_WINDOW_MS / 1000;
  /** One slot more than the window: the second under way never overwrites the window's oldest. */
  private readonly counts = new Array<number>(AcceptedBySecond.WINDOW_SECONDS + 1).fill(0);
  private readonly secondOfSlot = new Array<number>(AcceptedBySecond.WINDOW_SECONDS + 1).fill(Number.NEGATIVE_INFINITY);
  private readonly startSecond: number;

  constructor(startedAt: number) {
    this.startSecond = Math.floor(startedAt / 1000);
  }

  add(at: number): void {
    const second = Math.floor(at / 1000);
    const slot = second % this.counts.length;
    if (this.secondOfSlot[slot] !== second) {
      this.secondOfSlot[slot] = second;
      this.counts[slot] = 0;
    }
    this.counts[slot]! += 1;
  }

  rate(now: number): number {
    const second = Math.floor(now / 1000);
    const seconds = Math.min(AcceptedBySecond.WINDOW_SECONDS, second - this.startSecond);
    if (seconds <= 0) return 0;
    let sum = 0;
    for (let slot = 0; slot < this.counts.length; slot++) {
      const age = second - this.secondOfSlot[slot]!;
      if (age >= 1 && age <= seconds) sum += this.counts[slot]!;
    }
    return sum / seconds;
  }
}
