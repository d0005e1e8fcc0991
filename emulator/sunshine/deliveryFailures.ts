import type { DeliveryFailure } from './types';

/**
 * Ready-made per-number failures for `SunshineState.failDeliveriesTo`, with the WhatsApp codes and
 * wording of reference §2. Real SunCo reports these after the fact (delivery-failure webhooks); the
 * emulator answers them on the notification call so the app's per-recipient results can be tested.
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
  pairRateLimit: { status: 429, code: '131056', title: 'Pair rate limit hit: too many messages sent to this phone number' },
} satisfies Record<string, DeliveryFailure>;
