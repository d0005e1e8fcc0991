import { Button } from '@zendeskgarden/react-buttons';
import { Alert, Paragraph, Title } from '@zendeskgarden/react-notifications';
import { useI18n } from '../i18n/I18nProvider';

/**
 * A part of the app (a location, a section, the agent's catalogue) could not be downloaded: say so
 * in words, never with the file's name, and offer to try again.
 */
export function LoadFailed({ onRetry }: { onRetry: () => void }) {
  const { t } = useI18n();
  return (
    <Alert type="error" role="alert">
      <Title>{t('shell.loadFailed')}</Title>
      <Paragraph>{t('shell.loadFailedHelp')}</Paragraph>
      <Paragraph>
        <Button size="small" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      </Paragraph>
    </Alert>
  );
}
