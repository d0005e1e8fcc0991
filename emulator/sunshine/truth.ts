import type { ConversationFact, HeardLog, HeardMessage } from './heardLog';

/**
 * What became of each accepted notification, as the emulator decided it, planned facts included
 * (the final outcome, whether or not its time has come). The field names are those of Herald's
 * `RecipientDelivery`, so a test compares what the service heard with this directly.
 */
export interface MessageTruth {
  messageId: string;
  notificationId: string;
  conversationId: string;
  phone: string;
  /** From the message's metadata (`herald_campaign`, `herald_recipient`), when the runner set them. */
  campaign?: string;
  recipient?: number;
  acceptedAt: number;
  deliveredAt?: number;
  readAt?: number;
  failedAt?: number;
  code?: string;
  repliedAt?: number;
  /** The customer's answer this message got first. */
  reply?: string;
  optedOutAt?: number;
}

/** How far back a reply with no notification since the customer's last message is tied (the service's fallback). */
const REPLY_FALLBACK_MS = 7 * 24 * 60 * 60 * 1000;

export function truthOf(log: HeardLog): MessageTruth[] {
  const messages = log.allMessages();
  const byConversation = new Map<string, HeardMessage[]>();
  for (const message of messages) byConversation.set(message.conversationId, [...(byConversation.get(message.conversationId) ?? []), message]);
  const truths = new Map<string, MessageTruth>(messages.map((message) => [message.messageId, baseTruth(message)]));
  for (const [conversationId, conversationMessages] of byConversation) {
    const sorted = [...conversationMessages].sort((a, b) => a.acceptedAt - b.acceptedAt);
    applyConversationFacts(sorted, log.conversationFacts(conversationId), truths);
  }
  return messages.map((message) => truths.get(message.messageId) as MessageTruth);
}

function baseTruth(message: HeardMessage): MessageTruth {
  const truth: MessageTruth = {
    messageId: message.messageId,
    notificationId: message.notificationId,
    conversationId: message.conversationId,
    phone: message.phone,
    acceptedAt: message.acceptedAt,
  };
  const campaign = message.metadata?.herald_campaign;
  const recipient = message.metadata?.herald_recipient;
  if (typeof campaign === 'string') truth.campaign = campaign;
  if (typeof recipient === 'number') truth.recipient = recipient;
  for (const fact of message.facts) {
    if (fact.kind === 'user') truth.deliveredAt = fact.at;
    if (fact.kind === 'failure') {
      truth.failedAt = fact.at;
      truth.code = fact.code;
      // WhatsApp's 131050: the customer stopped marketing messages.
      if (fact.code === '131050') truth.optedOutAt = fact.at;
    }
  }
  return truth;
}

/**
 * A read covers every message of the conversation already delivered; a reply belongs to the most
 * recent notification since the customer's last message, else to the most recent within 7 days.
 */
function applyConversationFacts(messages: HeardMessage[], facts: readonly ConversationFact[], truths: Map<string, MessageTruth>): void {
  let lastReplyAt = Number.NEGATIVE_INFINITY;
  for (const fact of facts) {
    if (fact.kind === 'read') {
      for (const message of messages) {
        const truth = truths.get(message.messageId) as MessageTruth;
        if (truth.deliveredAt !== undefined && truth.deliveredAt <= fact.at && truth.readAt === undefined) truth.readAt = fact.at;
      }
      continue;
    }
    const received = messages.filter((message) => message.acceptedAt <= fact.at);
    const sinceLastReply = received.filter((message) => message.acceptedAt > lastReplyAt);
    const target = sinceLastReply.at(-1) ?? received.filter((message) => message.acceptedAt >= fact.at - REPLY_FALLBACK_MS).at(-1);
    lastReplyAt = fact.at;
    if (!target) continue;
    const truth = truths.get(target.messageId) as MessageTruth;
    if (truth.repliedAt === undefined) {
      truth.repliedAt = fact.at;
      truth.reply = fact.reply.text;
    }
    if (fact.intent === 'stop' && truth.optedOutAt === undefined) truth.optedOutAt = fact.at;
  }
}
