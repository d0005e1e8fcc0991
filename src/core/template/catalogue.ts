import { fromMetaTemplate, type MetaTemplate, type TemplateContent } from './meta';
import { editorSamples } from './placeholders';

/**
 * The catalogue of templates across channels. One logical template (name + language) may exist on
 * several WhatsApp integrations, each with its own Meta review and status, and as an SMS template,
 * which needs no review: it is READY as soon as it is saved.
 */

export const CATALOGUE_STATUSES = ['APPROVED', 'PENDING', 'REJECTED', 'PAUSED', 'DISABLED', 'READY'] as const;
/** READY = SMS, no approval */
export type CatalogueStatus = (typeof CATALOGUE_STATUSES)[number];

export type CatalogueChannel = 'whatsapp' | 'sms';

export interface CatalogueEntry {
  channel: CatalogueChannel;
  integrationId: string | undefined;
  integrationName: string;
  status: CatalogueStatus;
  /**
   * Meta's own status when it is none of the above (`IN_APPEAL`, `PENDING_DELETION`…): the entry
   * takes the closest status, and the UI can still show what Meta said.
   */
  metaStatus?: string;
  rejectedReason: string | undefined;
  category: string | undefined;
  templateId: string | undefined;
  content: TemplateContent;
}

export interface LogicalTemplate {
  key: string;
  name: string;
  language: string;
  category: string | undefined;
  channels: CatalogueChannel[];
  entries: CatalogueEntry[];
  /** The text to show for the whole: an approved WhatsApp version's first, else the first there is. */
  content: TemplateContent;
}

export interface SmsTemplateRecord {
  name: string;
  language: string;
  body: string;
}

export interface CatalogueSources {
  whatsapp: Array<{ integrationId: string; integrationName: string; templates: MetaTemplate[] }>;
  sms: SmsTemplateRecord[];
  /** How the catalogue names the SMS source, already translated. */
  smsLabel: string;
}

/** Meta statuses Herald does not list, read as the closest one it does. */
const STATUS_EQUIVALENTS: ReadonlyMap<string, CatalogueStatus> = new Map([
  ['IN_APPEAL', 'PENDING'],
  ['PENDING_DELETION', 'DISABLED'],
  ['DELETED', 'DISABLED'],
  ['ARCHIVED', 'DISABLED'],
  ['LIMIT_EXCEEDED', 'PAUSED'],
]);

/** Anything else unknown is not sendable, so it is listed as waiting, with Meta's word kept beside it. */
const UNKNOWN_STATUS: CatalogueStatus = 'PENDING';

export function catalogueStatus(metaStatus: string | undefined): { status: CatalogueStatus; metaStatus?: string } {
  const upper = (metaStatus ?? '').trim().toUpperCase();
  if (isCatalogueStatus(upper) && upper !== 'READY') return { status: upper };
  return { status: STATUS_EQUIVALENTS.get(upper) ?? UNKNOWN_STATUS, metaStatus: metaStatus?.trim() || 'UNKNOWN' };
}

export function isCatalogueStatus(value: string): value is CatalogueStatus {
  return (CATALOGUE_STATUSES as readonly string[]).includes(value);
}

/** The identity of a logical template; readable, and safe as a React key or in a URL fragment. */
export function templateKey(name: string, language: string): string {
  return `${name}:${language}`;
}

/** sorted by name then language; unknown Meta statuses kept readable */
export function groupCatalogue(input: CatalogueSources): LogicalTemplate[] {
  const groups = new Map<string, { name: string; language: string; entries: CatalogueEntry[] }>();
  const add = (name: string, language: string, entry: CatalogueEntry) => {
    const key = templateKey(name, language);
    const group = groups.get(key) ?? { name, language, entries: [] };
    group.entries.push(entry);
    groups.set(key, group);
  };

  for (const { integrationId, integrationName, templates } of input.whatsapp) {
    for (const template of templates) add(template.name, template.language, whatsAppEntry(template, integrationId, integrationName));
  }
  for (const record of input.sms) add(record.name, record.language, smsEntry(record, input.smsLabel));

  return [...groups.entries()]
    .map(([key, { name, language, entries }]) => logicalTemplate(key, name, language, entries))
    .sort((a, b) => compare(a.name, b.name) || compare(a.language, b.language));
}

