import { startCampaignRun, type CampaignRunDeps, type StartKind } from '../../src/app/campaigns/campaignRuns';
import type { EnginePorts } from '../../src/app/campaigns/engine';
import { RunRegistry } from '../../src/app/campaigns/runRegistry';
import type { AppContext } from '../../src/app/context';
import { UntrustedChangeError } from '../../src/app/errors';
import { SERVICE_SESSION_PREFIX } from '../../src/core/campaign/runPresence';
import { scheduleState } from '../../src/core/campaign/schedule';
import type { ApiClock } from '../../src/core/time/clock';
import { CampaignStore, type CampaignRecord } from '../../src/store/campaigns';
import type { SendErrorClass } from '../../src/core/sending/errorPolicy';
import type { MessageOutcome, ServiceMetrics } from '../metrics';
import { HeraldObjectsMissingError } from '../../src/store/objectGuard';
import { ClaimedLease, type RunClaims } from './runClaims';

/** A failed attempt that ends its recipient (the others are retried, or stop the run). */
const MESSAGE_END: Partial<Record<SendErrorClass['kind'], MessageOutcome>> = { 'recipient-failed': 'failed', 'recipient-skipped': 'skipped', ambiguous: 'unverified' };

/**
 * The campaigns the Herald service sends, with nobody's Zendesk open: every `scanIntervalMs` it
 * looks for campaigns to be sent from the service (`sent_from`) that are due (scheduled, their time
 * come) or running with nobody sending them (launched from a browser for the service, handed over,
 * or left by an instance that died), and runs each through the same use case and runner as a
 * browser (`startCampaignRun`): the same rights, the same check of who last changed the record, the
 * same frozen audience. Pause, cancel and hand-over from any browser reach its runners through the
 * record, read at each heartbeat (every `HEARTBEAT_MS`).
 */

/** How often a runner here reads its campaign's record: a pause from a browser is seen within 5 s. */
export const SERVICE_HEARTBEAT_MS = 3_000;
export const SCAN_INTERVAL_MS = 10_000;

export interface ServiceLog {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

export interface ServiceCampaignsOptions {
  /** Herald's settings and the service's Zendesk user, once read; undefined until then (nothing starts). */
  context: () => AppContext | undefined;
  claims: RunClaims;
  clock: ApiClock;
  log: ServiceLog;
  /** Where its sends, runs and leases are counted (GET /metrics). */
  metrics?: ServiceMetrics;
}

export class ServiceCampaigns {
  readonly runs = new RunRegistry();
  readonly ports: EnginePorts;
  /** Campaigns refused for who last changed them, by the record's last change: asked again only once it changes. */
  private readonly refused = new Map<string, string | null>();
  private scanning: Promise<void> | undefined;

  constructor(private readonly options: ServiceCampaignsOptions) {
    this.ports = {
      clock: () => options.clock,
      // Pages tell the service's runs from a browser's by this session (`isServiceHolder`).
      sessionId: `${SERVICE_SESSION_PREFIX}${options.claims.instance}`,
      place: 'service',
      heartbeatIntervalMs: SERVICE_HEARTBEAT_MS,
      guardLease: (campaignId, lease) => new ClaimedLease(campaignId, lease, options.claims, 'another instance of the Herald service'),
      onAttempt: (campaignId, attempt) => {
        const { metrics } = options;
        if (!metrics) return;
        if (attempt.ok) return metrics.messageEnded(campaignId, 'accepted');
        metrics.sendFailed(attempt.errorClass);
        const ended = MESSAGE_END[attempt.errorClass.kind];
        if (ended) metrics.messageEnded(campaignId, ended);
      },
    };
  }

  /** The campaigns this instance sends now. */
  sending(): string[] {
    return this.runs.phases().flatMap(([campaignId, phase]) => (phase === 'starting' || phase === 'sending' ? [campaignId] : []));
  }

  /**
   * Looks once for campaigns to start or take over (one scan at a time). Before an admin sets Herald
   * up there is nothing to send: that is no failure to log every few seconds.
   */
  scan(): Promise<void> {
    this.scanning ??= this.scanOnce()
      .catch((error: unknown) => (error instanceof HeraldObjectsMissingError ? undefined : Promise.reject(error)))
      .finally(() => (this.scanning = undefined));
    return this.scanning;
  }

  /**
   * Stops every runner here cleanly for another instance (or a browser) to go on: each stores its
   * results and lets go of its lease and claim, the campaign still running. Resolves once they have,
   * or after `withinMs`.
   */
  async handOverAll(withinMs = 20_000): Promise<void> {
    for (const campaignId of this.sending()) this.runs.handOver(campaignId);
    const until = Date.now() + withinMs;
    while (this.sending().length > 0 && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 100));
  }

  private async scanOnce(): Promise<void> {
    const context = this.options.context();
    if (!context) return;
    const store = new CampaignStore(context.transport);
    const elsewhere = await this.options.claims.heldElsewhere();
    const now = context.clock.now();
    const candidates = (status: 'scheduled' | 'running') => store.withStatus(status).then((campaigns) => campaigns.filter((campaign) => campaign.sentFrom === 'service' && !elsewhere.has(campaign.id) && !this.runs.isSending(campaign.id)));
    for (const campaign of await candidates('scheduled')) {
      if (campaign.scheduledAt !== null && scheduleState(campaign.scheduledAt, now) === 'due') await this.start(context, campaign, 'due');
    }
    for (const campaign of await candidates('running')) {
      // Sent by a live runner elsewhere (a browser still handing it over): its lease says so.
      if (campaign.lease !== null && campaign.lease.expiresAt > now && !campaign.lease.holder.endsWith(this.ports.sessionId)) continue;
      await this.start(context, campaign, 'resume');
    }
  }

  private async start(context: AppContext, campaign: CampaignRecord, kind: StartKind): Promise<void> {
    const changed = `${campaign.lastChangedBy ?? ''}@${campaign.updatedAt ?? ''}`;
    if (this.refused.get(campaign.id) === changed) return;
    const deps: CampaignRunDeps = {
      runs: this.runs,
      ports: this.ports,
      onRunEnd: (_stored, outcome) => {
        this.options.log.info({ campaign: campaign.id, outcome: outcome.status }, 'campaign run ended');
        this.options.metrics?.campaignStopped(campaign.id);
        this.options.metrics?.lease(campaign.id, outcome.status === 'lease-lost' ? 'lost' : outcome.status === 'busy' ? 'waiting' : undefined);
      },
    };
    try {
      await startCampaignRun(context, deps, campaign.id, kind, { sendFrom: 'service' });
      this.refused.delete(campaign.id);
      this.options.metrics?.campaignStarted(campaign.id);
      this.options.metrics?.lease(campaign.id, 'held');
      this.options.log.info({ campaign: campaign.id, kind }, 'campaign run started');
    } catch (error) {
      this.refused.set(campaign.id, changed);
      if (error instanceof UntrustedChangeError) {
        // Only the launcher's word runs a campaign. Nothing is written: a write would make the
        // service the record's last changer, and the page would no longer name who changed it and
        // offer to cancel or accept the change. Asked again only once the record changes.
        this.options.log.warn({ campaign: campaign.id, changedBy: error.changedBy.id, record: error.record }, 'campaign not started: last changed by someone who may not launch');
        return;
      }
      this.options.log.error({ campaign: campaign.id, kind, err: error }, 'campaign not started');
    }
  }
}
