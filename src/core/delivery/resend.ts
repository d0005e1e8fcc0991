import type { RecipientDelivery } from './deliveryState';
import { LATER_RETRY_WAIT_MS, laterFailureMeaning, retryableLater } from './laterFailures';

/**
 * What the Herald service heard about a message Sunshine accepted, read for one question: may a
 * follow-up campaign send it to this recipient again? A message the phone got is never sent
 * twice, whatever came after (WhatsApp may report a failure after a delivery).
 */
export type HeardResend =
  /** Delivered, read, answered, or the customer opted out from it. */
  | { verdict: 'received' }
  /** Nothing heard says it failed: as far as anyone knows, it went out. */
  | { verdict: 'accepted' }
  /** It failed later for a passing reason (laterFailures.ts): send again. */
  | { verdict: 'retry'; code: string }
  /** Meta's marketing limit (131049) heard less than 24 hours ago: not before `until`. */
  | { verdict: 'wait'; code: string; until: number }
  /** It failed later for a reason a retry would meet again (not on WhatsApp, opted out of marketing…). */
  | { verdict: 'never'; code: string };

export function heardResend(delivery: RecipientDelivery | undefined, now: number): HeardResend {
  if (delivery === undefined) return { verdict: 'accepted' };
  const { deliveredAt, readAt, repliedAt, optedOutAt, failedAt, code } = delivery;
  if (deliveredAt !== undefined || readAt !== undefined || repliedAt !== undefined || optedOutAt !== undefined) return { verdict: 'received' };
  if (failedAt === undefined) return { verdict: 'accepted' };
  const failure = code ?? 'unknown';
  if (retryableLater(failure, failedAt, now)) return { verdict: 'retry', code: failure };
  if (laterFailureMeaning(failure).retry === 'after-24h') return { verdict: 'wait', code: failure, until: failedAt + LATER_RETRY_WAIT_MS };
  return { verdict: 'never', code: failure };
}
