import { Button } from '@zendeskgarden/react-buttons';
import { Alert, Paragraph, Title } from '@zendeskgarden/react-notifications';
import { useI18n } from '../i18n/I18nProvider';
import { errorMessage } from './errorMessage';

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
  return (
    <Alert type="error" role="alert">
      <Title>{title}</Title>
      <Paragraph>{message}</Paragraph>
      {details && <Paragraph>{t('errors.details', { details })}</Paragraph>}
      {onRetry && (
        <Paragraph>
          <Button size="small" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        </Paragraph>
      )}
    </Alert>
  );
}
