import { Button } from '@zendeskgarden/react-buttons';
import { Alert, Paragraph, Title } from '@zendeskgarden/react-notifications';
import { UnorderedList } from '@zendeskgarden/react-typography';
import type { TargetOutcome } from '../../store/templateCatalogue';
import { useI18n } from '../i18n/I18nProvider';
import { outcomeMessage } from './outcomes';

interface SubmissionReportProps {
  outcomes: readonly TargetOutcome[];
  retrying: boolean;
  onRetry: () => void;
  onDone: () => void;
}

/** Per target: created, already there or failed with the reason; failed ones can be retried alone. */
export function SubmissionReport({ outcomes, retrying, onRetry, onDone }: SubmissionReportProps) {
  const { t } = useI18n();
  const failed = outcomes.filter((outcome) => outcome.status === 'failed').length;
  return (
    <Alert type={failed === 0 ? 'success' : failed === outcomes.length ? 'error' : 'warning'} role="status">
      <Title>{failed === 0 ? t('templates.submit.allDone') : t('templates.submit.someFailed', { count: failed })}</Title>
      <UnorderedList>
        {outcomes.map((outcome, index) => (
          <UnorderedList.Item key={index}>{outcomeMessage(outcome, t)}</UnorderedList.Item>
        ))}
      </UnorderedList>
      <Paragraph>
        {failed > 0 && (
          <Button size="small" onClick={onRetry} disabled={retrying}>
            {t('templates.submit.retry')}
          </Button>
        )}{' '}
        <Button size="small" isPrimary={failed === 0} onClick={onDone}>
          {t('templates.submit.toCatalogue')}
        </Button>
      </Paragraph>
    </Alert>
  );
}
