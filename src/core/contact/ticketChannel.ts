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

/**
 * The channel a ticket came in through, among those that can send the template: the one whose
 * number is the business number the customer wrote to (`via.source.to`), compared digit for digit
 * (Sunshine gives WhatsApp numbers without "+"). Undefined when none matches: the agent chooses.
 */
export function integrationOfTicket<C extends { senderNumber: string | undefined }>(candidates: readonly C[], businessNumber: string | undefined): C | undefined {
  const digits = (value: string | undefined) => (value ?? '').replace(/\D/g, '');
  const wanted = digits(businessNumber);
  if (wanted === '') return undefined;
  return candidates.find((candidate) => digits(candidate.senderNumber) === wanted);
}

/** The business number a messaging ticket was sent to, from its `via.source.to` (`phone`, or `address` for some channels). */
export function businessNumberOf(via: { source?: unknown } | null | undefined): string | undefined {
  const source = via?.source;
  if (!source || typeof source !== 'object') return undefined;
  const to = (source as { to?: unknown }).to;
  if (!to || typeof to !== 'object') return undefined;
  const { phone, address } = to as { phone?: unknown; address?: unknown };
  const value = typeof phone === 'string' ? phone : typeof address === 'string' ? address : undefined;
  return value && /\d{6,}/.test(value.replace(/[\s().-]/g, '')) ? value : undefined;
}
