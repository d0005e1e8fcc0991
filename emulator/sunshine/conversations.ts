import { IdSequence, v2Id } from './ids';
import type { IntegrationType } from './types';

/**
 * What Sunshine creates when a notification is accepted (v2 spec: `user`, `client`,
 * `conversationTruncated`, `message`): one user per destination number, with one client per
 * integration (for WhatsApp, the number as the client's `externalId`), a personal conversation per
 * user and integration, and the messages in it, the business's and the customer's.
 */

export interface ChannelClient {
  id: string;
  type: IntegrationType;
  integrationId: string;
  /**
   * The user's id on the channel. WhatsApp's is the number in its own form, digits without the
   * plus (`wa_id`); Twilio's is the E.164 number ("the user's phone number for Twilio", spec `client`).
   */
  externalId: string;
  linkedAt: number;
}

export interface ConversationUser {
  id: string;
  /** The E.164 number the notifications were sent to. */
  phone: string;
  signedUpAt: number;
  clients: ChannelClient[];
}

export interface Conversation {
  id: string;
  userId: string;
  integrationId: string;
  integrationType: IntegrationType;
}

export type MessageContent = { type: 'text'; text: string; payload?: string } | { type: 'template'; template: Record<string, unknown> };

export interface ConversationMessage {
  id: string;
  conversationId: string;
  author: 'business' | 'user';
  received: number;
  content: MessageContent;
  /** `notification` for the business messages of the Notification API; the channel for the customer's. */
  sourceType: string;
  metadata: Record<string, string | number | boolean> | undefined;
  /** The notification `_id` it came from. */
  notificationId?: string;
  /** What the phone shows (a template rendered with its parameters), worked out when a phone is looked at. */
  shownText: () => string;
  /** The quick-reply buttons shown under it (a template's), worked out when a phone is looked at. */
  quickReplies?: () => Array<{ text: string; payload: string }>;
  /** The channel's id for it (`wamid.…`, `SM…`). */
  externalId: string;
}

export class ConversationStore {
  private readonly users = new Map<string, ConversationUser>();
  private readonly usersById = new Map<string, ConversationUser>();
  private readonly conversations = new Map<string, Conversation>();
  private readonly conversationByKey = new Map<string, Conversation>();
  private readonly messagesByConversation = new Map<string, ConversationMessage[]>();
  private readonly messageById = new Map<string, ConversationMessage>();
  private readonly userIds = new IdSequence();
  private readonly clientIds = new IdSequence();
  private readonly conversationIds = new IdSequence();
  private readonly messageIds = new IdSequence();
  private readonly externalIds = new IdSequence();

  /** The user and personal conversation of this number on this integration, created on first use. */
  conversationFor(phone: string, integrationId: string, integrationType: IntegrationType, at: number): { user: ConversationUser; conversation: Conversation } {
    let user = this.users.get(phone);
    if (!user) {
      user = { id: v2Id('user', this.userIds.take()), phone, signedUpAt: at, clients: [] };
      this.users.set(phone, user);
      this.usersById.set(user.id, user);
    }
    if (!user.clients.some((client) => client.integrationId === integrationId)) {
      const externalId = integrationType === 'whatsapp' ? phone.replace(/^\+/, '') : phone;
      user.clients.push({ id: v2Id('client', this.clientIds.take()), type: integrationType, integrationId, externalId, linkedAt: at });
    }
    const key = `${user.id}/${integrationId}`;
    let conversation = this.conversationByKey.get(key);
    if (!conversation) {
      conversation = { id: v2Id('conversation', this.conversationIds.take()), userId: user.id, integrationId, integrationType };
      this.conversationByKey.set(key, conversation);
      this.conversations.set(conversation.id, conversation);
    }
    return { user, conversation };
  }

  /** Adds a message; its id is the given one (the notification `_id`, when the emulator is told so) or a new one. */
  addMessage(input: Omit<ConversationMessage, 'id' | 'externalId'> & { id?: string }): ConversationMessage {
    const conversation = this.conversations.get(input.conversationId);
    const sequence = this.externalIds.take();
    const externalId = conversation?.integrationType === 'whatsapp' ? `wamid.HBgL${sequence.toString(36).toUpperCase().padStart(12, '0')}` : `SM${sequence.toString(16).padStart(32, '0')}`;
    const message: ConversationMessage = { ...input, id: input.id ?? v2Id('message', this.messageIds.take()), externalId };
    const list = this.messagesByConversation.get(message.conversationId) ?? [];
    list.push(message);
    this.messagesByConversation.set(message.conversationId, list);
    this.messageById.set(message.id, message);
    return message;
  }

  user(phone: string): ConversationUser | undefined {
    return this.users.get(phone);
  }

  userById(id: string): ConversationUser | undefined {
    return this.usersById.get(id);
  }

  conversation(id: string): Conversation | undefined {
    return this.conversations.get(id);
  }

  /** Every conversation of a number, in creation order. */
  conversationsOf(phone: string): Conversation[] {
    const user = this.users.get(phone);
    return user ? [...this.conversations.values()].filter((conversation) => conversation.userId === user.id) : [];
  }

  messages(conversationId: string): readonly ConversationMessage[] {
    return this.messagesByConversation.get(conversationId) ?? [];
  }

  message(id: string): ConversationMessage | undefined {
    return this.messageById.get(id);
  }

  /** Every number that received something, in first-contact order. */
  phones(): string[] {
    return [...this.users.keys()];
  }

  /** The Notification API's messages received in (after, upTo], oldest first. */
  notificationsBetween(conversationId: string, after: number, upTo: number): ConversationMessage[] {
    return this.messages(conversationId).filter((message) => message.sourceType === 'notification' && message.received > after && message.received <= upTo);
  }
}
