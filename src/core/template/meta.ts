import { z } from 'zod/mini';
import { isUsable, normalizePhone } from '../phone/normalizePhone';
import { isMediaHeaderKind, type MediaHeaderKind, type TemplateButton, type TemplateCategory, type TemplateDraft, type TemplateHeader } from './model';
import { editorSamples, fillSamples, fromPositional, isUsableSample, parseEditorText, positionalVariables, toPositional } from './placeholders';
import { tidyDraft } from './tidyDraft';

/**
 * Meta's template shape, which Sunshine Conversations v1.1 takes and returns as is (reference
 * §1.5): upper-case components, positional `{{n}}` texts and their samples under `example`. The
 * types are loose because Meta answers with more than Herald writes (other header formats,
 * copy-code or flow buttons, legacy categories, fields left out): beyond `type`, every field is
 * optional, and what Herald cannot show is skipped, never a reason to fail.
 */

export interface MetaHeaderComponent {
  type: 'HEADER';
  format?: 'TEXT' | 'IMAGE' | 'DOCUMENT' | 'VIDEO' | (string & {});
  text?: string;
  example?: { header_text?: string[]; header_handle?: string[] };
}

export interface MetaBodyComponent {
  type: 'BODY';
  text?: string;
  /** One row of samples, one per `{{n}}`. */
  example?: { body_text?: string[][] };
}

export interface MetaFooterComponent {
  type: 'FOOTER';
  text?: string;
}

export interface MetaButton {
  type: 'QUICK_REPLY' | 'URL' | 'PHONE_NUMBER' | (string & {});
  text?: string;
  url?: string;
  phone_number?: string;
  /** For a URL ending in `{{1}}`: the whole link with a sample in place. */
  example?: string[];
}

export interface MetaButtonsComponent {
  type: 'BUTTONS';
  buttons?: MetaButton[];
}

export type MetaComponent = MetaHeaderComponent | MetaBodyComponent | MetaFooterComponent | MetaButtonsComponent;

export interface MetaTemplate {
  id?: string;
  name: string;
  language: string;
  status?: string;
  category?: string;
  components: MetaComponent[];
  rejected_reason?: string;
}

export interface MetaTemplateCreate {
  name: string;
  language: string;
  category: TemplateCategory;
  components: MetaComponent[];
}

/** What the catalogue shows of a template: editor-syntax texts + the positional variables with their samples, as fetched. */
export interface TemplateContent {
  header: TemplateHeader;
  body: string;
  footer: string;
  buttons: TemplateButton[];
  /** The body's variables (`{{1}}`…), in position order; header and link samples are in their texts. */
  variables: Array<{ position: number; sample: string | undefined }>;
  /**
   * Parts of a fetched template Herald cannot fill or show (a copy-code or flow button, a location
   * header), by Meta's type. Left out of `buttons`, they would shift the indexes Meta expects for
   * the link buttons, and they need parameters Herald has no way to supply: such a template is not
   * sendable.
   */
  unsupported?: string[];
}

const MEDIA_FORMATS: Record<MediaHeaderKind, 'IMAGE' | 'DOCUMENT' | 'VIDEO'> = { image: 'IMAGE', document: 'DOCUMENT', video: 'VIDEO' };

// --- Herald → Meta ---

/** The draft as Meta takes it: normalised name, positional texts with their samples. */
export function toMetaTemplate(draft: TemplateDraft): MetaTemplateCreate {
  const tidy = tidyDraft(draft);
  const components: MetaComponent[] = [];
  const header = metaHeader(tidy.header);
  if (header) components.push(header);
  components.push(metaBody(tidy.body));
  if (tidy.footer !== '') components.push({ type: 'FOOTER', text: tidy.footer });
  if (tidy.buttons.length > 0) components.push({ type: 'BUTTONS', buttons: tidy.buttons.map(metaButton) });
  return { name: tidy.name, language: tidy.language, category: tidy.category, components };
}

