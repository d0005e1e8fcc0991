import { z } from 'zod/mini';
import type { CustomObjectRecord } from '../api/zendesk/customObjects';
import { CAMPAIGN_STATUSES, isFinished, type CampaignStatus } from '../core/campaign/lifecycle';
import type { SlotMapping, TemplateSlot } from '../core/campaign/mapping';
import type { SendingPlace } from '../core/campaign/runPresence';
import type { TemplateContent } from '../core/template/meta';
import type { RecipientState } from '../core/sending/states';
import { BUTTON_TYPES, MEDIA_HEADER_KINDS } from '../core/template/model';

/**
 * A campaign as Herald keeps it in its `herald_campaign` record: plain fields for what the
 * Zendesk admin screens show and filters use, JSON (checked with zod on the way back) for the rest.
 */

// The statuses belong to the lifecycle (core), which says how a campaign moves between them.
export { CAMPAIGN_STATUSES, type CampaignStatus };

export type CampaignChannel = 'whatsapp' | 'sms';

/** Hours when nothing is sent, `HH:MM` in each recipient's time zone; `end` before `start` spans midnight. */
export interface QuietHours {
  start: string;
  end: string;
}

/** What the campaign sends, as it was when it was defined: later template edits do not change it. */
export interface CampaignDefinition {
  content: TemplateContent;
  slots: TemplateSlot[];
  mappings: SlotMapping[];
  /** Messages per second. */
  ratePerSecond: number;
  quietHours: QuietHours | null;
  namespace?: string;
  /** Other settings the engine keeps with the campaign are stored and read back as they are. */
  [setting: string]: unknown;
}

/** Recipients by state, as last saved (`inflight` is never persisted). */
export interface CampaignCounts {
  pending: number;
  sent: number;
  failed: number;
  skipped: number;
  unverified: number;
}

export type CampaignReport = Record<string, unknown>;

export interface CampaignLeaseState {
  holder: string;
  expiresAt: number;
}

export interface CampaignRecord {
  id: string;
  name: string;
  status: CampaignStatus;
  channel: CampaignChannel;
  integrationId: string;
  templateName: string;
  templateLanguage: string;
  /** Meta's category; null for SMS. */
  templateCategory: string | null;
  query: string;
  definition: CampaignDefinition;
  recipients: number;
  counts: CampaignCounts;
  /** Null until the audience is frozen; then every index below it may have been sent. */
  reservedThrough: number | null;
  /** The watermark at which the run last stopped cleanly, every result stored; null otherwise. */
  settledThrough: number | null;
  lease: CampaignLeaseState | null;
  createdBy: number | null;
  /** The creator's name as it was then: the list shows it without a user lookup per campaign. */
  createdByName: string | null;
  /** When a scheduled campaign is to start (ms since epoch); null when it is not scheduled. */
  scheduledAt: number | null;
  /** The campaign whose failed recipients this one retries; null for a campaign of its own. */
  followUpOf: string | null;
  /** Who launched it (Zendesk user id and name as it was then): whoever pressed the button answers for the send. */
  launchedBy: number | null;
  launchedByName: string | null;
  /** When it was launched. */
  startedAt: number | null;
  finishedAt: number | null;
  pauseReason: string | null;
  /** Where it is sent from: the Herald service (keeps going with Zendesk closed), or a browser tab of Herald. */
  sentFrom: SentFrom;
  report: CampaignReport | null;
  createdAt: string | null;
  updatedAt: string | null;
  /**
   * Who created the record and who last changed it, as Zendesk records them (`created_by_user_id`,
   * `updated_by_user_id`): unlike `createdBy` and `launchedBy`, which any agent allowed to edit the
   * record could write, no client can set these. Null when Zendesk does not say.
   */
  recordCreator: number | null;
  lastChangedBy: number | null;
}

/**
 * What a campaign sends, frozen with its audience when it is launched (a chunk record written once,
 * never updated): the runner sends this, never the campaign record's definition, which stays editable
 * for display and for drafts. Template, values (in the audience), rate and header media all come
 * from what Herald froze.
 */
