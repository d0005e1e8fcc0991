/**
 * WhatsApp's customer-care window: a business may reply freely for 24 hours after the customer's
 * last message; afterwards only an approved template reaches them (Meta error 131047), though
 * Zendesk still adds the agent's reply to the ticket. The window counts elapsed time, not wall-clock
 * time: a daylight-saving change or the agent's time zone never moves it.
 */

export const WINDOW_MS = 24 * 60 * 60 * 1000;
export const DEFAULT_WARNING_MINUTES = 60;

export interface ConversationMessage {
  /** Who wrote it: only the customer's own messages open the window. */
  from: 'customer' | 'business';
  /** When the customer sent it (epoch ms), not when the ticket was created. */
  sentAt: number;
}

export type MessagingWindow =
  | { state: 'no-customer-message' }
  | { state: 'open' | 'closing-soon'; lastCustomerMessageAt: number; closesAt: number; remainingMs: number }
  | { state: 'closed'; lastCustomerMessageAt: number; closedAt: number; closedForMs: number };

/**
 * The window at `now` from the conversation's messages, in any order: the latest customer message
 * counts. Closing soon when less than `warningMinutes` remain; closed at exactly 24 h.
 */
export function messagingWindow(messages: Iterable<ConversationMessage>, now: number, warningMinutes = DEFAULT_WARNING_MINUTES): MessagingWindow {
  let last: number | undefined;
  for (const message of messages) {
    if (message.from !== 'customer' || !Number.isFinite(message.sentAt)) continue;
    if (last === undefined || message.sentAt > last) last = message.sentAt;
  }
  if (last === undefined) return { state: 'no-customer-message' };
  const closesAt = last + WINDOW_MS;
  // A customer clock slightly ahead of ours must not show more than 24 h left.
  const remainingMs = Math.min(closesAt - now, WINDOW_MS);
  if (remainingMs <= 0) return { state: 'closed', lastCustomerMessageAt: last, closedAt: closesAt, closedForMs: now - closesAt };
  const warningMs = Math.max(0, warningMinutes) * 60_000;
  return { state: remainingMs <= warningMs ? 'closing-soon' : 'open', lastCustomerMessageAt: last, closesAt, remainingMs };
}

/** The remaining time split for a countdown (hours may exceed 23 only when the window is not yet running). */
export function countdownParts(remainingMs: number): { hours: number; minutes: number; seconds: number } {
  const total = Math.max(0, Math.ceil(remainingMs / 1000));
  return { hours: Math.floor(total / 3600), minutes: Math.floor((total % 3600) / 60), seconds: total % 60 };
}
