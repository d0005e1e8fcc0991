import { mix32, Random } from '../zendesk/random';
import { seededReply, type CustomerReply } from './customerReplies';
import { DELIVERY_FAILURES, inShareOfNumbers } from './deliveryFailures';
import type { DeliveryFailure, IntegrationType, TemplateCategory } from './types';

/**
 * What happens to one accepted notification after the call, decided when it is accepted: seeded
 * (the same message gets the same fate on every run) and timed on the emulator's clock.
 */

/** How the customers behave. Every share is 0 to 1; the defaults are the sandbox's. */
export interface HearingOptions {
  /** Seed of every draw (default 13). */
  seed?: number;
  /** Share of numbers not on WhatsApp (131026), the same numbers every time (default 0.02). */
  undeliverableShare?: number;
  /** Share of numbers at Meta's per-user marketing cap (131049, marketing templates only; default 0.01). */
  marketingCapShare?: number;
  /** Share of numbers that stopped marketing messages (131050, marketing templates only; default 0.005). */
  optedOutShare?: number;
  /** Share of delivered WhatsApp messages read (default 0.6). */
  readShare?: number;
  /** Share of delivered WhatsApp messages answered (default 0.05), among those read. */
  replyShare?: number;
  /**
   * The v2 message id is the notification `_id`. The spec does not say whether they are equal, so
   * they differ by default; this makes them equal, to test the other reading.
   */
  messageIdIsNotificationId?: boolean;
  /**
   * Every delay after the call (to the channel, to the phone, to a read, to a reply) is multiplied by
   * this (default 1: seconds to deliver, up to ten minutes to read): a demo or a browser test shortens
   * them. The draws stay the same, so the same messages get the same fates.
   */
  delayScale?: number;
}

export const DEFAULT_HEARING: Required<HearingOptions> = {
  seed: 13,
  undeliverableShare: 0.02,
  marketingCapShare: 0.01,
  optedOutShare: 0.005,
  readShare: 0.6,
  replyShare: 0.05,
  messageIdIsNotificationId: false,
  delayScale: 1,
};

export type PlannedFact =
  | { kind: 'channel'; at: number }
  | { kind: 'user'; at: number }
  | { kind: 'failure'; at: number; code: string; message: string }
  | { kind: 'read'; at: number }
  | { kind: 'reply'; at: number; reply: CustomerReply };

export interface MessageToPlan {
  /** Stable per message (the notification `_id`): the draws are keyed by it. */
  key: string;
  phone: string;
  integrationType: IntegrationType;
  category: TemplateCategory | undefined;
  acceptedAt: number;
  /** A failure a test or a fault asked for; otherwise the seeded numbers decide. */
  failure: DeliveryFailure | undefined;
}

/** The seeded numbers' failures (WhatsApp only; the marketing ones spare utility templates). */
export function seededFailure(phone: string, category: TemplateCategory | undefined, options: Required<HearingOptions>): DeliveryFailure | undefined {
  if (inShareOfNumbers(`${phone}#undeliverable`, options.undeliverableShare)) return DELIVERY_FAILURES.undeliverable;
  if (category !== 'MARKETING') return undefined;
  if (inShareOfNumbers(`${phone}#opted-out`, options.optedOutShare)) return DELIVERY_FAILURES.optedOut;
  if (inShareOfNumbers(`${phone}#capped`, options.marketingCapShare)) return DELIVERY_FAILURES.marketingCap;
  return undefined;
}

export function planOutcome(message: MessageToPlan, options: Required<HearingOptions>): PlannedFact[] {
  const random = new Random(mix32(options.seed, hashOf(message.key)));
  const delay = (min: number, max: number) => Math.round(random.int(min, max) * options.delayScale);
  const channelAt = message.acceptedAt + delay(1_000, 3_000);
  const facts: PlannedFact[] = [{ kind: 'channel', at: channelAt }];
  const whatsApp = message.integrationType === 'whatsapp';
  const failure = message.failure ?? (whatsApp ? seededFailure(message.phone, message.category, options) : undefined);
  if (failure) {
    facts.push({ kind: 'failure', at: channelAt + delay(1_000, 5_000), code: failure.code, message: failure.title });
    return facts;
  }
  const userAt = channelAt + delay(2_000, 6_000);
  facts.push({ kind: 'user', at: userAt });
  // SMS has no read receipts, and customers answer the WhatsApp messages they read.
  if (!whatsApp || !random.chance(options.readShare)) return facts;
  const readAt = userAt + delay(10_000, 600_000);
  facts.push({ kind: 'read', at: readAt });
  if (options.readShare > 0 && random.chance(options.replyShare / options.readShare)) {
    facts.push({ kind: 'reply', at: readAt + delay(5_000, 300_000), reply: seededReply(random) });
  }
  return facts;
}

/** FNV-1a of a string, to key a generator. */
function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
