import { realClock, type ApiClock } from '../core/time/clock';
import type { Transport } from '../api/transport/types';
import { CustomObjectRecordsClient, CustomObjectsClient, type CustomObjectRecord } from '../api/zendesk/customObjects';
import type { Recipient } from '../core/campaign/plan';
import type { PersistedRun, RunPersistence } from '../core/sending/ports';
import { stateCode, type LedgerSnapshot, type RecipientDetail, type RecipientState } from '../core/sending/states';
import { decodeAudienceChunk } from './audienceCodec';
import { BlackoutLogWriter } from './blackoutLogWriter';
import {
  audienceRecords,
  CHUNK_BUDGET_BYTES,
  chunkExternalId,
  chunkRecord,
  ChunkTooLargeError,
  chunkRecordBytes,
  LEDGER_CHUNK_SIZE,
  writeChunksByJobs,
  type SendingChunkKind,
} from './campaignChunks';
import {
  campaignCounts,
  frozenDefinitionSchema,
  jsonField,
  parseJson,
  reservedThroughOfRecord,
  settledThroughOfRecord,
  type FrozenDefinition,
  type FrozenSend,
} from './campaignModel';
import { onCampaign } from './campaigns';
import { CAMPAIGN_CHUNK_OBJECT, CAMPAIGN_OBJECT } from './heraldObjects';
import { decodeLedgerChunk, encodeLedgerChunk } from './ledgerCodec';
import { onHeraldObject } from './objectGuard';
import { RecordAccess } from './recordAccess';
import { WriteCountingTransport, type WriteCount } from './writeCounter';

/**
 * Everything the sending engine persists about one campaign, in Zendesk custom objects: the frozen
 * audience and the ledger in chunk records, the reservation watermark on the campaign record, the
 * accepted sends in the blackout log. Freezing writes the chunks first and the watermark last: a
 * campaign is frozen once its record has a watermark, never half-way.
 */

export class CampaignNotFrozenError extends Error {
  override name = 'CampaignNotFrozenError';

  constructor(readonly campaignId: string) {
    super(`The audience of campaign ${campaignId} has not been frozen`);
  }
}

/** Freezing again would reset the ledger of a campaign that may have sent: refused. */
export class CampaignAlreadyFrozenError extends Error {
  override name = 'CampaignAlreadyFrozenError';

  constructor(readonly campaignId: string) {
    super(`The audience of campaign ${campaignId} is already frozen`);
  }
}

/** Chunk records are missing or disagree with the campaign record. */
export class CampaignDataIncompleteError extends Error {
  override name = 'CampaignDataIncompleteError';

  constructor(
    readonly campaignId: string,
    detail: string,
  ) {
    super(`The stored data of campaign ${campaignId} is incomplete: ${detail}`);
  }
}

export interface FreezeSummary {
  recipients: number;
  audienceChunks: number;
  ledgerChunks: number;
}

/** Who wrote one chunk record, as Zendesk records it (null where it does not say). */
export interface ChunkWriter {
  kind: SendingChunkKind;
  createdBy: number | null;
  updatedBy: number | null;
}

export interface CampaignRunOptions {
  /**
   * Checks who wrote the chunk records a run is about to send from, before `load` returns them
   * (a rejection stops the run before anything is sent: see src/app/campaigns/runTrust.ts).
   */
  verifyWriters?: (writers: readonly ChunkWriter[]) => Promise<void>;
  /** For bulk job polling. */
  clock?: ApiClock;
  /** Ledger chunks written one by one (one request each) up to this many; more go by bulk jobs. */
  directWriteLimit?: number;
  /** Names this run in its blackout log records (random by default). */
  runKey?: string;
}

function randomRunKey(): string {
  return crypto.randomUUID().slice(0, 8);
}

const DIRECT_WRITE_LIMIT = 4;

export class CampaignRunPersistence implements RunPersistence {
  private readonly counted: WriteCountingTransport;
  private readonly chunks: CustomObjectRecordsClient;
  private readonly chunkAccess: RecordAccess;
  private readonly campaigns: RecordAccess;
  private readonly objects: CustomObjectsClient;
  private readonly blackoutLog: BlackoutLogWriter;
  private readonly directWriteLimit: number;
  private readonly verifyWriters: CampaignRunOptions['verifyWriters'];
  private reservedThrough = 0;
  private reservation: Promise<void> = Promise.resolve();
  // Ledger saves: one write at a time; calls made during a write share the next one.
  private readonly dirty = new Set<number>();
  private latest: LedgerSnapshot | undefined;
  private writing: Promise<void> = Promise.resolve();
  private queued: Promise<void> | undefined;

