import {
  CampaignNotEditableError,
  ContactListCsvError,
  CampaignNotFrozenError,
  EmptyAudienceError,
  FollowUpRefusedError,
  HeraldObjectsMissingError,
  MAX_LIST_FILE_BYTES,
  MAX_LIST_FILE_ROWS,
  IllegalCampaignTransitionError,
  MappingIncompleteError,
  NotAllowedError,
  ScheduleNotDueError,
  ScheduleRefusedError,
  TestSendRefusedError,
  UntrustedChangeError,
} from '../../app/errors';
import { TEST_SENDS_PER_DAY, TEST_SENDS_PER_MINUTE } from '../../core/sending/testSendLimits';
import { apiMessageOf, causeOf, retryAfterSeconds } from '../../core/failure/failureCause';
import type { Translate } from '../i18n/messages';

/**
 * Any failure in the agent's language: the refusals of the use cases (src/app) by what they mean,
 * everything else by what the failed call means for the person who fixes it (failureCause.ts).
 * `details` are the API's own words, when it gave some.
 */
export function errorMessage(t: Translate, error: unknown, formatTime: (at: number) => string): { message: string; details: string | undefined } {
  const own = refusalMessage(t, error, formatTime);
  if (own !== undefined) return { message: own, details: undefined };
  const cause = causeOf(error);
  const seconds = retryAfterSeconds(error);
  return { message: cause === 'rate-limited' && seconds !== undefined ? t('errors.rate-limited-wait', { seconds }) : t(`errors.${cause}`), details: apiMessageOf(error) };
}

/** Creating Herald's custom objects was refused for want of the admin role (Herald checks first; Zendesk would refuse too). */
export function isAdminOnlyRefusal(error: unknown): boolean {
  return (error instanceof NotAllowedError && error.right === 'admin') || causeOf(error) === 'not-permitted';
}

function refusalMessage(t: Translate, error: unknown, formatTime: (at: number) => string): string | undefined {
  if (error instanceof NotAllowedError) return t(`errors.notAllowed.${error.right}`);
  if (error instanceof UntrustedChangeError) return t(`errors.untrusted.${error.record}`, { name: error.changedBy.name ?? t('errors.someone') });
  if (error instanceof TestSendRefusedError) {
    const retryAt = error.retryAt ?? Date.now();
    return t(`errors.testSend.${error.reason}`, {
      count: error.reason === 'too-many-per-day' ? TEST_SENDS_PER_DAY : TEST_SENDS_PER_MINUTE,
      // A wait of seconds is said in seconds, a day's limit with its date.
      seconds: Math.max(1, Math.ceil((retryAt - Date.now()) / 1000)),
      at: formatTime(retryAt),
    });
  }
  if (error instanceof IllegalCampaignTransitionError) return t(`errors.changedMeanwhile.${error.status}`);
  if (error instanceof CampaignNotEditableError) return t('errors.notEditable');
  if (error instanceof CampaignNotFrozenError) return t('errors.notFrozen');
  if (error instanceof ScheduleRefusedError) return t(`errors.schedule.${error.problem}`);
  if (error instanceof ScheduleNotDueError) return t('errors.notDue');
  if (error instanceof EmptyAudienceError) return t('errors.emptyAudience');
  if (error instanceof MappingIncompleteError) return t('errors.mappingIncomplete');
  if (error instanceof FollowUpRefusedError) return t(`errors.followUp.${error.reason}`, { count: error.indexes.length, at: formatTime(error.until ?? Date.now()) });
  if (error instanceof HeraldObjectsMissingError) return t('errors.objectsMissing');
  if (error instanceof ContactListCsvError) {
    return t(`errors.listFile.${error.problem}`, { line: error.firstLine ?? '', at: error.line ?? 0, rows: MAX_LIST_FILE_ROWS, megabytes: MAX_LIST_FILE_BYTES / 1024 / 1024 });
  }
  return undefined;
}
