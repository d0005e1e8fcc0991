import type { Clock } from '../clock';
import type { Scheduler } from '../scheduler';
import type { Conversation, ConversationMessage, ConversationUser } from './conversations';
import { intentOf, type CustomerReply, type ReplyIntent } from './customerReplies';
import type { ConversationFact, HeardMessage } from './heardLog';
import { planOutcome, type PlannedFact } from './outcomePlan';
import { phoneViews, type PhoneView } from './phones';
import { contentOf, quickRepliesOf, shownTextOf } from './shownText';
import type { SunshineState } from './state';
import { truthOf, type MessageTruth } from './truth';
import type { DeliveryFailure, NotificationRecord, TemplateCategory } from './types';
import type { WebhookDispatcher } from './webhookDispatcher';
import { deliveryEvent, messageEvent, readEvent, type EventContext, type SunshineEvent } from './webhookEvents';

export interface HearingDeps {
  clock: Clock;
  scheduler: Scheduler;
  dispatcher: WebhookDispatcher;
  /** Read on each use: an emulator reset swaps the state. */
  state: () => SunshineState;
}

/** A customer's answer typed through the emulator; `intent` overrides the default STOP and START words. */
export type TypedReply = string | (CustomerReply & { intent?: ReplyIntent });

/**
 * What WhatsApp reports after the Notification API accepted a message, and what customers do:
 * each accepted notification becomes a v2 business message in the customer's conversation, its
 * `conversation:message` echo goes out at once, and its seeded fate (delivered, read, answered, or
 * failed with WhatsApp's code) follows as webhooks, on the emulator's clock.
 */
export class SunshineHearing {
  constructor(private readonly deps: HearingDeps) {}

  /** Called by the Notification API once it answered 201; `laterFailure` is a failure not answered on the call. */
  accepted(record: NotificationRecord, category: TemplateCategory | undefined, laterFailure: DeliveryFailure | undefined): ConversationMessage {
    const state = this.deps.state();
    const { conversations, heard } = state;
    const { user, conversation } = conversations.conversationFor(record.destinationId, record.integrationId, record.integrationType, record.at);
    const metadata = record.message.metadata as Record<string, string | number | boolean> | undefined;
    const templateOf = () => record.template && this.deps.state().messageTemplate(record.integrationId, record.template.name, record.template.language);
    const message = conversations.addMessage({
      id: state.hearingOptions.messageIdIsNotificationId ? record.id : undefined,
      conversationId: conversation.id,
      author: 'business',
      received: record.at,
      content: contentOf(record),
      sourceType: 'notification',
      metadata,
      notificationId: record.id,
      shownText: () => shownTextOf(record, templateOf()),
      quickReplies: () => quickRepliesOf(record, templateOf()),
    });
    const planned = planOutcome(
      { key: record.id, phone: record.destinationId, integrationType: record.integrationType, category, acceptedAt: record.at, failure: laterFailure },
      state.hearingOptions,
    );
    const heardMessage: HeardMessage = {
      messageId: message.id,
      notificationId: record.id,
      conversationId: conversation.id,
      phone: record.destinationId,
      integrationId: record.integrationId,
      acceptedAt: record.at,
      metadata,
      facts: planned.filter((fact): fact is HeardMessage['facts'][number] => fact.kind === 'channel' || fact.kind === 'user' || fact.kind === 'failure'),
    };
    heard.addMessage(heardMessage);
    for (const fact of planned) {
      if (fact.kind === 'read') heard.addConversationFact(conversation.id, fact);
      if (fact.kind === 'reply') heard.addConversationFact(conversation.id, { ...fact, intent: intentOf(fact.reply) });
    }
    this.emit(messageEvent(this.context(user, conversation, record.at), message, []));
    for (const fact of planned) this.at(fact.at, () => this.happen(fact, message, user, conversation));
    return message;
  }

