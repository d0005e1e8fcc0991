import { HttpError } from '../api/transport/errors';
import type { Transport } from '../api/transport/types';
import { CustomObjectRecordsClient, CustomObjectsClient, type CustomObjectRecord } from '../api/zendesk/customObjects';
import {
  campaignOfRecord,
  CampaignRecordInvalidError,
  definitionSchema,
  EMPTY_COUNTS,
  jsonField,
  type CampaignChannel,
  type CampaignCounts,
  type CampaignDefinition,
  type CampaignRecord,
  type CampaignStatus,
  type SentFrom,
} from './campaignModel';
import { IllegalCampaignTransitionError, nextStatus, type CampaignEvent } from '../core/campaign/lifecycle';
import { CAMPAIGN_OBJECT } from './heraldObjects';
import { onHeraldObject } from './objectGuard';
import { RecordAccess, type FieldValues } from './recordAccess';
import { HeraldObjectsMissingError } from './objectGuard';

export * from './campaignModel';

/**
 * Campaigns, one `herald_campaign` record each. The record's id is the campaign's id. The frozen
 * audience and the ledger live in chunk records (campaignRun.ts); the lease in the same record
 * (campaignLease.ts); this store owns everything else.
 */

export interface CampaignDraft
  extends Pick<CampaignRecord, 'name' | 'channel' | 'integrationId' | 'templateName' | 'templateLanguage' | 'templateCategory' | 'query' | 'definition' | 'createdBy'> {
  /** The planned number of recipients; the freeze sets the final one. */
  recipients?: number;
  /** The creator's name, shown in lists (clipped to its budget: a long name never stops a save). */
  createdByName?: string | null;
  /** The campaign this one retries (followUpCampaign.ts). */
  followUpOf?: string | null;
}

/** What may change on a campaign, its status apart: only `transition` moves that. */
export interface CampaignChanges {
  name?: string;
  /** What it sends, as the record shows it: written on a draft, and put back as frozen when a change is accepted. */
  channel?: CampaignChannel;
  integrationId?: string;
  templateName?: string;
  templateLanguage?: string;
  templateCategory?: string | null;
  query?: string;
  definition?: CampaignDefinition;
  recipients?: number;
  counts?: CampaignCounts;
  startedAt?: number | null;
  finishedAt?: number | null;
  pauseReason?: string | null;
  /** Set with status 'scheduled'; null when unscheduled. */
  scheduledAt?: number | null;
  /** Set with status 'running' when launched (clipped like createdByName). */
  launchedBy?: number | null;
  launchedByName?: string | null;
  /** Any JSON object (the engine's report as it is); it reads back as a plain record. */
  report?: object | null;
  /** Someone who may launch accepted the campaign as it stands (runTrust.ts): they are its last changer now. */
  changeAcceptedAt?: number;
  /** Where it is to be sent from (a hand-over between a browser and the Herald service writes this). */
  sentFrom?: SentFrom;
}

/**
 * A campaign record that does not read as a campaign (written by hand, or by a newer Herald): shown
 * with what can be read of it, so that nothing disappears silently. Herald never runs it.
 */
export interface UnreadableCampaign {
  id: string;
  name: string | null;
  /** Its status as written, when it is text; anything else reads as null. */
  status: string | null;
  /** Who last changed it, as Zendesk records it (no client can write this). */
  lastChangedBy: number | null;
  updatedAt: string | null;
}

export interface CampaignPage {
  campaigns: CampaignRecord[];
  /** Records that do not read as campaigns. */
  unreadable: UnreadableCampaign[];
  /** The cursor of the next page, undefined on the last. */
  next: string | undefined;
}

/**
 * Bytes each large field may take, so that a record (at most 32 KB, reference §3.4) always fits
 * whatever the others hold: 16 + 8 + 2 KB, four short texts of 500 bytes, and well under 1 KB
 * for the rest (integers, ids, the counts).
 */
export const FIELD_BUDGET_BYTES = {
  definition: 16_000,
  report: 8_000,
  query: 2_000,
  name: 500,
  pause_reason: 500,
  created_by_name: 500,
  launched_by_name: 500,
} as const;

export class CampaignFieldTooLargeError extends RangeError {
  override name = 'CampaignFieldTooLargeError';

  constructor(
    readonly field: keyof typeof FIELD_BUDGET_BYTES,
    readonly bytes: number,
  ) {
    super(`The campaign's ${field} takes ${bytes} bytes; it may take at most ${FIELD_BUDGET_BYTES[field]}`);
  }
}

export class CampaignNotFoundError extends Error {
  override name = 'CampaignNotFoundError';

  constructor(readonly campaignId: string) {
    super(`Campaign ${campaignId} does not exist`);
  }
}

export interface CampaignStoreOptions {
  /** The external id of a new campaign record (random by default). */
  newExternalId?: () => string;
}

