import { z } from 'zod/mini';
import { CustomObjectRecordsClient } from '../api/zendesk/customObjects';
import type { Transport } from '../api/transport/types';
import { chunkExternalId } from './campaignChunks';
import { parseJson } from './campaignModel';
import { CAMPAIGN_CHUNK_OBJECT } from './heraldObjects';
import { onHeraldObject } from './objectGuard';
import { RecordAccess } from './recordAccess';

/**
 * The Herald service says it is alive: one record of Herald's chunk object (campaign id
 * `herald-service`, kind `service`, chunk 0), written by the service every 30 s, read by Settings.
 */

export const WEBHOOK_STATES = ['registered', 'not-registered', 'failed'] as const;
export type WebhookState = (typeof WEBHOOK_STATES)[number];

export interface ServiceHeartbeat {
  /** The service's version (package version). */
  version: string;
  /** When this process started (ms since epoch), as every time below. */
  startedAt: number;
  beatAt: number;
  /** When it last heard a webhook; absent until the first. */
  lastEventAt?: number;
  /** Whether its webhook is registered with Sunshine Conversations. */
  webhook: WebhookState;
}

export const SERVICE_CAMPAIGN_ID = 'herald-service';
const EXTERNAL_ID = chunkExternalId(SERVICE_CAMPAIGN_ID, 'service', 0);

/** Four missed beats (written every 30 s) and the service counts as silent. */
export const SERVICE_SILENT_AFTER_MS = 2 * 60_000;

export type ServiceStatus = 'connected' | 'silent' | 'absent';

export function serviceStatus(beat: ServiceHeartbeat | undefined, now: number): ServiceStatus {
  if (!beat) return 'absent';
  return now - beat.beatAt <= SERVICE_SILENT_AFTER_MS ? 'connected' : 'silent';
}

const heartbeatSchema: z.ZodMiniType<ServiceHeartbeat> = z.object({
  version: z.string(),
  startedAt: z.number(),
  beatAt: z.number(),
  lastEventAt: z.optional(z.number()),
  webhook: z.enum(WEBHOOK_STATES),
});

export class ServiceHeartbeatStore {
  private readonly records: CustomObjectRecordsClient;
  private readonly access: RecordAccess;

  constructor(transport: Transport) {
    this.records = new CustomObjectRecordsClient(transport, CAMPAIGN_CHUNK_OBJECT.key);
    this.access = new RecordAccess(transport, CAMPAIGN_CHUNK_OBJECT.key);
  }

  /** The last heartbeat; undefined when no service ever wrote one (or it does not read as one). */
  async read(): Promise<ServiceHeartbeat | undefined> {
    const [record] = await onHeraldObject(CAMPAIGN_CHUNK_OBJECT.key, () => this.access.byExternalIds([EXTERNAL_ID]));
    const data = record?.custom_object_fields?.data;
    if (typeof data !== 'string') return undefined;
    const parsed = heartbeatSchema.safeParse(parseJson(data));
    return parsed.success ? parsed.data : undefined;
  }

  /** One request (an upsert by external id). */
  async write(beat: ServiceHeartbeat): Promise<void> {
    await onHeraldObject(CAMPAIGN_CHUNK_OBJECT.key, () =>
      this.records.upsertByExternalId(EXTERNAL_ID, {
        name: EXTERNAL_ID,
        fields: { campaign_id: SERVICE_CAMPAIGN_ID, kind: 'service', chunk: 0, data: JSON.stringify(heartbeatSchema.parse(beat)) },
      }),
    );
  }
}
