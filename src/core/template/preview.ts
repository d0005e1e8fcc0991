import { parseWhatsAppFormatting, type FormattedNode } from './formatting';
import type { TemplateContent } from './meta';
import type { MediaHeaderKind, TemplateButton } from './model';
import { fillSamples } from './placeholders';

export { fillSamples } from './placeholders';
export { SMS_MAX_CHARACTERS, smsPreview, type SmsPreview } from './smsPreview';

/**
 * The message as a customer's WhatsApp shows it: samples (or the values of a send) in place of the
 * variables, the body's formatting as a tree. WhatsApp does not format headers and footers.
 */
export interface WhatsAppPreview {
  header: { kind: 'text'; nodes: FormattedNode[] } | { kind: MediaHeaderKind; url: string } | undefined;
  body: FormattedNode[];
  footer: string | undefined;
  buttons: Array<{ type: TemplateButton['type']; text: string; target?: string }>;
}

/** `values` are the body's, in order; the header and links show their samples. */
export function whatsAppPreview(content: TemplateContent, values?: readonly (string | undefined)[]): WhatsAppPreview {
  return {
    header: previewHeader(content.header),
    body: parseWhatsAppFormatting(fillSamples(content.body, values)),
    footer: content.footer.trim() === '' ? undefined : content.footer,
    buttons: content.buttons.map(previewButton),
  };
}

function previewHeader(header: TemplateContent['header']): WhatsAppPreview['header'] {
  if (header.kind === 'none') return undefined;
  if (header.kind !== 'text') return { kind: header.kind, url: header.url };
  const text = fillSamples(header.text);
  return text.trim() === '' ? undefined : { kind: 'text', nodes: [{ kind: 'text', text }] };
}

function previewButton(button: TemplateButton): WhatsAppPreview['buttons'][number] {
  if (button.type === 'url') return { type: 'url', text: button.text, target: fillSamples(button.url) };
  if (button.type === 'phone') return { type: 'phone', text: button.text, target: button.phone };
  return { type: 'quick_reply', text: button.text };
}