export class CampaignStore {
  private readonly records: CustomObjectRecordsClient;
  private readonly access: RecordAccess;
  private readonly objects: CustomObjectsClient;
  private readonly newExternalId: () => string;

  constructor(transport: Transport, options: CampaignStoreOptions = {}) {
    this.records = new CustomObjectRecordsClient(transport, CAMPAIGN_OBJECT.key);
    this.access = new RecordAccess(transport, CAMPAIGN_OBJECT.key);
    this.objects = new CustomObjectsClient(transport);
    this.newExternalId = options.newExternalId ?? (() => `campaign:${crypto.randomUUID()}`);
  }

  /** Creates the campaign as a draft; resolves with its id. */
  async create(draft: CampaignDraft): Promise<string> {
    const fields: FieldValues = {
      status: 'draft',
      channel: draft.channel,
      integration_id: draft.integrationId,
      template_name: draft.templateName,
      template_language: draft.templateLanguage,
      template_category: draft.templateCategory,
      query: draft.query,
      definition: jsonField(definitionSchema.parse(draft.definition)),
      recipients: draft.recipients ?? 0,
      counts: jsonField(EMPTY_COUNTS),
      reserved_through: null,
      settled_through: null,
      lease_holder: null,
      lease_expires_at: null,
      created_by: draft.createdBy,
      created_by_name: personName(draft.createdByName, 'created_by_name'),
      follow_up_of: draft.followUpOf ?? null,
      scheduled_at: null,
      launched_by: null,
      launched_by_name: null,
      started_at: null,
      finished_at: null,
      pause_reason: null,
      report: null,
      change_accepted_at: null,
    };
    checkBudgets({ name: draft.name, ...fields });
    const record = await onHeraldObject(CAMPAIGN_OBJECT.key, () => this.records.upsertByExternalId(this.newExternalId(), { name: draft.name, fields }));
    return record.id;
  }

  async load(id: string): Promise<CampaignRecord> {
    return campaignOfRecord(await this.guarded(id, () => this.access.show(id)));
  }

  /** Most recently created first, `pageSize` (1 to 100) a page. */
  async list(options: { after?: string; pageSize?: number } = {}): Promise<CampaignPage> {
    const page = await onHeraldObject(CAMPAIGN_OBJECT.key, () => this.access.newestPage(options.pageSize ?? 25, options.after));
    const campaigns: CampaignRecord[] = [];
    const unreadable: UnreadableCampaign[] = [];
    for (const record of page.records) {
      try {
        campaigns.push(campaignOfRecord(record));
      } catch (error) {
        if (!(error instanceof CampaignRecordInvalidError)) throw error;
        unreadable.push(unreadableCampaign(record));
      }
    }
    return { campaigns, unreadable, next: page.next };
  }

  /**
   * Cancels a campaign whose record does not read (its status, or another field, is not one Herald
   * knows): the lifecycle cannot tell from which status, and cancelled is where every status may
   * go. The record is read again first: one that reads as a campaign is refused (use `transition`).
   */
  async cancelUnreadable(id: string, finishedAt: number): Promise<void> {
    const record = await this.guarded(id, () => this.access.show(id));
    let readable: CampaignRecord;
    try {
      readable = campaignOfRecord(record);
    } catch (error) {
      if (!(error instanceof CampaignRecordInvalidError)) throw error;
      await this.guarded(id, () => this.access.update(id, { status: 'cancelled', finished_at: finishedAt, lease_holder: null, lease_expires_at: null }));
      return;
    }
    // Repaired meanwhile: it is a campaign again, to look at before acting.
    throw new IllegalCampaignTransitionError(readable.status, 'cancel');
  }

  /**
   * Every campaign waiting for its scheduled time, whatever its age (the list shows the newest
   * only); records that cannot be read are left out, as in the list.
   */
  scheduled(): Promise<CampaignRecord[]> {
    return this.withStatus('scheduled');
  }

  /** Every campaign of this status, oldest first (the Herald service looks for the ones it sends); unreadable records left out. */
  async withStatus(status: CampaignStatus): Promise<CampaignRecord[]> {
    const filter = { 'custom_object_fields.status': { $eq: status } };
    const campaigns: CampaignRecord[] = [];
    await onHeraldObject(CAMPAIGN_OBJECT.key, async () => {
      for await (const page of this.records.search(filter, { sort: 'created_at' })) {
        for (const record of page) {
          try {
            campaigns.push(campaignOfRecord(record));
          } catch (error) {
            if (!(error instanceof CampaignRecordInvalidError)) throw error;
          }
        }
      }
    });
    return campaigns;
  }

  /** Changes the given fields only (never the status); resolves with the campaign as stored. */
  async update(id: string, changes: CampaignChanges): Promise<CampaignRecord> {
    return this.write(id, changes);
  }

