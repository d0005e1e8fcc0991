import type { DeliveryFailure } from './types';

/**
 * Ready-made per-number failures for `SunshineState.failDeliveriesTo`, with the WhatsApp codes and
 * wording of reference §2. The call accepts the notification (201) and the failure comes later, as
 * `conversation:message:delivery:failure` webhooks: the per-recipient codes (131026, 131049,
 * 131050…) are the channel's verdict (../shared/reference/hearing-back.md §1). Which codes may also
 * come back on the call is not documented; the pair rate limit (131056) stays on the call, as an
 * assumption: it is SunCo's and WhatsApp's throttling of the send itself, not a verdict on the
 * recipient. `onTheCall` makes any failure synchronous, for tests of the app's handling of a refusal.
 */
export const DELIVERY_FAILURES = {
  /** Not on WhatsApp, app too old, terms not accepted. */
  undeliverable: { status: 400, code: '131026', title: 'Message undeliverable' },
  /** The user stopped marketing messages from this business. */
  optedOut: { status: 400, code: '131050', title: 'User has stopped receiving marketing messages', categories: ['MARKETING'] },
  /** Meta's per-user marketing cap; utility templates still go through. */
  marketingCap: {
    status: 400,
    code: '131049',
    title: 'This message was not delivered to maintain healthy ecosystem engagement',
    categories: ['MARKETING'],
  },
  /** Too many messages to the same user in a short time. */
  pairRateLimit: { status: 429, code: '131056', title: 'Pair rate limit hit: too many messages sent to this phone number', synchronous: true },
} satisfies Record<string, DeliveryFailure>;

/** The same failure, answered on the notification call instead of later. */
export function onTheCall(failure: DeliveryFailure): DeliveryFailure {
  return { ...failure, synchronous: true };
}

/**
 * Whether a number falls in a share (0 to 1) of all numbers: a hash of the number (FNV-1a), so the
 * same numbers fail every time and a larger share keeps the smaller one's numbers.
 */
export function inShareOfNumbers(destinationId: string, share: number): boolean {
  if (share <= 0) return false;
  let hash = 0x811c9dc5;
  for (let index = 0; index < destinationId.length; index += 1) {
    hash ^= destinationId.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash / 0x1_0000_0000 < share;
}
