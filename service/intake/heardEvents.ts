import { z } from 'zod/mini';
import { keywordOf, type Keyword, type KeywordLists } from '../../src/core/delivery/optOutKeywords';
import { eventSchema, isHandledType, PAYLOAD_SCHEMAS, webhookBodySchema, type messageWebhookSchema } from '../http/webhookBody';

/** Where a Herald message belongs: the metadata the runner put on it (`core/campaign/notification.ts`). */
export interface Attribution {
  campaignId: string;
  recipient: number;
}

/** One webhook event, as the service keeps it: ids and times, never a phone number or a text. */
export type HeardEvent = { id: string; type: string } & (
  | { kind: 'echo'; at: number; messageId: string; conversationId: string | undefined; attribution: Attribution }
  | { kind: 'delivered'; at: number; messageId: string }
  | { kind: 'failed'; at: number; messageId: string; code: string }
  | { kind: 'read'; at: number; conversationId: string }
  | { kind: 'reply'; at: number; conversationId: string | undefined; attribution: Attribution | undefined; keyword: Keyword | undefined }
  | { kind: 'ignored' }
  | { kind: 'malformed'; where: string }
);

/** A body the spec does not allow: `where` names the field (a path), never its value. */
export class WebhookShapeError extends Error {
  override name = 'WebhookShapeError';

  constructor(readonly where: string) {
    super(`The webhook body does not match the spec at ${where}`);
  }
}

export function heardEvents(body: unknown, keywords: KeywordLists): HeardEvent[] {
  const parsed = webhookBodySchema.safeParse(body);
  if (!parsed.success) throw new WebhookShapeError(pathOf(parsed.error));
  return parsed.data.events.map((raw, index): HeardEvent => {
    const read = eventSchema.safeParse(raw);
    if (!read.success) return { id: '', type: '', kind: 'malformed', where: `events.${index}.${pathOf(read.error)}` };
    const event = read.data;
    const base = { id: event.id, type: event.type };
    const createdAt = Date.parse(event.createdAt);
    if (!isHandledType(event.type)) return { ...base, kind: 'ignored' as const };
    const payload = PAYLOAD_SCHEMAS[event.type].safeParse(event.payload);
    if (!payload.success) return { ...base, kind: 'malformed', where: `events.${index}.payload.${pathOf(payload.error)}` };
    const data = payload.data as Record<string, unknown>;
    switch (event.type) {
      case 'conversation:message':
        return messageEvent(base, createdAt, payload.data as z.infer<(typeof PAYLOAD_SCHEMAS)['conversation:message']>, keywords);
      case 'conversation:message:delivery:user':
        return { ...base, kind: 'delivered' as const, at: createdAt, messageId: (data.message as { id: string }).id };
      case 'conversation:message:delivery:failure': {
        const delivery = payload.data as z.infer<(typeof PAYLOAD_SCHEMAS)['conversation:message:delivery:failure']>;
        return { ...base, kind: 'failed' as const, at: createdAt, messageId: delivery.message.id, code: delivery.error?.code ?? 'unknown' };
      }
      case 'conversation:read':
        return { ...base, kind: 'read' as const, at: createdAt, conversationId: (data.conversation as { id: string }).id };
      case 'conversation:message:delivery:channel':
        // Handed to WhatsApp: not yet on the phone. The user delivery or a failure says what happened.
        return { ...base, kind: 'ignored' as const };
    }
  });
}

type MessagePayload = z.infer<(typeof PAYLOAD_SCHEMAS)['conversation:message']>;
type MessageWebhook = z.infer<typeof messageWebhookSchema>;

function messageEvent(base: { id: string; type: string }, createdAt: number, payload: MessagePayload, keywords: KeywordLists): HeardEvent {
  const { message } = payload;
  const at = message.received ? Date.parse(message.received) : createdAt;
  const conversationId = payload.conversation?.id;
  if (message.author.type === 'business') {
    const attribution = heraldAttribution(message);
    // A business message Herald did not send (an agent's, a bot's): nothing to hear.
    if (!attribution) return { ...base, kind: 'ignored' };
    return { ...base, kind: 'echo', at, messageId: message.id, conversationId, attribution };
  }
  const notified = (payload.recentNotifications ?? [])
    .map((notification) => ({ attribution: heraldAttribution(notification), at: notification.received ? Date.parse(notification.received) : 0 }))
    .filter((candidate): candidate is { attribution: Attribution; at: number } => candidate.attribution !== undefined)
    .sort((a, b) => b.at - a.at);
  const texts = [message.content?.payload, message.content?.text].filter((text): text is string => typeof text === 'string');
  const found = texts.map((text) => keywordOf(text, keywords)).filter((keyword) => keyword !== undefined);
  const keyword = found.includes('stop') ? 'stop' : found[0];
  return { ...base, kind: 'reply', at, conversationId, attribution: notified[0]?.attribution, keyword };
}

const recipientIndex = z.union([z.number().check(z.int(), z.nonnegative()), z.string().check(z.regex(/^\d+$/))]);

function heraldAttribution(message: MessageWebhook): Attribution | undefined {
  const campaign = message.metadata?.herald_campaign;
  const recipient = recipientIndex.safeParse(message.metadata?.herald_recipient);
  if (typeof campaign !== 'string' || campaign === '' || !recipient.success) return undefined;
  return { campaignId: campaign, recipient: Number(recipient.data) };
}

function pathOf(error: z.core.$ZodError): string {
  const issue = error.issues[0];
  return issue && issue.path.length > 0 ? issue.path.map(String).join('.') : '(body)';
}
