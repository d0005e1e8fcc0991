import type { CustomerReply, ReplyIntent } from './customerReplies';
import { IdSequence, v2Id } from './ids';
import type { PlannedFact } from './outcomePlan';

/** What was decided about one accepted notification's message: its delivery facts, timed. */
export interface HeardMessage {
  messageId: string;
  notificationId: string;
  conversationId: string;
  phone: string;
  integrationId: string;
  acceptedAt: number;
  metadata: Record<string, string | number | boolean> | undefined;
  /** `channel`, then `user` or `failure`. */
  facts: Array<Extract<PlannedFact, { kind: 'channel' | 'user' | 'failure' }>>;
}

/** What the customer did in a conversation: reads and replies, planned or made through the API. */
export type ConversationFact = { kind: 'read'; at: number } | { kind: 'reply'; at: number; reply: CustomerReply; intent: ReplyIntent };

/**
 * The emulator's record of what WhatsApp reports later, kept with the Sunshine state (a reset
 * forgets it): the source of `truth()` and of the phones' view, whether or not a webhook listens.
 */
export class HeardLog {
  private readonly messages = new Map<string, HeardMessage>();
  private readonly byConversation = new Map<string, ConversationFact[]>();
  private readonly eventIds = new IdSequence();

  addMessage(message: HeardMessage): void {
    this.messages.set(message.messageId, message);
  }

  addConversationFact(conversationId: string, fact: ConversationFact): void {
    const facts = this.byConversation.get(conversationId) ?? [];
    facts.push(fact);
    facts.sort((a, b) => a.at - b.at);
    this.byConversation.set(conversationId, facts);
  }

  allMessages(): HeardMessage[] {
    return [...this.messages.values()];
  }

  message(id: string): HeardMessage | undefined {
    return this.messages.get(id);
  }

  conversationFacts(conversationId: string): readonly ConversationFact[] {
    return this.byConversation.get(conversationId) ?? [];
  }

  /** When the customer last wrote in the conversation before `before`, or -Infinity. */
  lastReplyBefore(conversationId: string, before: number): number {
    let last = Number.NEGATIVE_INFINITY;
    for (const fact of this.conversationFacts(conversationId)) if (fact.kind === 'reply' && fact.at < before) last = Math.max(last, fact.at);
    return last;
  }

  nextEventId(): string {
    return v2Id('event', this.eventIds.take());
  }
}
