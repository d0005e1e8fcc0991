import type { ReengagementOutcome } from '../../core/campaign/reengagement';
import { SKIP_REASONS, UNVERIFIED_CAUSES, type SkipReason, type UnverifiedCause } from '../../core/sending/states';
import { failureMeaning, stopReasonMessage } from '../campaigns/sendingMessages';
import type { Translate } from '../i18n/messages';

const isSkipReason = (reason: string): reason is SkipReason => (SKIP_REASONS as readonly string[]).includes(reason);
const isUnverifiedCause = (cause: string): cause is UnverifiedCause => (UNVERIFIED_CAUSES as readonly string[]).includes(cause);

/** A re-engagement's outcome in a sentence, with the engine's own explanation of a failure, skip or doubt. */
export function reengagementOutcomeMessage(t: Translate, outcome: ReengagementOutcome): string {
  switch (outcome.kind) {
    case 'sent':
      return t('ticket.reengage.outcome.sent');
    case 'failed':
      return t('ticket.reengage.outcome.notSent', { reason: failureMeaning(t, outcome.code) });
    case 'skipped':
      return t('ticket.reengage.outcome.notSent', {
        reason: isSkipReason(outcome.reason) ? t(`sending.skip.${outcome.reason}`) : t('sending.failure.other', { code: outcome.reason }),
      });
    case 'unverified':
      return t('ticket.reengage.outcome.unverified', { reason: t(`sending.unverified.${isUnverifiedCause(outcome.cause) ? outcome.cause : 'crash'}`) });
    case 'not-sent':
      return t('ticket.reengage.outcome.notSent', {
        reason: outcome.reason === 'busy' ? t('ticket.reengage.outcome.busy') : stopReasonMessage(t, outcome.reason),
      });
  }
}