  /**
   * Moves the campaign by one event of the lifecycle (core/campaign/lifecycle.ts), from its status
   * as stored now: the one way Herald writes a status. IllegalCampaignTransitionError when the table
   * refuses the event from that status (the campaign changed meanwhile), and nothing is written.
   */
  async transition(id: string, event: CampaignEvent, changes: CampaignChanges = {}): Promise<CampaignRecord> {
    const current = await this.load(id);
    return this.write(id, changes, nextStatus(current.status, event));
  }

  private async write(id: string, changes: CampaignChanges, status?: CampaignStatus): Promise<CampaignRecord> {
    const { name, ...rest } = changes;
    const fields = { ...(status === undefined ? {} : { status }), ...fieldsOfChanges(rest) };
    checkBudgets({ ...(name === undefined ? {} : { name }), ...fields });
    const record = await this.guarded(id, () => this.access.update(id, fields, name));
    return campaignOfRecord(record);
  }

  private guarded<T>(id: string, work: () => Promise<T>): Promise<T> {
    return onCampaign(this.objects, id, work);
  }
}

/** Work on one campaign record. A 404 is either "no such campaign" or "no such object" (setup needed): ask which. */
export async function onCampaign<T>(objects: CustomObjectsClient, id: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof HttpError && error.status === 404)) throw error;
    if (!(await objects.listKeys()).includes(CAMPAIGN_OBJECT.key)) throw new HeraldObjectsMissingError(CAMPAIGN_OBJECT.key);
    throw new CampaignNotFoundError(id);
  }
}

function unreadableCampaign(record: CustomObjectRecord): UnreadableCampaign {
  const status = record.custom_object_fields?.status;
  return {
    id: record.id,
    name: record.name ?? null,
    status: typeof status === 'string' ? status : null,
    lastChangedBy: record.updated_by_user_id ?? null,
    updatedAt: record.updated_at ?? null,
  };
}

function fieldsOfChanges(changes: Omit<CampaignChanges, 'name'>): FieldValues {
  const fields: FieldValues = {};
  if (changes.channel !== undefined) fields.channel = changes.channel;
  if (changes.integrationId !== undefined) fields.integration_id = changes.integrationId;
  if (changes.templateName !== undefined) fields.template_name = changes.templateName;
  if (changes.templateLanguage !== undefined) fields.template_language = changes.templateLanguage;
  if (changes.templateCategory !== undefined) fields.template_category = changes.templateCategory;
  if (changes.query !== undefined) fields.query = changes.query;
  if (changes.definition !== undefined) fields.definition = jsonField(definitionSchema.parse(changes.definition));
  if (changes.recipients !== undefined) fields.recipients = changes.recipients;
  if (changes.counts !== undefined) fields.counts = jsonField(changes.counts);
  if (changes.startedAt !== undefined) fields.started_at = changes.startedAt;
  if (changes.finishedAt !== undefined) fields.finished_at = changes.finishedAt;
  if (changes.pauseReason !== undefined) fields.pause_reason = changes.pauseReason;
  if (changes.scheduledAt !== undefined) fields.scheduled_at = changes.scheduledAt;
  if (changes.launchedBy !== undefined) fields.launched_by = changes.launchedBy;
  if (changes.launchedByName !== undefined) fields.launched_by_name = personName(changes.launchedByName, 'launched_by_name');
  if (changes.report !== undefined) fields.report = changes.report === null ? null : jsonField(changes.report);
  if (changes.changeAcceptedAt !== undefined) fields.change_accepted_at = changes.changeAcceptedAt;
  if (changes.sentFrom !== undefined) fields.sent_from = changes.sentFrom;
  return fields;
}

const encoder = new TextEncoder();

/** JSON-encoded bytes, as checkBudgets counts them. */
const jsonBytes = (value: string) => encoder.encode(JSON.stringify(value)).length;

/**
 * A person's name clipped to its budget, whole characters only. Names come from Zendesk, not from
 * the person saving: refusing the save over a long name would block them for nothing they typed.
 */
function personName(name: string | null | undefined, field: 'created_by_name' | 'launched_by_name'): string | null {
  if (name === null || name === undefined || name === '') return null;
  const budget = FIELD_BUDGET_BYTES[field];
  if (jsonBytes(name) <= budget) return name;
  let clipped = '';
  let bytes = 2;
  for (const character of name) {
    bytes += jsonBytes(character) - 2;
    if (bytes > budget) break;
    clipped += character;
  }
  return clipped;
}

function checkBudgets(fields: FieldValues): void {
  for (const field of Object.keys(FIELD_BUDGET_BYTES) as Array<keyof typeof FIELD_BUDGET_BYTES>) {
    const value = fields[field];
    if (typeof value !== 'string') continue;
    const bytes = jsonBytes(value);
    if (bytes > FIELD_BUDGET_BYTES[field]) throw new CampaignFieldTooLargeError(field, bytes);
  }
}
