import { apiMessageOf, causeOf } from '../../core/failure/failureCause';
import { HeraldObjectsMissingError, NotAllowedError } from '../../app/errors';
import { TemplateNameTakenError } from '../../app/templates/templates';
import type { RemovalOutcome, SubmissionTarget, TargetOutcome } from '../../store/templateCatalogue';
import type { Translate } from '../i18n/messages';

export function describeTarget(target: SubmissionTarget, t: Translate): string {
  return target.channel === 'sms' ? t('templates.smsSource') : (target.integration.displayName ?? target.integration.id);
}

/** Why a target failed, in the agent's language, with Meta's own words when it gave some. */
export function failureReason(error: unknown, t: Translate): string {
  if (error instanceof TemplateNameTakenError) return t('templates.outcome.nameTaken', { name: error.templateName });
  if (error instanceof HeraldObjectsMissingError) return t('templates.outcome.notSetUp');
  if (error instanceof NotAllowedError) return t(`errors.notAllowed.${error.right}`);
  const cause = t(`errors.${causeOf(error)}`);
  const details = apiMessageOf(error);
  return details ? `${cause} ${t('errors.details', { details })}` : cause;
}

/** One line per target: created, already there, deleted, or failed and why. */
export function outcomeMessage(outcome: TargetOutcome | RemovalOutcome, t: Translate): string {
  const target = describeTarget(outcome.target, t);
  switch (outcome.status) {
    case 'created':
      return t('templates.outcome.created', { target });
    case 'already-there':
      return t('templates.outcome.alreadyThere', { target });
    case 'deleted':
      return t('templates.outcome.deleted', { target });
    case 'failed':
      return t('templates.outcome.failed', { target, reason: failureReason(outcome.error, t) });
  }
}
