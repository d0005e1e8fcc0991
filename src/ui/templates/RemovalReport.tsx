import { Alert, Title } from '@zendeskgarden/react-notifications';
import { UnorderedList } from '@zendeskgarden/react-typography';
import type { RemovalOutcome } from '../../store/templateCatalogue';
import { useI18n } from '../i18n/I18nProvider';
import { outcomeMessage } from './outcomes';

/** What a deletion did, place by place. */
export function RemovalReport({ name, outcomes }: { name: string; outcomes: readonly RemovalOutcome[] }) {
  const { t } = useI18n();
  return (
    <Alert type={outcomes.some((outcome) => outcome.status === 'failed') ? 'error' : 'success'} role="status">
      <Title>{t('templates.delete.done', { name })}</Title>
      <UnorderedList>
        {outcomes.map((outcome, index) => (
          <UnorderedList.Item key={index}>{outcomeMessage(outcome, t)}</UnorderedList.Item>
        ))}
      </UnorderedList>
    </Alert>
  );
}