  /** The customer answers from their phone, now: a read of the conversation, then their message. */
  reply(phone: string, typed: TypedReply): void {
    const { user, conversation } = this.latestConversation(phone);
    const reply: CustomerReply = typeof typed === 'string' ? { text: typed } : { text: typed.text, ...(typed.payload === undefined ? {} : { payload: typed.payload }) };
    const intent = typeof typed === 'string' || typed.intent === undefined ? intentOf(reply) : typed.intent;
    const now = this.deps.clock.now();
    this.readNow(user, conversation, now);
    const fact: ConversationFact = { kind: 'reply', at: now, reply, intent };
    this.deps.state().heard.addConversationFact(conversation.id, fact);
    this.happen(fact, undefined, user, conversation);
  }

  /** The customer opens the conversation now: `conversation:read`. */
  read(phone: string): void {
    const { user, conversation } = this.latestConversation(phone);
    this.readNow(user, conversation, this.deps.clock.now());
  }

  truth(): MessageTruth[] {
    return truthOf(this.deps.state().heard);
  }

  phones(): PhoneView[] {
    const state = this.deps.state();
    return phoneViews(state.conversations, state.heard, this.deps.clock.now());
  }

  private readNow(user: ConversationUser, conversation: Conversation, now: number): void {
    const fact: ConversationFact = { kind: 'read', at: now };
    this.deps.state().heard.addConversationFact(conversation.id, fact);
    this.happen(fact, undefined, user, conversation);
  }

  /** A fact whose time came: the webhook event it makes (a customer's message is created now). */
  private happen(fact: PlannedFact | ConversationFact, message: ConversationMessage | undefined, user: ConversationUser, conversation: Conversation): void {
    const context = this.context(user, conversation, fact.at);
    switch (fact.kind) {
      case 'channel':
      case 'user':
        if (message) this.emit(deliveryEvent(context, message, { type: `conversation:message:delivery:${fact.kind}` }));
        return;
      case 'failure':
        if (message) this.emit(deliveryEvent(context, message, { type: 'conversation:message:delivery:failure', code: fact.code, message: fact.message }));
        return;
      case 'read':
        this.emit(readEvent(context));
        return;
      case 'reply': {
        const state = this.deps.state();
        const since = state.heard.lastReplyBefore(conversation.id, fact.at);
        const recent = state.conversations.notificationsBetween(conversation.id, since, fact.at);
        const written = state.conversations.addMessage({
          conversationId: conversation.id,
          author: 'user',
          received: fact.at,
          content: { type: 'text', text: fact.reply.text, ...(fact.reply.payload === undefined ? {} : { payload: fact.reply.payload }) },
          sourceType: conversation.integrationType,
          metadata: undefined,
          shownText: () => fact.reply.text,
        });
        this.emit(messageEvent(context, written, recent));
        return;
      }
    }
  }

  private context(user: ConversationUser, conversation: Conversation, at: number): EventContext {
    return { id: this.deps.state().heard.nextEventId(), at, user, conversation };
  }

  private emit(event: SunshineEvent): void {
    if (this.deps.dispatcher.listens(event.type)) this.deps.dispatcher.emit(event);
  }

  /** Planned facts run on the scheduler only while some webhook listens: nobody else needs their time to come. */
  private at(time: number, task: () => void): void {
    if (this.deps.dispatcher.listens()) this.deps.scheduler.at(time, task);
  }

  private latestConversation(phone: string): { user: ConversationUser; conversation: Conversation } {
    const { conversations } = this.deps.state();
    const user = conversations.user(phone);
    const candidates = conversations.conversationsOf(phone).filter((conversation) => conversation.integrationType === 'whatsapp');
    const latest = candidates.sort((a, b) => (conversations.messages(a.id).at(-1)?.received ?? 0) - (conversations.messages(b.id).at(-1)?.received ?? 0)).at(-1);
    if (!user || !latest) throw new Error(`No WhatsApp conversation with ${phone.slice(0, 4)}…: send it a message first`);
    return { user, conversation: latest };
  }
}
