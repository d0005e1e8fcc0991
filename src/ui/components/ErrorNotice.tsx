import { Button } from '@zendeskgarden/react-buttons';
import { Alert, Paragraph, Title } from '@zendeskgarden/react-notifications';
import { apiMessageOf, causeOf, retryAfterSeconds } from '../../core/failure/failureCause';
import { useI18n } from '../i18n/I18nProvider';

interface ErrorNoticeProps {
  error: unknown;
  /** What was being done, e.g. "Loading the channels failed". */
  title: string;
  onRetry?: () => void;
}

/** A failed call, explained in the agent's language, with the API's own words as details. */
export function ErrorNotice({ error, title, onRetry }: ErrorNoticeProps) {
  const { t } = useI18n();
  const cause = causeOf(error);
  const seconds = retryAfterSeconds(error);
  const details = apiMessageOf(error);
  return (
    <Alert type="error" role="alert">
      <Title>{title}</Title>
      <Paragraph>
        {cause === 'rate-limited' && seconds !== undefined ? t('errors.rate-limited-wait', { seconds }) : t(`errors.${cause}`)}
      </Paragraph>
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
