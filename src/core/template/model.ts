import { z } from 'zod/mini';

/**
 * A template as Herald's editor holds it. Herald writes dynamic values the way a marketer reads
 * them (`Bonjour {{Clarice}}`: the text between the braces is the sample Meta requires) and turns
 * them into Meta's positional `{{1}}` only when it submits the template.
 */

/** Meta's categories today; the legacy ones (`ALERT_UPDATE`…) are only ever read, never created. */
export const TEMPLATE_CATEGORIES = ['MARKETING', 'UTILITY', 'AUTHENTICATION'] as const;
export type TemplateCategory = (typeof TEMPLATE_CATEGORIES)[number];

/** Headers that show a file given by a hosted URL. */
export const MEDIA_HEADER_KINDS = ['image', 'document', 'video'] as const;
export type MediaHeaderKind = (typeof MEDIA_HEADER_KINDS)[number];

export const HEADER_KINDS = ['none', 'text', ...MEDIA_HEADER_KINDS] as const;
export type HeaderKind = (typeof HEADER_KINDS)[number];

export type TemplateHeader = { kind: 'none' } | { kind: 'text'; text: string } | { kind: MediaHeaderKind; url: string };

export const BUTTON_TYPES = ['quick_reply', 'url', 'phone'] as const;
export type ButtonType = (typeof BUTTON_TYPES)[number];

export type TemplateButton =
  | { type: 'quick_reply'; text: string }
  | { type: 'url'; text: string; url: string }
  | { type: 'phone'; text: string; phone: string };

/** Texts (header text, body, url button url) are in the editor syntax: `Bonjour {{Clarice}}` — the example value is the sample Meta requires. */
export interface TemplateDraft {
  name: string;
  language: string;
  category: TemplateCategory;
  header: TemplateHeader;
  body: string;
  footer: string;
  buttons: TemplateButton[];
}

/** Which channels a draft is submitted to: WhatsApp rules only apply when whatsapp is true; SMS rules when sms is true. */
export interface TemplateChannels {
  whatsapp: boolean;
  sms: boolean;
}

export function isMediaHeaderKind(kind: string): kind is MediaHeaderKind {
  return (MEDIA_HEADER_KINDS as readonly string[]).includes(kind);
}

const headerSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  z.object({ kind: z.literal('text'), text: z.string() }),
  z.object({ kind: z.enum(MEDIA_HEADER_KINDS), url: z.string() }),
]);

const buttonSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('quick_reply'), text: z.string() }),
  z.object({ type: z.literal('url'), text: z.string(), url: z.string() }),
  z.object({ type: z.literal('phone'), text: z.string(), phone: z.string() }),
]);

/**
 * The shape of a draft, for drafts read back from storage. It checks types only: whether Meta
 * would accept the draft is `checkTemplate`'s business, so a half-written draft still loads.
 */
export const templateDraftSchema: z.ZodMiniType<TemplateDraft> = z.object({
  name: z.string(),
  language: z.string(),
  category: z.enum(TEMPLATE_CATEGORIES),
  header: headerSchema,
  body: z.string(),
  footer: z.string(),
  buttons: z.array(buttonSchema),
});

/** English (US) is the language most WhatsApp Business accounts start with. */
const DEFAULT_LANGUAGE = 'en_US';

/** A new template: marketing, since campaigns are what Herald sends. */
export function emptyDraft(language: string = DEFAULT_LANGUAGE): TemplateDraft {
  return { name: '', language, category: 'MARKETING', header: { kind: 'none' }, body: '', footer: '', buttons: [] };
}