function metaHeader(header: TemplateHeader): MetaHeaderComponent | undefined {
  if (header.kind === 'none') return undefined;
  if (header.kind === 'text') {
    const { text, samples } = toPositional(header.text);
    return samples.length > 0 ? { type: 'HEADER', format: 'TEXT', text, example: { header_text: samples } } : { type: 'HEADER', format: 'TEXT', text };
  }
  // Meta wants a sample of the media to review: the file the template will show.
  return { type: 'HEADER', format: MEDIA_FORMATS[header.kind], example: { header_handle: [header.url] } };
}

function metaBody(body: string): MetaBodyComponent {
  const { text, samples } = toPositional(body);
  return samples.length > 0 ? { type: 'BODY', text, example: { body_text: [samples] } } : { type: 'BODY', text };
}

function metaButton(button: TemplateButton): MetaButton {
  if (button.type === 'quick_reply') return { type: 'QUICK_REPLY', text: button.text };
  if (button.type === 'phone') {
    const phone = normalizePhone(button.phone);
    return { type: 'PHONE_NUMBER', text: button.text, phone_number: isUsable(phone) ? phone.e164 : button.phone };
  }
  const { text: url, samples } = toPositional(button.url);
  // The link's sample is the whole address with the value in place, as the customer would open it.
  return samples.length > 0 ? { type: 'URL', text: button.text, url, example: [fillSamples(button.url)] } : { type: 'URL', text: button.text, url };
}

// --- Meta → Herald ---

export function fromMetaTemplate(template: MetaTemplate): TemplateContent {
  const content: TemplateContent = { header: { kind: 'none' }, body: '', footer: '', buttons: [], variables: [] };
  const unsupported: string[] = [];
  // Read defensively: the API client passes Meta's answer through without checking every field.
  const components = objectsOf<MetaComponent>(template.components);
  for (const component of components) {
    if (component.type === 'HEADER') content.header = editorHeader(component);
    else if (component.type === 'BODY') {
      const text = textOf(component.text);
      const samples = stringsOf(component.example?.body_text?.[0]);
      content.body = fromPositional(text, samples);
      content.variables = [...new Set(positionalVariables(text))]
        .sort((a, b) => a - b)
        .map((position) => ({ position, sample: samples[position - 1] }));
    } else if (component.type === 'FOOTER') content.footer = textOf(component.text);
    else if (component.type === 'BUTTONS') {
      const buttons = objectsOf<MetaButton>(component.buttons);
      content.buttons = buttons.flatMap(editorButton);
      for (const button of buttons) if (!SUPPORTED_BUTTONS.has(textOf(button.type))) unsupported.push(`button:${textOf(button.type) || 'unknown'}`);
    }
  }
  const header = components.find((component): component is MetaHeaderComponent => component.type === 'HEADER');
  const headerFormat = header ? textOf(header.format).toLowerCase() : '';
  if (header && headerFormat !== 'text' && !isMediaHeaderKind(headerFormat)) unsupported.push(`header:${textOf(header.format) || 'unknown'}`);
  if (unsupported.length > 0) content.unsupported = unsupported;
  return content;
}

/** The draft as the catalogue would show it once submitted, for the editor's preview. */
export function draftContent(draft: TemplateDraft): TemplateContent {
  return {
    header: draft.header,
    body: draft.body,
    footer: draft.footer,
    buttons: draft.buttons,
    variables: editorSamples(draft.body).map((sample, index) => ({ position: index + 1, sample })),
  };
}

function editorHeader(component: MetaHeaderComponent): TemplateHeader {
  const format = textOf(component.format).toLowerCase();
  if (format === 'text') return { kind: 'text', text: fromPositional(textOf(component.text), stringsOf(component.example?.header_text)) };
  if (isMediaHeaderKind(format)) return { kind: format, url: stringsOf(component.example?.header_handle)[0] ?? '' };
  // LOCATION and formats Herald does not create: nothing it can show.
  return { kind: 'none' };
}

const SUPPORTED_BUTTONS = new Set(['QUICK_REPLY', 'PHONE_NUMBER', 'URL']);

