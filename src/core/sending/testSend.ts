import type { Recipient } from '../campaign/plan';
import { classifySendError, type RetryReason, type StopReason } from './errorPolicy';
import type { NotificationSender } from './ports';
import type { SkipReason, UnverifiedCause } from './states';

/**
 * A test send: the real rendered message to one chosen person, before the campaign. It goes
 * through the same sender and error policy as the campaign, so that what it reports is what the
 * campaign would meet; it touches no ledger and no blackout log, and it is never retried (the user
 * sees the answer and decides).
 */
export type TestSendOutcome =
  | { kind: 'sent'; notificationId: string }
  /** Refused for now (rate limit, server error): nothing was sent; trying later may work. */
  | { kind: 'retry-later'; reason: RetryReason; retryAfterMs?: number }
  /** No answer: it may have been sent. */
  | { kind: 'unverified'; cause: UnverifiedCause }
  /** This number cannot receive it. */
  | { kind: 'failed'; code: string }
  | { kind: 'skipped'; reason: SkipReason }
  /** The campaign itself would stop for this reason. */
  | { kind: 'stopped'; reason: StopReason };

export async function sendTestMessage(sender: NotificationSender, recipient: Recipient, signal?: AbortSignal): Promise<TestSendOutcome> {
  const attempt = await sender.send(recipient, signal ? { signal } : {});
  if (attempt.ok) return { kind: 'sent', notificationId: attempt.notificationId };
  const errorClass = classifySendError(attempt.error);
  switch (errorClass.kind) {
    case 'retry':
      return errorClass.retryAfterMs === undefined
        ? { kind: 'retry-later', reason: errorClass.reason }
        : { kind: 'retry-later', reason: errorClass.reason, retryAfterMs: errorClass.retryAfterMs };
    case 'ambiguous':
      return { kind: 'unverified', cause: errorClass.cause };
    case 'recipient-failed':
      return { kind: 'failed', code: errorClass.code };
    case 'recipient-skipped':
      return { kind: 'skipped', reason: errorClass.reason };
    case 'stop':
      return { kind: 'stopped', reason: errorClass.reason };
  }
}