  constructor(
    transport: Transport,
    readonly campaignId: string,
    options: CampaignRunOptions = {},
  ) {
    this.counted = new WriteCountingTransport(transport);
    const clock = options.clock ?? realClock;
    this.chunks = new CustomObjectRecordsClient(this.counted, CAMPAIGN_CHUNK_OBJECT.key, { clock });
    this.chunkAccess = new RecordAccess(this.counted, CAMPAIGN_CHUNK_OBJECT.key);
    this.campaigns = new RecordAccess(this.counted, CAMPAIGN_OBJECT.key);
    this.objects = new CustomObjectsClient(this.counted);
    // A key per persistence (one per runner): each run fills its own blackout log records.
    this.blackoutLog = new BlackoutLogWriter(this.counted, `${campaignId}.${(options.runKey ?? randomRunKey())}`, { clock });
    this.directWriteLimit = options.directWriteLimit ?? DIRECT_WRITE_LIMIT;
    this.verifyWriters = options.verifyWriters;
  }

  /** Custom-object writes so far: records written and requests made (job polls included). */
  get writes(): WriteCount {
    return this.counted.writes;
  }

  /** Custom-object read requests so far. */
  get reads(): number {
    return this.counted.reads;
  }

  /**
   * Stores the audience, in send order, a ledger where every recipient is pending and what the
   * campaign sends (`send`, in a record written once); then marks the campaign frozen (watermark
   * 0). Safe to run again after a failure, until it has succeeded.
   */
  async freeze(recipients: Iterable<Recipient>, send: FrozenSend): Promise<FreezeSummary> {
    const record = await this.campaignRecord();
    if (reservedThroughOfRecord(record) !== null) throw new CampaignAlreadyFrozenError(this.campaignId);
    const audience = Array.isArray(recipients) ? (recipients as readonly Recipient[]) : [...recipients];
    const definition: FrozenDefinition = frozenDefinitionSchema.parse({ ...send, recipients: audience.length });
    const audienceChunks = audienceRecords(this.campaignId, audience);
    const pending: LedgerSnapshot = { size: audience.length, states: new Uint8Array(audience.length).fill(stateCode('pending')), details: new Map() };
    const ledgerChunks = this.ledgerChunkIndexes(audience.length).map((chunk) => this.ledgerRecord(pending, chunk));
    const definitionChunk = chunkRecord(this.campaignId, 'definition', 0, JSON.stringify(definition));
    await writeChunksByJobs(this.chunks, [definitionChunk, ...audienceChunks, ...ledgerChunks]);
    await this.guarded(() => this.campaigns.update(this.campaignId, { recipients: audience.length, reserved_through: 0 }));
    this.reservedThrough = 0;
    return { recipients: audience.length, audienceChunks: audienceChunks.length, ledgerChunks: ledgerChunks.length };
  }

  /**
   * What the campaign sends, as frozen with its audience, and who wrote that record. One request.
   * CampaignNotFrozenError before the freeze; CampaignDataIncompleteError when the record is gone or
   * does not read as a definition.
   */
  async loadDefinition(): Promise<{ definition: FrozenDefinition; writer: ChunkWriter }> {
    const externalId = chunkExternalId(this.campaignId, 'definition', 0);
    const [record] = await onHeraldObject(CAMPAIGN_CHUNK_OBJECT.key, () => this.chunkAccess.byExternalIds([externalId]));
    if (!record) {
      if (reservedThroughOfRecord(await this.campaignRecord()) === null) throw new CampaignNotFrozenError(this.campaignId);
      throw new CampaignDataIncompleteError(this.campaignId, 'what it sends was not stored with its audience');
    }
    const data = record.custom_object_fields?.data;
    const parsed = typeof data === 'string' ? frozenDefinitionSchema.safeParse(parseJson(data)) : undefined;
    if (!parsed?.success) throw new CampaignDataIncompleteError(this.campaignId, 'what it sends does not read back');
    return { definition: parsed.data, writer: writerOf('definition', record) };
  }

