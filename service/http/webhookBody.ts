import { z } from 'zod/mini';

/**
 * What a Sunshine webhook call may carry (v2 spec, `x-webhooks` "Webhook Event": `app`, `webhook`,
 * `events[]`, each event `eventSubSchema` + its payload). The spec marks almost nothing required;
 * the service needs, and refuses (400, "the target exists, but can't process the payload") without:
 * - `events` as an array (a call without it carries nothing to process); an event in it that cannot
 *   be read is skipped and logged by its path, the others are kept (a 400 would lose them all:
 *   Sunshine does not send a call again after a 400); a call of nothing but such events is a 400;
 * - each event's `id` (duplicates are recognised by it: "may be used to ensure that an event is not
 *   processed twice"), `type` and `createdAt` (when it happened, `YYYY-MM-DDThh:mm:ss.SSSZ`).
 * Fields it reads are checked against the spec's types; everything else passes (loose objects).
 * Types it does not handle are accepted and ignored: a webhook may subscribe to more triggers.
 */

const isoDate = z.string().check(z.refine((value) => !Number.isNaN(Date.parse(value))));

/** An id the store can keep: no control character (Postgres text refuses NUL), 256 characters at most. */
const safeId = z.string().check(z.minLength(1), z.maxLength(256), z.refine((value) => ![...value].some((character) => character.charCodeAt(0) < 0x20 || character.charCodeAt(0) === 0x7f)));

export const eventSchema = z.looseObject({
  id: safeId,
  type: z.string(),
  createdAt: isoDate,
  payload: z.optional(z.unknown()),
});

export const webhookBodySchema = z.looseObject({
  app: z.optional(z.looseObject({ id: z.optional(z.string()) })),
  webhook: z.optional(z.looseObject({ id: z.optional(z.string()), version: z.optional(z.string()) })),
  // Each event is read on its own (heardEvents.ts): one the service cannot read is skipped, not the call.
  events: z.array(z.unknown()),
});

export type WebhookEvent = z.infer<typeof eventSchema>;

const conversationSchema = z.looseObject({ id: safeId });

/** `metadata` (spec `metadata`): a flat object. */
const metadataSchema = z.nullish(z.record(z.string(), z.unknown()));

/** `messageWebhook`: `author.type` is the one field the spec requires. */
export const messageWebhookSchema = z.looseObject({
  id: safeId,
  received: z.optional(isoDate),
  author: z.looseObject({ type: z.enum(['business', 'user']) }),
  content: z.optional(z.looseObject({ type: z.optional(z.string()), text: z.nullish(z.string()), payload: z.nullish(z.string()) })),
  source: z.optional(z.looseObject({ type: z.optional(z.string()) })),
  metadata: metadataSchema,
});

/** `conversationMessageEvent` payload. */
export const conversationMessagePayload = z.looseObject({
  conversation: z.optional(conversationSchema),
  message: messageWebhookSchema,
  recentNotifications: z.optional(z.array(messageWebhookSchema)),
});

/** `conversationMessageDeliveryPayload` (+ `error` on a failure). */
export const deliveryPayload = z.looseObject({
  conversation: z.optional(conversationSchema),
  message: z.looseObject({ id: safeId }),
  destination: z.optional(z.looseObject({ type: z.optional(z.string()), integrationId: z.optional(z.string()) })),
  isFinalEvent: z.optional(z.boolean()),
  error: z.optional(z.looseObject({ code: z.optional(z.string()), message: z.optional(z.string()) })),
});

/** `conversationReadEvent` payload. */
export const readPayload = z.looseObject({
  conversation: conversationSchema,
  activity: z.optional(z.looseObject({ type: z.optional(z.string()) })),
});

export const PAYLOAD_SCHEMAS = {
  'conversation:message': conversationMessagePayload,
  'conversation:message:delivery:channel': deliveryPayload,
  'conversation:message:delivery:user': deliveryPayload,
  'conversation:message:delivery:failure': deliveryPayload,
  'conversation:read': readPayload,
} as const;

export type HandledType = keyof typeof PAYLOAD_SCHEMAS;

export function isHandledType(type: string): type is HandledType {
  return Object.hasOwn(PAYLOAD_SCHEMAS, type);
}
