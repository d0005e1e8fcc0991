import type { TemplateContent } from '../template/meta';
import { parseEditorText } from '../template/placeholders';
import type { TemplateSlot } from './mapping';
import type { Recipient } from './plan';
import { renderRecipientContent } from './render';

/**
 * The body of one `POST /v1.1/apps/{appId}/notifications` (reference §1.2; v1 spec
 * NotificationPost): a WhatsApp template with the recipient's parameters, or an SMS text with the
 * recipient's values in place.
 */

export interface TextParameter {
  type: 'text';
  text: string;
}

export type MediaParameter =
  | { type: 'image'; image: { link: string } }
  | { type: 'document'; document: { link: string } }
  | { type: 'video'; video: { link: string } };

export type WhatsAppComponent =
  | { type: 'header'; parameters: Array<TextParameter | MediaParameter> }
  | { type: 'body'; parameters: TextParameter[] }
  | { type: 'button'; sub_type: 'url'; index: string; parameters: [TextParameter] };

export interface WhatsAppTemplateMessage {
  type: 'template';
  template: {
    namespace?: string;
    name: string;
    language: { policy: 'deterministic'; code: string };
    components: WhatsAppComponent[];
  };
}

export interface TextMessage {
  type: 'text';
  text: string;
}

/**
 * What ties a message to its campaign and recipient when the Herald service hears about it: the
 * message's `metadata` (v1 `MessagePost.metadata`, "flat JSON object") comes back on the business
 * message's `conversation:message` webhook and in a reply's `recentNotifications`
 * (docs/ARCHITECTURE.md, "Hearing back").
 */
export interface HeraldMetadata {
  herald_campaign: string;
  herald_recipient: number;
}

export interface NotificationPost {
  destination: { integrationId: string; destinationId: string };
  author: { role: 'appMaker' };
  /** Only for WhatsApp templates: the API refuses it on SMS integrations. */
  messageSchema?: 'whatsapp';
  message: (WhatsAppTemplateMessage | TextMessage) & { metadata?: HeraldMetadata };
}

export interface NotificationInput {
  integration: { id: string; channel: 'whatsapp' | 'sms' };
  recipient: Pick<Recipient, 'phone' | 'values'>;
  template: { name: string; language: string; content: TemplateContent; slots: readonly TemplateSlot[] };
  /** Older WhatsApp Business accounts only; left out when blank. */
  namespace?: string;
  /** The campaign and the recipient's index in its frozen audience; absent for a test message. */
  attribution?: { campaignId: string; recipientIndex: number };
}

/** The recipient's values do not match the template's slots: sending would show a sample or fail. */
export class NotificationValuesError extends RangeError {
  override name = 'NotificationValuesError';
}

export function buildNotification(input: NotificationInput): NotificationPost {
  const { integration, recipient, template } = input;
  checkValues(template.slots, recipient.values);
  const destination = { integrationId: integration.id, destinationId: recipient.phone };
  const author = { role: 'appMaker' as const };
  const metadata = input.attribution ? { metadata: { herald_campaign: input.attribution.campaignId, herald_recipient: input.attribution.recipientIndex } } : {};
  if (integration.channel === 'sms') {
    // An SMS is the body as the customer reads it: nothing of the header, footer or buttons.
    const text = renderRecipientContent(template.content, template.slots, recipient.values).body;
    return { destination, author, message: { type: 'text', text, ...metadata } };
  }
  const namespace = input.namespace?.trim();
  return {
    destination,
    author,
    messageSchema: 'whatsapp',
    message: {
      type: 'template',
      template: {
        ...(namespace ? { namespace } : {}),
        name: template.name,
        language: { policy: 'deterministic', code: template.language },
        components: whatsAppComponents(template.content, template.slots, recipient.values),
      },
      ...metadata,
    },
  };
}

function checkValues(slots: readonly TemplateSlot[], values: readonly string[]): void {
  if (values.length !== slots.length) throw new NotificationValuesError(`The template has ${slots.length} placeholder(s); the recipient has ${values.length} value(s)`);
  const empty = slots.findIndex((_, index) => (values[index] ?? '').trim() === '');
  if (empty !== -1) throw new NotificationValuesError(`The recipient has no value for ${slots[empty]?.id ?? 'a placeholder'}`);
}

/** Header, body, then url buttons: each component only when it takes parameters. */
function whatsAppComponents(content: TemplateContent, slots: readonly TemplateSlot[], values: readonly string[]): WhatsAppComponent[] {
  const components: WhatsAppComponent[] = [];
  const slotValues = slots.map((slot, index) => ({ slot, value: values[index] as string }));

  const header = headerParameter(content, slotValues.find(({ slot }) => slot.component === 'header')?.value);
  if (header) components.push({ type: 'header', parameters: [header] });

  const body = slotValues.filter(({ slot }) => slot.component === 'body').sort((a, b) => a.slot.position - b.slot.position);
  if (body.length > 0) components.push({ type: 'body', parameters: body.map(({ value }) => ({ type: 'text', text: value })) });

  for (const { slot, value } of slotValues) {
    if (slot.component !== 'button' || slot.buttonIndex === undefined) continue;
    const button = content.buttons[slot.buttonIndex];
    const prefix = button?.type === 'url' ? fixedPrefix(button.url) : '';
    components.push({ type: 'button', sub_type: 'url', index: String(slot.buttonIndex), parameters: [{ type: 'text', text: linkSuffix(value, prefix) }] });
  }
  return components;
}

function headerParameter(content: TemplateContent, value: string | undefined): TextParameter | MediaParameter | undefined {
  const { header } = content;
  switch (header.kind) {
    case 'none':
      return undefined;
    case 'text':
      return value === undefined ? undefined : { type: 'text', text: value };
    case 'image':
      return { type: 'image', image: { link: header.url } };
    case 'document':
      return { type: 'document', document: { link: header.url } };
    case 'video':
      return { type: 'video', video: { link: header.url } };
  }
}

/** The part of a link before its variable: what Meta keeps and the parameter completes. */
function fixedPrefix(url: string): string {
  const pieces = parseEditorText(url);
  if (pieces.at(-1)?.kind !== 'variable') return '';
  return pieces
    .slice(0, -1)
    .map((piece) => (piece.kind === 'text' ? piece.text : ''))
    .join('');
}

/**
 * Meta appends the parameter to the fixed prefix: a value mapped from a field that holds the whole
 * link (`https://shop.example.com/orders/10482`) must be sent as its end (`10482`), or the customer
 * would open the prefix twice.
 */
function linkSuffix(value: string, prefix: string): string {
  return prefix !== '' && value.startsWith(prefix) && value.length > prefix.length ? value.slice(prefix.length) : value;
}
