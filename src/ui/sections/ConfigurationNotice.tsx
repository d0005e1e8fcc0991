import { Button } from '@zendeskgarden/react-buttons';
import { Alert, Paragraph, Title } from '@zendeskgarden/react-notifications';
import { useI18n } from '../i18n/I18nProvider';

/** Shown above every section while the installation settings are incomplete or wrong. */
export function ConfigurationNotice({ issueCount, onOpenSettings }: { issueCount: number; onOpenSettings?: () => void }) {
  const { t } = useI18n();
  return (
    <Alert type="warning">
      <Title>{t('configuration.title')}</Title>
      <Paragraph>{t('configuration.body', { count: issueCount })}</Paragraph>
      {onOpenSettings && (
        <Paragraph>
          <Button size="small" onClick={onOpenSettings}>
            {t('configuration.open')}
          </Button>
        </Paragraph>
      )}
    </Alert>
  );
}
