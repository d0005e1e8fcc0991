/**
 * What the channel said, later and by webhook, about one message Sunshine accepted. The ledger
 * (`core/sending/states.ts`) ends at `sent`: accepted by Sunshine. What follows comes from the
 * delivery webhooks (`conversation:message:delivery:user`, `…:failure`), `conversation:read` and the
 * customer's replies, heard by the Herald service, in any order and possibly twice.
 */
export const DELIVERY_STATES = ['accepted', 'delivered', 'read', 'failed'] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

/**
 * Everything heard about one message, each time the first it was heard. Kept as separate facts so
 * that applying events is order-free and idempotent (each field only ever takes the earliest time):
 * Sunshine retries webhooks and delivers them in no particular order.
 */
export interface RecipientDelivery {
  /** `conversation:message:delivery:user`: the phone has it. */
  deliveredAt?: number;
  /** `conversation:read` after this message was sent. */
  readAt?: number;
  /** `conversation:message:delivery:failure`, with the channel's code (`131026`). */
  failedAt?: number;
  code?: string;
  /** The customer's first answer after this message. */
  repliedAt?: number;
  /** When this message led to an opt-out (a STOP word, or WhatsApp's 131050). */
  optedOutAt?: number;
}

/** One thing heard about a message, already tied to its campaign and recipient. */
export type DeliveryEvent =
  | { kind: 'delivered'; at: number }
  | { kind: 'read'; at: number }
  | { kind: 'failed'; at: number; code: string }
  | { kind: 'replied'; at: number; optOut?: boolean }
  | { kind: 'opted-out'; at: number };

export function applyDeliveryEvent(current: RecipientDelivery | undefined, event: DeliveryEvent): RecipientDelivery {
  const next: RecipientDelivery = { ...current };
  switch (event.kind) {
    case 'delivered':
      next.deliveredAt = earliest(next.deliveredAt, event.at);
      break;
    case 'read':
      next.readAt = earliest(next.readAt, event.at);
      break;
    case 'failed':
      // Two failures: the first is kept, with its code (a tie goes to the smaller code, so the order of arrival never matters).
      if (next.failedAt === undefined || event.at < next.failedAt || (event.at === next.failedAt && event.code < (next.code ?? ''))) {
        next.failedAt = event.at;
        next.code = event.code;
      }
      break;
    case 'replied':
      next.repliedAt = earliest(next.repliedAt, event.at);
      if (event.optOut) next.optedOutAt = earliest(next.optedOutAt, event.at);
      break;
    case 'opted-out':
      next.optedOutAt = earliest(next.optedOutAt, event.at);
      break;
  }
  return next;
}

/**
 * What the facts say, for people:
 * - a failure reported at or after the delivery is kept, as the channel said (WhatsApp may report
 *   a delivery then a failure); a read of the conversation does not undo it (the failed message was
 *   never on the phone to be read);
 * - a read implies the message was delivered;
 * - a reply implies delivery, not a read (the customer may have read receipts off).
 */
export function deliveryStateOf(delivery: RecipientDelivery): DeliveryState {
  if (delivery.failedAt !== undefined && (delivery.deliveredAt === undefined || delivery.failedAt >= delivery.deliveredAt)) return 'failed';
  if (delivery.readAt !== undefined) return 'read';
  if (delivery.deliveredAt !== undefined || delivery.repliedAt !== undefined) return 'delivered';
  return 'accepted';
}

function earliest(current: number | undefined, at: number): number {
  return current === undefined ? at : Math.min(current, at);
}

/** A campaign's funnel: what was heard about the messages Sunshine accepted. */
export interface DeliveryTotals {
  /** Messages the service heard anything about. */
  heard: number;
  /** Delivered or read (a read message was delivered). */
  delivered: number;
  read: number;
  replied: number;
  optedOut: number;
  /** Later failures by the channel's code. */
  failed: Record<string, number>;
  /** When the service last heard about this campaign (ms since epoch). */
  heardAt: number;
}

export function totalsOf(deliveries: Iterable<RecipientDelivery>, heardAt: number): DeliveryTotals {
  const totals: DeliveryTotals = { heard: 0, delivered: 0, read: 0, replied: 0, optedOut: 0, failed: {}, heardAt };
  for (const delivery of deliveries) {
    totals.heard += 1;
    const state = deliveryStateOf(delivery);
    if (state === 'delivered' || state === 'read') totals.delivered += 1;
    if (state === 'read') totals.read += 1;
    if (state === 'failed') {
      const code = delivery.code ?? 'unknown';
      totals.failed[code] = (totals.failed[code] ?? 0) + 1;
    }
    if (delivery.repliedAt !== undefined) totals.replied += 1;
    if (delivery.optedOutAt !== undefined) totals.optedOut += 1;
  }
  return totals;
}
