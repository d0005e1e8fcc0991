import { Button } from '@zendeskgarden/react-buttons';
import { Alert, Paragraph, Title } from '@zendeskgarden/react-notifications';
import { hasRight } from '../../app/rights';
import { useHerald } from '../herald';
import { useHeraldSetup } from '../hooks/useHeraldSetup';
import { useI18n } from '../i18n/I18nProvider';
import { errorMessage, isAdminOnlyRefusal } from './errorMessage';

/** Something needs Herald's custom objects: offer an admin to create them (idempotent), tell anyone else whom to ask. */
export function SetupNotice({ title, body, onDone }: { title: string; body: string; onDone: () => void }) {
  const { t, formatDateTime } = useI18n();
  const { base } = useHerald();
  const { state, run } = useHeraldSetup(onDone);
  if (!hasRight(base, 'admin')) {
    return (
      <Alert type="info">
        <Title>{title}</Title>
        <Paragraph>{body}</Paragraph>
        <Paragraph>{t('templates.setup.adminOnly')}</Paragraph>
      </Alert>
    );
  }
  return (
    <Alert type="info">
      <Title>{title}</Title>
      <Paragraph>{body}</Paragraph>
      {state.status === 'failed' && (
        <Paragraph role="alert">{isAdminOnlyRefusal(state.error) ? t('templates.setup.adminOnly') : errorMessage(t, state.error, formatDateTime).message}</Paragraph>
      )}
      <Paragraph>
        <Button size="small" onClick={() => void run()} disabled={state.status === 'running'}>
          {state.status === 'running' ? t('templates.setup.running') : t('templates.setup.run')}
        </Button>
      </Paragraph>
    </Alert>
  );
}
