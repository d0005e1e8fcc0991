import type { ConversationStore } from './conversations';
import type { HeardLog } from './heardLog';

/** A message as the customer's phone shows it at a given time. */
export interface PhoneMessage {
  /** The v2 message id; the customer's own messages have none until Sunshine heard them. */
  id?: string;
  from: 'business' | 'customer';
  text: string;
  /** A quick reply's payload. */
  payload?: string;
  at: number;
  /**
   * The business's messages: `sent` (✓, accepted, not yet on the phone), `delivered` (✓✓), `read`
   * (✓✓ in blue), `failed` (with WhatsApp's code). The customer's: `sent`.
   */
  status: 'sent' | 'delivered' | 'read' | 'failed';
  code?: string;
  /** The quick-reply buttons under a business message (a template's), to tap as the answer. */
  quickReplies?: Array<{ text: string; payload: string }>;
}

export interface PhoneView {
  /** E.164. */
  phone: string;
  integrationId: string;
  channel: string;
  messages: PhoneMessage[];
}

/** Every conversation of every number, as its phone shows it at `now`. */
export function phoneViews(store: ConversationStore, log: HeardLog, now: number): PhoneView[] {
  const views: PhoneView[] = [];
  for (const phone of store.phones()) {
    for (const conversation of store.conversationsOf(phone)) {
      const facts = log.conversationFacts(conversation.id).filter((fact) => fact.at <= now);
      const readTimes = facts.filter((fact) => fact.kind === 'read').map((fact) => fact.at);
      const messages: PhoneMessage[] = [];
      for (const message of store.messages(conversation.id)) {
        if (message.author !== 'business') continue;
        const heard = log.message(message.id);
        const shown: PhoneMessage = { id: message.id, from: 'business', text: message.shownText(), at: message.received, status: 'sent' };
        const quickReplies = message.quickReplies?.() ?? [];
        if (quickReplies.length > 0) shown.quickReplies = quickReplies;
        const failure = heard?.facts.find((fact) => fact.kind === 'failure' && fact.at <= now);
        const delivered = heard?.facts.find((fact) => fact.kind === 'user' && fact.at <= now);
        if (failure?.kind === 'failure') {
          shown.status = 'failed';
          shown.code = failure.code;
        } else if (delivered) {
          shown.status = readTimes.some((at) => at >= delivered.at) ? 'read' : 'delivered';
        }
        messages.push(shown);
      }
      for (const fact of facts) {
        if (fact.kind !== 'reply') continue;
        const reply: PhoneMessage = { from: 'customer', text: fact.reply.text, at: fact.at, status: 'sent' };
        if (fact.reply.payload !== undefined) reply.payload = fact.reply.payload;
        messages.push(reply);
      }
      messages.sort((a, b) => a.at - b.at);
      views.push({ phone, integrationId: conversation.integrationId, channel: conversation.integrationType, messages });
    }
  }
  return views;
}