function whatsAppEntry(template: MetaTemplate, integrationId: string, integrationName: string): CatalogueEntry {
  const { status, metaStatus } = catalogueStatus(template.status);
  // Meta answers `rejected_reason: "NONE"` (or null) for templates that were not rejected.
  const reason = template.rejected_reason ?? undefined;
  return {
    channel: 'whatsapp',
    integrationId,
    integrationName,
    status,
    ...(metaStatus === undefined ? {} : { metaStatus }),
    rejectedReason: reason && reason !== 'NONE' ? reason : undefined,
    category: template.category ?? undefined,
    templateId: template.id ?? undefined,
    content: fromMetaTemplate(template),
  };
}

function smsEntry(record: SmsTemplateRecord, smsLabel: string): CatalogueEntry {
  return {
    channel: 'sms',
    integrationId: undefined,
    integrationName: smsLabel,
    status: 'READY',
    rejectedReason: undefined,
    category: undefined,
    templateId: undefined,
    content: smsContent(record.body),
  };
}

/** An SMS template is a body in the editor syntax, nothing else. */
export function smsContent(body: string): TemplateContent {
  return {
    header: { kind: 'none' },
    body,
    footer: '',
    buttons: [],
    variables: editorSamples(body).map((sample, index) => ({ position: index + 1, sample })),
  };
}

function logicalTemplate(key: string, name: string, language: string, entries: CatalogueEntry[]): LogicalTemplate {
  const channels = (['whatsapp', 'sms'] as const).filter((channel) => entries.some((entry) => entry.channel === channel));
  const shown = entries.find((entry) => entry.channel === 'whatsapp' && entry.status === 'APPROVED') ?? entries[0];
  return {
    key,
    name,
    language,
    category: entries.find((entry) => entry.category !== undefined)?.category,
    channels,
    entries,
    content: shown?.content ?? smsContent(''),
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// --- Filters ---

export interface CatalogueFilter {
  search?: string;
  channel?: CatalogueChannel;
  status?: CatalogueStatus;
  language?: string;
  category?: string;
}

/**
 * Every criterion must hold. Channel and status hold together on one entry: "WhatsApp, approved"
 * finds templates approved on some WhatsApp integration, not ones approved elsewhere.
 */
export function filterCatalogue(templates: readonly LogicalTemplate[], filter: CatalogueFilter): LogicalTemplate[] {
  const words = searchable(filter.search ?? '')
    .split(' ')
    .filter((word) => word !== '');
  return templates.filter((template) => {
    if (filter.language && template.language !== filter.language) return false;
    if (filter.category && template.category !== filter.category) return false;
    const entryMatches = (entry: CatalogueEntry) => (!filter.channel || entry.channel === filter.channel) && (!filter.status || entry.status === filter.status);
    if ((filter.channel || filter.status) && !template.entries.some(entryMatches)) return false;
    if (words.length === 0) return true;
    const haystack = searchable([template.name, template.content.body, ...template.entries.map((entry) => entry.content.body)].join(' '));
    return words.every((word) => haystack.includes(word));
  });
}

/** Lower case, no accents, `_` as a space: "Été" finds `ete`, "order update" finds `order_update`. */
function searchable(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .toLowerCase()
    .replace(/[_\s]+/g, ' ')
    .trim();
}

/** The values the filters can take: what the catalogue holds, sorted; statuses in their usual order. */
export function catalogueFacets(templates: readonly LogicalTemplate[]): { languages: string[]; categories: string[]; statuses: CatalogueStatus[] } {
  const languages = new Set(templates.map((template) => template.language));
  const categories = new Set(templates.flatMap((template) => (template.category === undefined ? [] : [template.category])));
  const statuses = new Set(templates.flatMap((template) => template.entries.map((entry) => entry.status)));
  return {
    languages: [...languages].sort(compare),
    categories: [...categories].sort(compare),
    statuses: CATALOGUE_STATUSES.filter((status) => statuses.has(status)),
  };
}