export interface FrozenDefinition {
  channel: CampaignChannel;
  integrationId: string;
  templateName: string;
  templateLanguage: string;
  templateCategory: string | null;
  content: TemplateContent;
  slots: TemplateSlot[];
  /** Messages per second. */
  ratePerSecond: number;
  quietHours: QuietHours | null;
  namespace?: string;
  /** A campaign of one made from a ticket (re-engagement): the ticket it came from. */
  origin?: { kind: 'ticket'; ticketId: number };
  /**
   * Where each placeholder's values came from, and the search that found the audience: not sent
   * (the values are in the audience), kept so that the campaign's page and history tell what was
   * frozen even when the record's copy was changed afterwards.
   */
  mappings?: SlotMapping[];
  query?: string;
  /** How many recipients the frozen audience holds. */
  recipients: number;
}

/** What freezing takes from a campaign: everything the runner sends, but the count (the audience gives it). */
export type FrozenSend = Omit<FrozenDefinition, 'recipients'>;

/** The send a campaign (or a draft about to become one) defines now, to freeze with its audience. */
export function frozenSendOf(
  campaign: Pick<CampaignRecord, 'channel' | 'integrationId' | 'templateName' | 'templateLanguage' | 'templateCategory' | 'definition' | 'query'>,
): FrozenSend {
  const { definition } = campaign;
  const origin = ticketOrigin(definition.origin);
  return {
    channel: campaign.channel,
    integrationId: campaign.integrationId,
    templateName: campaign.templateName,
    templateLanguage: campaign.templateLanguage,
    templateCategory: campaign.templateCategory,
    content: definition.content,
    slots: definition.slots,
    ratePerSecond: definition.ratePerSecond,
    quietHours: definition.quietHours,
    ...(definition.namespace ? { namespace: definition.namespace } : {}),
    ...(origin ? { origin } : {}),
    mappings: definition.mappings,
    query: campaign.query,
  };
}

function ticketOrigin(value: unknown): FrozenDefinition['origin'] {
  const parsed = z.object({ kind: z.literal('ticket'), ticketId: z.number().check(z.int(), z.positive()) }).safeParse(value);
  return parsed.success ? { kind: 'ticket', ticketId: parsed.data.ticketId } : undefined;
}

export const EMPTY_COUNTS: CampaignCounts = { pending: 0, sent: 0, failed: 0, skipped: 0, unverified: 0 };

// --- Schemas of the JSON fields ---

const headerSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  z.object({ kind: z.literal('text'), text: z.string() }),
  z.object({ kind: z.enum(MEDIA_HEADER_KINDS), url: z.string() }),
]);

const buttonSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal(BUTTON_TYPES[0]), text: z.string() }),
  z.object({ type: z.literal(BUTTON_TYPES[1]), text: z.string(), url: z.string() }),
  z.object({ type: z.literal(BUTTON_TYPES[2]), text: z.string(), phone: z.string() }),
]);

const contentSchema: z.ZodMiniType<TemplateContent> = z.object({
  header: headerSchema,
  body: z.string(),
  footer: z.string(),
  buttons: z.array(buttonSchema),
  // JSON drops an undefined sample: it reads back as undefined again.
  variables: z.array(
    z.pipe(
      z.object({ position: z.number().check(z.int(), z.positive()), sample: z.optional(z.string()) }),
      z.transform(({ position, sample }) => ({ position, sample })),
    ),
  ),
});

const slotSchema: z.ZodMiniType<TemplateSlot> = z.object({
  id: z.string(),
  component: z.enum(['header', 'body', 'button']),
  position: z.number().check(z.int(), z.positive()),
  buttonIndex: z.optional(z.number().check(z.int(), z.nonnegative())),
  sample: z.string(),
});

const sourceSchema = z.discriminatedUnion('kind', [
  // A draft saved before every placeholder had a value (a launch refuses it).
  z.object({ kind: z.literal('unset') }),
  z.object({ kind: z.literal('static'), value: z.string() }),
  z.object({ kind: z.literal('user'), field: z.enum(['name', 'first_name', 'last_name', 'email', 'phone', 'locale', 'organization']) }),
  z.object({ kind: z.literal('custom'), key: z.string() }),
  z.object({ kind: z.literal('ticket'), field: z.string() }),
]);