  /** The frozen run; the writers of its records are checked first when the options ask for it. */
  async load(): Promise<PersistedRun> {
    const record = await this.campaignRecord();
    const reservedThrough = reservedThroughOfRecord(record);
    if (reservedThrough === null) throw new CampaignNotFrozenError(this.campaignId);
    // The frozen count, not the campaign record's (a field anyone who may edit the record could change).
    const { definition, writer } = await this.loadDefinition();
    const size = definition.recipients;
    const writers: ChunkWriter[] = [writer];
    const recipients = await this.readAudience(size, writers);
    const ledger = await this.readLedger(size, writers);
    await this.verifyWriters?.(writers);
    this.reservedThrough = Math.max(this.reservedThrough, reservedThrough);
    return { recipients, ledger, reservedThrough, settledThrough: settledThroughOfRecord(record) };
  }

  /** Stores the watermark; a watermark at or below the stored one is already stored. Writes land in call order. */
  reserve(through: number): Promise<void> {
    if (!Number.isSafeInteger(through) || through < 0) return Promise.reject(new RangeError(`Not a watermark: ${through}`));
    const write = this.reservation.then(async () => {
      if (through <= this.reservedThrough) return;
      await this.guarded(() => this.campaigns.update(this.campaignId, { reserved_through: through }));
      this.reservedThrough = through;
    });
    this.reservation = write.catch(() => undefined);
    return write;
  }

  /** The counts on the campaign record, for those who watch (in flight counts as pending). */
  async saveProgress(counts: Readonly<Record<RecipientState, number>>): Promise<void> {
    await this.guarded(() => this.campaigns.update(this.campaignId, { counts: jsonField(campaignCounts(counts)) }));
  }

  /** Marks the stored results complete at this watermark (after they were all saved). */
  async settle(through: number): Promise<void> {
    await this.reservation;
    await this.guarded(() => this.campaigns.update(this.campaignId, { settled_through: through }));
  }

  /**
   * Writes the ledger chunks that hold a changed index, each once, from the latest snapshot. A call
   * made while a write runs joins the next write; a chunk whose write failed stays to be written.
   */
  saveResults(ledger: LedgerSnapshot, changed: readonly number[]): Promise<void> {
    const outside = changed.find((index) => !Number.isInteger(index) || index < 0 || index >= ledger.size);
    if (outside !== undefined) return Promise.reject(new RangeError(`No recipient ${outside} in a ledger of ${ledger.size}`));
    this.latest = ledger;
    for (const index of changed) this.dirty.add(Math.floor(index / LEDGER_CHUNK_SIZE));
    this.queued ??= this.writing
      .catch(() => undefined)
      .then(() => {
        this.queued = undefined;
        this.writing = this.writeDirtyChunks();
        return this.writing;
      });
    return this.queued;
  }

  async recordSent(fingerprints: readonly string[], at: number): Promise<void> {
    await this.blackoutLog.record(fingerprints, at);
  }

  private async writeDirtyChunks(): Promise<void> {
    const ledger = this.latest;
    const chunks = [...this.dirty].sort((a, b) => a - b);
    this.dirty.clear();
    if (!ledger || chunks.length === 0) return;
    try {
      const records = chunks.map((chunk) => this.ledgerRecord(ledger, chunk));
      if (records.length > this.directWriteLimit) await writeChunksByJobs(this.chunks, records);
      else
        for (const record of records) {
          await onHeraldObject(CAMPAIGN_CHUNK_OBJECT.key, () =>
            this.chunks.upsertByExternalId(record.external_id, { name: record.name, fields: record.custom_object_fields }),
          );
        }
    } catch (error) {
      for (const chunk of chunks) this.dirty.add(chunk);
      throw error;
    }
  }

  private ledgerChunkIndexes(size: number): number[] {
    return Array.from({ length: Math.ceil(size / LEDGER_CHUNK_SIZE) }, (_, chunk) => chunk);
  }