function editorButton(button: MetaButton): TemplateButton[] {
  const text = textOf(button.text);
  if (button.type === 'QUICK_REPLY') return [{ type: 'quick_reply', text }];
  if (button.type === 'PHONE_NUMBER') return [{ type: 'phone', text, phone: textOf(button.phone_number) }];
  if (button.type === 'URL') return [{ type: 'url', text, url: editorUrl(textOf(button.url), stringsOf(button.example)[0]) }];
  // Copy-code, one-tap, flow, catalogue buttons: Herald neither creates nor previews them.
  return [];
}

/**
 * `https://shop.example.com/orders/{{1}}` with the sample `https://shop.example.com/orders/10482`
 * reads back as `https://shop.example.com/orders/{{10482}}`; without a matching sample `{{1}}` stays.
 */
function editorUrl(url: string, example: string | undefined): string {
  const pieces = parseEditorText(url);
  const last = pieces.at(-1);
  if (pieces.length < 2 || last?.kind !== 'variable' || last.sample.trim() !== '1') return url;
  const prefix = url.slice(0, url.lastIndexOf('{{'));
  const sample = example?.startsWith(prefix) ? example.slice(prefix.length) : undefined;
  return isUsableSample(sample) && sample.trim() !== '' ? `${prefix}{{${sample}}}` : url;
}

function objectsOf<T>(value: unknown): T[] {
  return Array.isArray(value) ? value.filter((item: unknown): item is T => typeof item === 'object' && item !== null) : [];
}

function textOf(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** A list of samples as Meta sent it; anything that is not a string counts as no sample. */
function stringsOf(value: unknown): (string | undefined)[] {
  return Array.isArray(value) ? value.map((item: unknown) => (typeof item === 'string' ? item : undefined)) : [];
}

// --- Reading Meta's answers ---

/** Drops the items that do not parse instead of failing the whole list; no list is an empty one. */
function lenientArray<T>(item: z.ZodMiniType<T>) {
  return z.pipe(
    z.nullish(z.array(z.unknown())),
    z.transform((items) =>
      (items ?? []).flatMap((value) => {
        const parsed = item.safeParse(value);
        return parsed.success ? [parsed.data] : [];
      }),
    ),
  );
}

/** A sample list Herald cannot read is no sample list: the template still shows, with `{{n}}`. */
const samples = z.catch(z.optional(z.array(z.string())), undefined);
/** Meta answers `null` as often as it leaves a field out. */
const optionalString = z.pipe(
  z.nullish(z.string()),
  z.transform((value) => value ?? undefined),
);

const metaButtonSchema: z.ZodMiniType<MetaButton> = z.object({
  type: z.string(),
  text: z.string(),
  url: optionalString,
  phone_number: optionalString,
  example: samples,
});

const metaComponentSchema: z.ZodMiniType<MetaComponent> = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('HEADER'),
    format: z.string(),
    text: optionalString,
    example: z.catch(z.optional(z.object({ header_text: samples, header_handle: samples })), undefined),
  }),
  z.object({
    type: z.literal('BODY'),
    text: z.string(),
    example: z.catch(z.optional(z.object({ body_text: z.optional(z.array(z.array(z.string()))) })), undefined),
  }),
  z.object({ type: z.literal('FOOTER'), text: z.string() }),
  z.object({ type: z.literal('BUTTONS'), buttons: lenientArray(metaButtonSchema) }),
]);

/**
 * A template as Sunshine Conversations returns it, for the API client. Components and buttons
 * Herald does not know are dropped, not refused: one carousel must not hide a whole catalogue.
 */
export const metaTemplateSchema: z.ZodMiniType<MetaTemplate> = z.object({
  id: z.optional(
    z.pipe(
      z.union([z.string(), z.number()]),
      z.transform((id) => String(id)),
    ),
  ),
  name: z.string(),
  language: z.string(),
  status: optionalString,
  category: optionalString,
  components: lenientArray(metaComponentSchema),
  rejected_reason: optionalString,
});