const mappingSchema: z.ZodMiniType<SlotMapping> = z.object({ source: sourceSchema, fallback: z.string(), sampleConfirmed: z.optional(z.boolean()) });

const clockTime = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/));

export const definitionSchema: z.ZodMiniType<CampaignDefinition> = z.looseObject({
  content: contentSchema,
  slots: z.array(slotSchema),
  mappings: z.array(mappingSchema),
  ratePerSecond: z.number().check(z.positive()),
  quietHours: z.nullable(z.object({ start: clockTime, end: clockTime })),
  namespace: z.optional(z.string()),
});

export const frozenDefinitionSchema: z.ZodMiniType<FrozenDefinition> = z.object({
  channel: z.enum(['whatsapp', 'sms']),
  integrationId: z.string().check(z.minLength(1)),
  templateName: z.string().check(z.minLength(1)),
  templateLanguage: z.string().check(z.minLength(1)),
  templateCategory: z.nullable(z.string()),
  content: contentSchema,
  slots: z.array(slotSchema),
  ratePerSecond: z.number().check(z.positive()),
  quietHours: z.nullable(z.object({ start: clockTime, end: clockTime })),
  namespace: z.optional(z.string()),
  origin: z.optional(z.object({ kind: z.literal('ticket'), ticketId: z.number().check(z.int(), z.positive()) })),
  mappings: z.optional(z.array(mappingSchema)),
  query: z.optional(z.string()),
  recipients: z.number().check(z.int(), z.nonnegative()),
});

const count = z._default(z.number().check(z.int(), z.nonnegative()), 0);
export const countsSchema: z.ZodMiniType<CampaignCounts> = z.object({ pending: count, sent: count, failed: count, skipped: count, unverified: count });

export const reportSchema: z.ZodMiniType<CampaignReport> = z.record(z.string(), z.unknown());

/** The counts of a run's report (core/sending/report.ts), as the campaign shows them. */
const reportCountsSchema = z.object({ counts: z.object({ pending: count, inflight: count, sent: count, failed: count, skipped: count, unverified: count }) });

/** A run's counts as the campaign shows them: a send still in flight is not sent yet. */
export function campaignCounts(counts: Readonly<Record<RecipientState, number>>): CampaignCounts {
  return { pending: counts.pending + counts.inflight, sent: counts.sent, failed: counts.failed, skipped: counts.skipped, unverified: counts.unverified };
}

/**
 * What a campaign counts: a finished campaign's are its final report's, which its status was stored
 * with. The counts the runner publishes as it goes are only as fresh as its last write that went
 * through: one refused at the end (a 429, the network) would leave them short for good.
 */
function countsOf(status: CampaignStatus, published: CampaignCounts, report: CampaignReport | null): CampaignCounts {
  if (!isFinished(status) || report === null) return published;
  const final = reportCountsSchema.safeParse(report);
  return final.success ? campaignCounts(final.data.counts) : published;
}

// --- Record ⇄ model ---

/** A campaign record whose fields do not read as a campaign (edited by hand, or by a newer Herald). */
export class CampaignRecordInvalidError extends Error {
  override name = 'CampaignRecordInvalidError';

  constructor(
    readonly campaignId: string,
    readonly problems: string[],
  ) {
    super(`Campaign ${campaignId} cannot be read: ${problems.slice(0, 3).join('; ')}`);
  }
}

