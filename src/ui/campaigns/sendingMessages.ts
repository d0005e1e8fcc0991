import { HELD_AFTER_ACCEPTED_CHANGE, UNTRUSTED_PAUSE_REASON } from '../../core/campaign/lifecycle';
import { STOP_REASONS, type StopReason } from '../../core/sending/errorPolicy';
import type { TestSendOutcome } from '../../core/sending/testSend';
import type { Translate } from '../i18n/messages';

/**
 * The sending engine's outcomes in the user's words (translations `sending.*`): why a campaign
 * paused, what a failure code means, what happened to a test send.
 */

const KNOWN_FAILURES = ['whatsapp-131026', 'invalid-number', 'retries-exhausted', 'conversation-full'] as const;
type KnownFailure = (typeof KNOWN_FAILURES)[number];

const isKnownFailure = (code: string): code is KnownFailure => (KNOWN_FAILURES as readonly string[]).includes(code);
const isStopReason = (reason: string): reason is StopReason => (STOP_REASONS as readonly string[]).includes(reason);

/** Why a campaign paused: the user, or a reason of the engine (an unknown one reads as unexpected). */
export function stopReasonMessage(t: Translate, reason: string): string {
  if (reason === 'user') return t('campaigns.page.pausedByUser');
  if (reason === HELD_AFTER_ACCEPTED_CHANGE) return t('campaigns.page.heldAfterChange');
  if (reason === UNTRUSTED_PAUSE_REASON) return t('campaigns.page.pausedUntrusted');
  return t(`sending.stop.${isStopReason(reason) ? reason : 'unexpected'}`);
}

export function failureMeaning(t: Translate, code: string): string {
  return isKnownFailure(code) ? t(`sending.failure.${code}`) : t('sending.failure.other', { code });
}

export function testOutcomeMessage(t: Translate, outcome: TestSendOutcome, phone: string): string {
  switch (outcome.kind) {
    case 'sent':
      return t('campaigns.wizard.test.sent', { phone });
    case 'retry-later':
      return outcome.retryAfterMs === undefined
        ? t('campaigns.wizard.test.retryLater')
        : t('campaigns.wizard.test.retryLaterIn', { seconds: Math.ceil(outcome.retryAfterMs / 1000) });
    case 'unverified':
      return t(`sending.unverified.${outcome.cause}`);
    case 'failed':
      return failureMeaning(t, outcome.code);
    case 'skipped':
      return t(`sending.skip.${outcome.reason}`);
    case 'stopped':
      return stopReasonMessage(t, outcome.reason);
  }
}
