import { Button } from '@zendeskgarden/react-buttons';
import { Alert, Paragraph, Title } from '@zendeskgarden/react-notifications';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/I18nProvider';

/** Something failed: a title, what it means in lines of text, and a way to try again when there is one. */
export function FailureAlert({ title, lines, onRetry }: { title: string; lines: readonly ReactNode[]; onRetry?: () => void }) {
  const { t } = useI18n();
  return (
    <Alert type="error" role="alert">
      <Title>{title}</Title>
      {lines.map((line, index) => (
        <Paragraph key={index}>{line}</Paragraph>
      ))}
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
