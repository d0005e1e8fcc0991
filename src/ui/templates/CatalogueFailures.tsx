import { Alert, Title } from '@zendeskgarden/react-notifications';
import { UnorderedList } from '@zendeskgarden/react-typography';
import type { SourceFailure } from '../../store/templateCatalogue';
import { useI18n } from '../i18n/I18nProvider';
import { failureReason } from './outcomes';

/** Sources that could not be read: the catalogue still lists the others. */
export function CatalogueFailures({ failures }: { failures: readonly SourceFailure[] }) {
  const { t } = useI18n();
  if (failures.length === 0) return null;
  return (
    <Alert type="error" role="alert">
      <Title>{t('templates.sourcesFailed', { count: failures.length })}</Title>
      <UnorderedList>
        {failures.map((failure, index) => (
          <UnorderedList.Item key={index}>
            {t('templates.outcome.failed', {
              target: failure.integration ? (failure.integration.displayName ?? failure.integration.id) : t('templates.smsSource'),
              reason: failureReason(failure.error, t),
            })}
          </UnorderedList.Item>
        ))}
      </UnorderedList>
    </Alert>
  );
}
