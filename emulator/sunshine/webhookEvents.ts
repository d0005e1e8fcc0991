import type { Conversation, ConversationMessage, ConversationUser } from './conversations';

/**
 * The v2 webhook events (spec `x-webhooks`, `eventSubSchema` and the payload schemas of each
 * trigger): one event is built once and rendered for each webhook, since `includeFullUser` and
 * `includeFullSource` change what a webhook receives.
 */

export type EventType =
  | 'conversation:message'
  | 'conversation:message:delivery:channel'
  | 'conversation:message:delivery:user'
  | 'conversation:message:delivery:failure'
  | 'conversation:read';

export interface RenderOptions {
  includeFullUser: boolean;
  includeFullSource: boolean;
}

export interface SunshineEvent {
  /** "May be used to ensure that an event is not processed twice" (eventSubSchema): a retry carries the same. */
  id: string;
  type: EventType;
  createdAt: number;
  payload(options: RenderOptions): Record<string, unknown>;
}

const iso = (time: number) => new Date(time).toISOString();

/** `user`: the truncated user (id, authenticated), or the whole one with `includeFullUser`. */
export function userView(user: ConversationUser, full: boolean): Record<string, unknown> {
  const truncated = { id: user.id, authenticated: false };
  if (!full) return truncated;
  return { ...truncated, signedUpAt: iso(user.signedUpAt), toBeRetained: false, profile: {}, metadata: {}, identities: [] };
}

function clientView(user: ConversationUser, integrationId: string): Record<string, unknown> | undefined {
  const client = user.clients.find((candidate) => candidate.integrationId === integrationId);
  if (!client) return undefined;
  return {
    id: client.id,
    type: client.type,
    status: 'active',
    integrationId: client.integrationId,
    externalId: client.externalId,
    linkedAt: iso(client.linkedAt),
    lastSeen: null,
    displayName: null,
    avatarUrl: null,
    info: null,
    raw: null,
  };
}

function conversationView(conversation: Conversation): Record<string, unknown> {
  return { id: conversation.id, type: 'personal' };
}

/** `messageWebhook`: a message as webhooks show it (and as `recentNotifications` lists them). */
export function messageView(message: ConversationMessage, user: ConversationUser, conversation: Conversation, options: RenderOptions): Record<string, unknown> {
  const author =
    message.author === 'business'
      ? { type: 'business' }
      : { type: 'user', userId: user.id, user: userView(user, options.includeFullUser) };
  const source: Record<string, unknown> =
    message.author === 'business'
      ? { type: message.sourceType }
      : {
          type: message.sourceType,
          integrationId: conversation.integrationId,
          originalMessageId: message.externalId,
          originalMessageTimestamp: iso(message.received),
        };
  if (message.author === 'user' && options.includeFullSource) source.client = clientView(user, conversation.integrationId) ?? null;
  const view: Record<string, unknown> = { id: message.id, received: iso(message.received), author, content: message.content, source };
  if (message.metadata) view.metadata = message.metadata;
  return view;
}

export interface EventContext {
  id: string;
  at: number;
  user: ConversationUser;
  conversation: Conversation;
}

/** `conversation:message`; a customer's message lists the notifications since their last one. */
export function messageEvent(context: EventContext, message: ConversationMessage, recentNotifications: readonly ConversationMessage[]): SunshineEvent {
  const { user, conversation } = context;
  return {
    id: context.id,
    type: 'conversation:message',
    createdAt: context.at,
    payload: (options) => {
      const payload: Record<string, unknown> = { conversation: conversationView(conversation), message: messageView(message, user, conversation, options) };
      if (message.author === 'user') payload.recentNotifications = recentNotifications.map((notification) => messageView(notification, user, conversation, options));
      return payload;
    },
  };
}

export type DeliveryStep = { type: 'conversation:message:delivery:channel' | 'conversation:message:delivery:user' } | { type: 'conversation:message:delivery:failure'; code: string; message: string };

/** The three delivery events (`conversationMessageDeliveryPayload`, `…FailureEvent` adds `error`). */
export function deliveryEvent(context: EventContext, message: ConversationMessage, step: DeliveryStep): SunshineEvent {
  const { user, conversation } = context;
  return {
    id: context.id,
    type: step.type,
    createdAt: context.at,
    payload: (options) => {
      const payload: Record<string, unknown> = {
        user: userView(user, options.includeFullUser),
        conversation: conversationView(conversation),
        message: { id: message.id },
        destination: { type: conversation.integrationType, integrationId: conversation.integrationId },
        externalMessages: [{ id: message.externalId }],
        // Final for the (message, destination) pair: the handing to the channel is followed by the user's or the failure's.
        isFinalEvent: step.type !== 'conversation:message:delivery:channel',
      };
      if (step.type === 'conversation:message:delivery:failure') payload.error = { code: step.code, message: step.message };
      return payload;
    },
  };
}

/** `conversation:read`: the customer read the conversation (no message id: everything up to now). */
export function readEvent(context: EventContext): SunshineEvent {
  const { user, conversation } = context;
  return {
    id: context.id,
    type: 'conversation:read',
    createdAt: context.at,
    payload: (options) => ({
      conversation: conversationView(conversation),
      activity: {
        type: 'conversation:read',
        author: { type: 'user', userId: user.id, user: userView(user, options.includeFullUser) },
        source: { type: conversation.integrationType, integrationId: conversation.integrationId },
      },
    }),
  };
}

export { iso as isoTime };
