import { MAX_JOB_ITEMS, type BulkJobRecord } from '../api/zendesk/customObjectJobs';
import type { CustomObjectRecordsClient } from '../api/zendesk/customObjects';
import type { Recipient } from '../core/campaign/plan';
import { encodeAudienceChunk } from './audienceCodec';
import { CAMPAIGN_CHUNK_OBJECT } from './heraldObjects';
import { onHeraldObject } from './objectGuard';

/**
 * The chunk records of a campaign (`herald_campaign_chunk`): their identity, their size, how the
 * audience is cut, and how they are written.
 */

/**
 * The audience and the definition are written once, at the freeze; the ledger by every run. What
 * the Herald service heard (deliveryOutcomes.ts, serviceHeartbeat.ts, heardNumbers.ts) only by it.
 */
export type SendingChunkKind = 'audience' | 'ledger' | 'definition';
export type ChunkKind = SendingChunkKind | 'delivery' | 'delivery_totals' | 'service' | 'heard';

/**
 * What a chunk record may weigh: Zendesk allows 32 KB a record without saying exactly how it
 * counts, so chunks keep 2 KB of margin.
 */
export const CHUNK_BUDGET_BYTES = 30 * 1024;

/**
 * Recipients per ledger chunk: fixed, so that an index tells its chunk. 2,000 keeps the worst
 * ledger within a record (ledgerCodec.ts) and makes 150 chunks of 300,000 recipients.
 */
export const LEDGER_CHUNK_SIZE = 2_000;

/** The first guess of recipients per audience chunk; the cut adapts to what the recipients weigh. */
const AUDIENCE_FIRST_GUESS = 2_000;
/** More would make a chunk slow to decode for nothing: the record count is already small. */
const AUDIENCE_MAX_CHUNK = 10_000;

/**
 * Bytes of chunk records per bulk job. Zendesk documents 100 records a job and no body limit; a
 * job of 100 full records would be a 3 MB request through the ZAF proxy, so jobs stay near 1 MB.
 */
export const JOB_BODY_BUDGET_BYTES = 1_000_000;

export function chunkExternalId(campaignId: string, kind: ChunkKind, chunk: number): string {
  return `${campaignId}:${kind}:${chunk}`;
}

export function chunkRecord(campaignId: string, kind: ChunkKind, chunk: number, data: string): BulkJobRecord & { external_id: string } {
  const externalId = chunkExternalId(campaignId, kind, chunk);
  return { name: externalId, external_id: externalId, custom_object_fields: { campaign_id: campaignId, kind, chunk, data } };
}

const encoder = new TextEncoder();

/** The record's size as Zendesk's 32 KB limit counts it (name, external id and fields as JSON). */
export function chunkRecordBytes(record: BulkJobRecord): number {
  return encoder.encode(JSON.stringify({ name: record.name, external_id: record.external_id, custom_object_fields: record.custom_object_fields })).length;
}

export class ChunkTooLargeError extends RangeError {
  override name = 'ChunkTooLargeError';
}

/**
 * The audience cut into records that each fit: a cut is encoded, and cut again smaller (in
 * proportion to how much it overflows) until it fits; the next cut starts from what the last one
 * weighed. Deterministic: the same recipients always give the same chunks.
 */
export function audienceRecords(campaignId: string, recipients: readonly Recipient[]): Array<BulkJobRecord & { external_id: string }> {
  const records: Array<BulkJobRecord & { external_id: string }> = [];
  let guess = AUDIENCE_FIRST_GUESS;
  for (let first = 0; first < recipients.length; ) {
    const count = Math.min(guess, recipients.length - first);
    const record = chunkRecord(campaignId, 'audience', records.length, encodeAudienceChunk(first, recipients.slice(first, first + count)));
    const bytes = chunkRecordBytes(record);
    // Aim at 95% of the budget: compression does not scale exactly with the count.
    const scaled = Math.floor((count * CHUNK_BUDGET_BYTES * 0.95) / bytes);
    if (bytes > CHUNK_BUDGET_BYTES) {
      if (count === 1) throw new ChunkTooLargeError(`Recipient ${first} alone takes ${bytes} bytes, more than a record holds`);
      guess = Math.max(1, Math.min(count - 1, scaled));
      continue;
    }
    records.push(record);
    first += count;
    guess = Math.max(1, Math.min(AUDIENCE_MAX_CHUNK, scaled));
  }
  return records;
}

/** Chunk records that could not be written, with Zendesk's reasons. */
export class ChunkWriteError extends Error {
  override name = 'ChunkWriteError';

  constructor(
    readonly externalIds: string[],
    detail: string,
  ) {
    super(`${externalIds.length} campaign chunk record(s) could not be written: ${detail}`);
  }
}

/** Rounds of writing again the items a job refused. */
const WRITE_ROUNDS = 2;

/** Writes chunk records by bulk jobs (create or update by external id: writing twice changes nothing). */
export async function writeChunksByJobs(client: CustomObjectRecordsClient, records: ReadonlyArray<BulkJobRecord & { external_id: string }>): Promise<void> {
  let pending = [...records];
  let detail = '';
  for (let round = 0; round < WRITE_ROUNDS && pending.length > 0; round++) {
    const refused: typeof pending = [];
    for (const batch of jobBatches(pending)) {
      const results = await onHeraldObject(CAMPAIGN_CHUNK_OBJECT.key, () => client.runJob('create_or_update_by_external_id', batch));
      results.forEach((result, index) => {
        if (result.success) return;
        refused.push(batch[index] as (typeof pending)[number]);
        detail = result.error ?? detail;
      });
    }
    pending = refused;
  }
  if (pending.length > 0) throw new ChunkWriteError(pending.map((record) => record.external_id), detail || 'refused');
}

function jobBatches<T extends BulkJobRecord>(records: readonly T[]): T[][] {
  const batches: T[][] = [];
  let batch: T[] = [];
  let bytes = 0;
  for (const record of records) {
    const size = chunkRecordBytes(record);
    if (batch.length > 0 && (batch.length >= MAX_JOB_ITEMS || bytes + size > JOB_BODY_BUDGET_BYTES)) {
      batches.push(batch);
      batch = [];
      bytes = 0;
    }
    batch.push(record);
    bytes += size;
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}