  private ledgerRecord(ledger: LedgerSnapshot, chunk: number) {
    const first = chunk * LEDGER_CHUNK_SIZE;
    const record = chunkRecord(this.campaignId, 'ledger', chunk, encodeLedgerChunk(ledger, first, Math.min(LEDGER_CHUNK_SIZE, ledger.size - first)));
    // Unreachable by the codec's bounds; checked so that a mistake there fails here, not at Zendesk.
    const bytes = chunkRecordBytes(record);
    if (bytes > CHUNK_BUDGET_BYTES) throw new ChunkTooLargeError(`Ledger chunk ${chunk} takes ${bytes} bytes`);
    return record;
  }

  /** Audience chunks are read in order until they cover the audience (their number depends on what the recipients weigh). */
  private async readAudience(size: number, writers: ChunkWriter[]): Promise<Recipient[]> {
    const recipients: Recipient[] = [];
    const batch = 50;
    for (let start = 0; recipients.length < size; start += batch) {
      const ids = Array.from({ length: batch }, (_, offset) => chunkExternalId(this.campaignId, 'audience', start + offset));
      const found = await this.chunkRecords(ids, 'audience', writers);
      if (found.size === 0) break;
      for (let chunk = start; chunk < start + batch && recipients.length < size; chunk++) {
        const data = found.get(chunkExternalId(this.campaignId, 'audience', chunk));
        if (data === undefined) throw new CampaignDataIncompleteError(this.campaignId, `audience chunk ${chunk} is missing`);
        const decoded = decodeAudienceChunk(data);
        if (decoded.first !== recipients.length) throw new CampaignDataIncompleteError(this.campaignId, `audience chunk ${chunk} starts at ${decoded.first}, not ${recipients.length}`);
        for (const recipient of decoded.recipients) recipients.push(recipient);
      }
    }
    if (recipients.length !== size) throw new CampaignDataIncompleteError(this.campaignId, `the audience holds ${recipients.length} recipients, not ${size}`);
    return recipients;
  }

  private async readLedger(size: number, writers: ChunkWriter[]): Promise<LedgerSnapshot> {
    const states = new Uint8Array(size);
    const details = new Map<number, RecipientDetail>();
    const chunks = this.ledgerChunkIndexes(size);
    const found = await this.chunkRecords(
      chunks.map((chunk) => chunkExternalId(this.campaignId, 'ledger', chunk)),
      'ledger',
      writers,
    );
    for (const chunk of chunks) {
      const data = found.get(chunkExternalId(this.campaignId, 'ledger', chunk));
      if (data === undefined) throw new CampaignDataIncompleteError(this.campaignId, `ledger chunk ${chunk} is missing`);
      const decoded = decodeLedgerChunk(data);
      const first = chunk * LEDGER_CHUNK_SIZE;
      if (decoded.first !== first || decoded.count !== Math.min(LEDGER_CHUNK_SIZE, size - first)) {
        throw new CampaignDataIncompleteError(this.campaignId, `ledger chunk ${chunk} covers ${decoded.first}+${decoded.count}`);
      }
      states.set(decoded.states, first);
      for (const [index, detail] of decoded.details) details.set(index, detail);
    }
    return { size, states, details };
  }

  /** The data of the chunk records with these external ids, by external id; their writers go to `writers`. */
  private async chunkRecords(externalIds: readonly string[], kind: SendingChunkKind, writers: ChunkWriter[]): Promise<Map<string, string>> {
    const records: CustomObjectRecord[] = await onHeraldObject(CAMPAIGN_CHUNK_OBJECT.key, () => this.chunkAccess.byExternalIds(externalIds));
    const data = new Map<string, string>();
    for (const record of records) {
      const text = record.custom_object_fields?.data;
      if (record.external_id && typeof text === 'string') data.set(record.external_id, text);
      writers.push(writerOf(kind, record));
    }
    return data;
  }

  private campaignRecord(): Promise<CustomObjectRecord> {
    return this.guarded(() => this.campaigns.show(this.campaignId));
  }

  private guarded<T>(work: () => Promise<T>): Promise<T> {
    return onCampaign(this.objects, this.campaignId, work);
  }
}

function writerOf(kind: SendingChunkKind, record: CustomObjectRecord): ChunkWriter {
  return { kind, createdBy: record.created_by_user_id ?? null, updatedBy: record.updated_by_user_id ?? null };
}
