import { useI18n } from '../i18n/I18nProvider';
import { errorMessage } from './errorMessage';
import { FailureAlert } from './FailureAlert';

interface ErrorNoticeProps {
  error: unknown;
  /** What was being done, e.g. "Loading the channels failed". */
  title: string;
  onRetry?: () => void;
}

/** A failure, explained in the agent's language, with the API's own words as details. */
export function ErrorNotice({ error, title, onRetry }: ErrorNoticeProps) {
  const { t, formatDateTime } = useI18n();
  const { message, details } = errorMessage(t, error, formatDateTime);
  return <FailureAlert title={title} lines={details ? [message, t('errors.details', { details })] : [message]} onRetry={onRetry} />;
}
