import { z } from 'zod/mini';
import type { BulkJobRecord } from '../api/zendesk/customObjectJobs';
import { CustomObjectRecordsClient, type CustomObjectRecord } from '../api/zendesk/customObjects';
import type { Transport } from '../api/transport/types';
import type { DeliveryTotals, RecipientDelivery } from '../core/delivery/deliveryState';
import type { ApiClock } from '../core/time/clock';
import { chunkExternalId, chunkRecord, writeChunksByJobs } from './campaignChunks';
import { parseJson } from './campaignModel';
import { decodeDeliveryChunk, encodeDeliveryChunk } from './deliveryCodec';
import { CAMPAIGN_CHUNK_OBJECT } from './heraldObjects';
import { onHeraldObject } from './objectGuard';
import { RecordAccess } from './recordAccess';

/**
 * What the Herald service heard about a campaign's messages, in Herald's chunk object so that every
 * agent's browser reads it without reaching the service: `delivery` chunk n holds recipients
 * [n × 2,000, (n + 1) × 2,000) (deliveryCodec.ts), `delivery_totals` chunk 0 the campaign's funnel
 * as JSON. The service writes them; screens and follow-ups read them.
 */

/** Recipients per delivery chunk: fixed, so that an index tells its chunk (as the ledger's). */
export const DELIVERY_CHUNK_SIZE = 2_000;

export type DeliveryChunks = ReadonlyMap<number, ReadonlyMap<number, RecipientDelivery>>;

/** The records of one flush: the chunks given (each whole) and the totals. */
export function deliveryOutcomeRecords(campaignId: string, chunks: DeliveryChunks, totals: DeliveryTotals): Array<BulkJobRecord & { external_id: string }> {
  const records = [...chunks].map(([chunk, deliveries]) =>
    chunkRecord(campaignId, 'delivery', chunk, encodeDeliveryChunk(chunk * DELIVERY_CHUNK_SIZE, DELIVERY_CHUNK_SIZE, deliveries)),
  );
  records.push(chunkRecord(campaignId, 'delivery_totals', 0, JSON.stringify(totals)));
  return records;
}

/** How `readSome` names a campaign's recipient. */
export function deliveryKey(campaignId: string, index: number): string {
  return `${campaignId}:${index}`;
}

const totalsSchema: z.ZodMiniType<DeliveryTotals> = z.object({
  heard: z.number(),
  delivered: z.number(),
  read: z.number(),
  replied: z.number(),
  optedOut: z.number(),
  failed: z.record(z.string(), z.number()),
  heardAt: z.number(),
});

export class DeliveryOutcomes {
  private readonly records: CustomObjectRecordsClient;
  private readonly access: RecordAccess;

  constructor(transport: Transport, options: { clock?: ApiClock } = {}) {
    this.records = new CustomObjectRecordsClient(transport, CAMPAIGN_CHUNK_OBJECT.key, options);
    this.access = new RecordAccess(transport, CAMPAIGN_CHUNK_OBJECT.key);
  }

  /**
   * Writes the chunks given and the totals in one bulk job (create or update by external id: a
   * flush written twice changes nothing). ChunkWriteError when Zendesk refused items twice.
   */
  async write(campaignId: string, chunks: DeliveryChunks, totals: DeliveryTotals): Promise<void> {
    await writeChunksByJobs(this.records, deliveryOutcomeRecords(campaignId, chunks, totals));
  }

  /** The campaign's funnel; undefined when nothing was heard (or the record does not read as totals). */
  async readTotals(campaignId: string): Promise<DeliveryTotals | undefined> {
    const [record] = await this.read([chunkExternalId(campaignId, 'delivery_totals', 0)]);
    const data = record?.custom_object_fields?.data;
    if (typeof data !== 'string') return undefined;
    const parsed = totalsSchema.safeParse(parseJson(data));
    return parsed.success ? parsed.data : undefined;
  }

  /** What was heard about each of the campaign's `recipients` first recipients, by index (those heard about). */
  async readAll(campaignId: string, recipients: number): Promise<Map<number, RecipientDelivery>> {
    const chunks = Array.from({ length: Math.ceil(recipients / DELIVERY_CHUNK_SIZE) }, (_, chunk) => chunk);
    const all = new Map<number, RecipientDelivery>();
    for (const record of await this.read(chunks.map((chunk) => chunkExternalId(campaignId, 'delivery', chunk)))) {
      for (const [index, delivery] of this.decoded(record)) if (index < recipients) all.set(index, delivery);
    }
    return all;
  }

  async readOne(campaignId: string, index: number): Promise<RecipientDelivery | undefined> {
    const [record] = await this.read([chunkExternalId(campaignId, 'delivery', Math.floor(index / DELIVERY_CHUNK_SIZE))]);
    return record ? this.decoded(record).get(index) : undefined;
  }

  /**
   * What was heard about several recipients of several campaigns, in one read of the chunks that
   * hold them (a user's campaign history): by `deliveryKey(campaignId, index)`, those heard about.
   */
  async readSome(wanted: ReadonlyArray<{ campaignId: string; index: number }>): Promise<Map<string, RecipientDelivery>> {
    const chunkOf = ({ campaignId, index }: { campaignId: string; index: number }) => chunkExternalId(campaignId, 'delivery', Math.floor(index / DELIVERY_CHUNK_SIZE));
    const ids = [...new Set(wanted.map(chunkOf))];
    const found = new Map<string, Map<number, RecipientDelivery>>();
    if (ids.length > 0) for (const record of await this.read(ids)) if (record.external_id) found.set(record.external_id, this.decoded(record));
    const heard = new Map<string, RecipientDelivery>();
    for (const one of wanted) {
      const delivery = found.get(chunkOf(one))?.get(one.index);
      if (delivery) heard.set(deliveryKey(one.campaignId, one.index), delivery);
    }
    return heard;
  }

  private decoded(record: CustomObjectRecord): Map<number, RecipientDelivery> {
    const data = record.custom_object_fields?.data;
    return typeof data === 'string' ? decodeDeliveryChunk(data).deliveries : new Map();
  }

  private read(externalIds: readonly string[]): Promise<CustomObjectRecord[]> {
    return onHeraldObject(CAMPAIGN_CHUNK_OBJECT.key, () => this.access.byExternalIds(externalIds));
  }
}
