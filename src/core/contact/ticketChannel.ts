/**
 * Which messaging channel a ticket came from, read from its `via`. Zendesk messaging tickets carry
 * `via.channel` "native_messaging" (older integrations: "whatsapp", "sms", "any_channel") and name
 * the platform in `via.source` (`rel`, or the `from`/`to` descriptions).
 */
export const TICKET_CHANNELS = ['whatsapp', 'sms', 'other-messaging', 'not-messaging'] as const;
export type TicketChannel = (typeof TICKET_CHANNELS)[number];

export interface ViaFacts {
  channel?: string | null;
  source?: unknown;
}

const SMS_WORDS = /\b(sms|twilio|messagebird)\b/i;
const WHATSAPP_WORDS = /whatsapp/i;
const MESSAGING_CHANNELS = new Set(['native_messaging', 'messaging', 'sunshine_conversations', 'whatsapp', 'sms', 'any_channel']);

export function ticketChannelOf(via: ViaFacts | null | undefined): TicketChannel {
  const channel = (via?.channel ?? '').toLowerCase();
  if (!MESSAGING_CHANNELS.has(channel)) return 'not-messaging';
  const source = JSON.stringify(via?.source ?? {});
  if (channel === 'whatsapp' || WHATSAPP_WORDS.test(source)) return 'whatsapp';
  if (channel === 'sms' || SMS_WORDS.test(source)) return 'sms';
  return 'other-messaging';
}
