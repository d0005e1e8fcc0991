import { CampaignNotificationSender } from '../../api/sunshine/notificationSender';
import { NotificationsClient } from '../../api/sunshine/notifications';
import { messageFingerprint } from '../../core/campaign/fingerprint';
import type { LeaseKeeper, LocalJournal, SendClock } from '../../core/sending/ports';
import { CampaignRunner, type RunnerOptions } from '../../core/sending/runner';
import { SEND_RATE_LIMITS } from '../../core/settings/settings';
import { CampaignLease } from '../../store/campaignLease';
import type { FrozenDefinition, SentFrom } from '../../store/campaignModel';
import { CampaignRunPersistence, type ChunkWriter } from '../../store/campaignRun';
import { ZendeskOptOutRecorder } from '../../store/optOuts';
import type { AppContext } from '../context';

/**
 * Puts the sending engine together for one campaign: the Notification API sender for what was
 * frozen at launch, the run's persistence in custom objects, the lease on the campaign record, and
 * what the place that runs it adds (its ports): in a browser tab a Worker clock, a Web Lock around
 * the lease and an IndexedDB journal; in the service its own timers. Nothing here knows which.
 */
export interface EnginePorts {
  /** A clock for one runner (a Worker clock keeps a hidden tab's pace). */
  clock(): SendClock;
  /** Names this place in the lease: a tab's session (kept across reloads), a service instance. */
  sessionId: string;
  /** One runner per campaign on this machine first (Web Locks between a browser's tabs), then the lease. */
  guardLease?(campaignId: string, lease: LeaseKeeper): LeaseKeeper;
  /** This machine's journal of the sends in flight, when it keeps one (IndexedDB). */
  journal?(campaignId: string): LocalJournal | undefined;
  /** Which place this is (a browser unless said): a campaign moved to the other place stops here. */
  place?: SentFrom;
  /** How often a runner here reads its campaign's record (default 10 s): the service sees a pause within 5 s. */
  heartbeatIntervalMs?: number;
  /** Told each send attempt's outcome (the service counts them for its metrics). */
  onAttempt?(campaignId: string, attempt: Parameters<NonNullable<RunnerOptions['onAttempt']>>[0]): void;
}

export interface RunnerRequest {
  campaignId: string;
  definition: FrozenDefinition;
  /** Checks who wrote the records the run sends from (runTrust.ts); absent for a cancel, which sends nothing. */
  verifyWriters?: (writers: readonly ChunkWriter[]) => Promise<void>;
}

export function createCampaignRunner(
  context: AppContext,
  ports: EnginePorts,
  { campaignId, definition, verifyWriters }: RunnerRequest,
  extra: Pick<RunnerOptions, 'onProgress' | 'resendUnverified'> = {},
): CampaignRunner {
  const { transport, settings, actor } = context;
  const clock = ports.clock();
  const lease = new CampaignLease(transport, campaignId, { agentName: actor.name, agentId: actor.id, sessionId: ports.sessionId, clock, place: ports.place ?? 'browser' });
  const sender = new CampaignNotificationSender(new NotificationsClient(transport, settings.sunshine), {
    campaignId,
    integration: { id: definition.integrationId, channel: definition.channel },
    template: { name: definition.templateName, language: definition.templateLanguage, content: definition.content, slots: definition.slots },
    ...(definition.namespace ? { namespace: definition.namespace } : {}),
  });
  return new CampaignRunner({
    clock,
    sender,
    persistence: new CampaignRunPersistence(transport, campaignId, { clock, ...(verifyWriters ? { verifyWriters } : {}) }),
    lease: ports.guardLease ? ports.guardLease(campaignId, lease) : lease,
    journal: ports.journal?.(campaignId),
    optOuts: settings.optOutTag ? new ZendeskOptOutRecorder(transport, settings.optOutTag) : undefined,
    fingerprint: (recipient) => messageFingerprint({ phone: recipient.phone, templateName: definition.templateName, language: definition.templateLanguage, values: recipient.values }),
    rate: Math.max(SEND_RATE_LIMITS.min, Math.min(SEND_RATE_LIMITS.max, Math.round(definition.ratePerSecond))),
    quietHours: definition.quietHours ?? undefined,
    ...(ports.heartbeatIntervalMs ? { heartbeatIntervalMs: ports.heartbeatIntervalMs } : {}),
    ...(ports.onAttempt ? { onAttempt: (attempt) => ports.onAttempt?.(campaignId, attempt) } : {}),
    ...extra,
  });
}