export function campaignOfRecord(record: CustomObjectRecord): CampaignRecord {
  const fields = record.custom_object_fields ?? {};
  const problems: string[] = [];
  const read = <T>(key: string, parse: (value: unknown) => T | undefined, what: string): T => {
    const value = parse(fields[key]);
    if (value === undefined) problems.push(`${key} is not ${what}`);
    return value as T;
  };
  const readJson = <T>(key: string, schema: z.ZodMiniType<T>, fallback?: T): T => {
    const raw = fields[key];
    if ((raw === null || raw === undefined || raw === '') && fallback !== undefined) return fallback;
    const parsed = typeof raw === 'string' ? schema.safeParse(parseJson(raw)) : undefined;
    if (!parsed?.success) {
      problems.push(`${key} is not valid JSON of the expected shape`);
      return fallback as T;
    }
    return parsed.data;
  };

  const holder = optionalText(fields.lease_holder);
  const expiresAt = optionalInteger(fields.lease_expires_at);
  const campaign: CampaignRecord = {
    id: record.id,
    name: record.name ?? '',
    status: read('status', (value) => CAMPAIGN_STATUSES.find((status) => status === value), `one of ${CAMPAIGN_STATUSES.join(', ')}`),
    channel: read('channel', (value) => (value === 'whatsapp' || value === 'sms' ? value : undefined), 'whatsapp or sms'),
    integrationId: read('integration_id', requiredText, 'an integration id'),
    templateName: read('template_name', requiredText, 'a template name'),
    templateLanguage: read('template_language', requiredText, 'a language code'),
    templateCategory: optionalText(fields.template_category),
    query: optionalText(fields.query) ?? '',
    definition: readJson('definition', definitionSchema),
    recipients: optionalInteger(fields.recipients) ?? 0,
    counts: readJson('counts', countsSchema, EMPTY_COUNTS),
    reservedThrough: optionalInteger(fields.reserved_through),
    settledThrough: optionalInteger(fields.settled_through),
    lease: holder !== null && expiresAt !== null ? { holder, expiresAt } : null,
    createdBy: optionalInteger(fields.created_by),
    createdByName: optionalText(fields.created_by_name),
    scheduledAt: optionalInteger(fields.scheduled_at),
    followUpOf: optionalText(fields.follow_up_of),
    launchedBy: optionalInteger(fields.launched_by),
    launchedByName: optionalText(fields.launched_by_name),
    startedAt: optionalInteger(fields.started_at),
    finishedAt: optionalInteger(fields.finished_at),
    pauseReason: optionalText(fields.pause_reason),
    sentFrom: sentFromOfRecord(record),
    report: fields.report === null || fields.report === undefined || fields.report === '' ? null : readJson('report', reportSchema),
    createdAt: typeof record.created_at === 'string' ? record.created_at : null,
    updatedAt: record.updated_at ?? null,
    recordCreator: record.created_by_user_id ?? null,
    lastChangedBy: record.updated_by_user_id ?? null,
  };
  if (problems.length > 0) throw new CampaignRecordInvalidError(record.id, problems);
  return { ...campaign, counts: countsOf(campaign.status, campaign.counts, campaign.report) };
}

/** Where a campaign is sent from: the core's `SendingPlace`, as the record stores it. */
export type SentFrom = SendingPlace;

/** Where the record says it is sent from; anything but `service` (empty, a record from before the service) is a browser. */
export function sentFromOfRecord(record: CustomObjectRecord): SentFrom {
  return record.custom_object_fields?.sent_from === 'service' ? 'service' : 'browser';
}

/** The lease as the record holds it; an empty holder means no lease. */
export function leaseOfRecord(record: CustomObjectRecord): CampaignLeaseState | null {
  const fields = record.custom_object_fields ?? {};
  const holder = optionalText(fields.lease_holder);
  if (holder === null) return null;
  return { holder, expiresAt: optionalInteger(fields.lease_expires_at) ?? 0 };
}

export function reservedThroughOfRecord(record: CustomObjectRecord): number | null {
  return optionalInteger(record.custom_object_fields?.reserved_through);
}

export function settledThroughOfRecord(record: CustomObjectRecord): number | null {
  return optionalInteger(record.custom_object_fields?.settled_through);
}

export function recipientsOfRecord(record: CustomObjectRecord): number {
  return optionalInteger(record.custom_object_fields?.recipients) ?? 0;
}

export function jsonField(value: unknown): string {
  return JSON.stringify(value);
}

/** The JSON in a text field; undefined when it is not JSON. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function requiredText(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function optionalText(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

/** Integer fields come back as numbers; a string of digits is read too. */
function optionalInteger(value: unknown): number | null {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return value;
  if (typeof value === 'string' && /^-?\d+$/.test(value.trim()) && Number.isSafeInteger(Number(value))) return Number(value);
  return null;
}
