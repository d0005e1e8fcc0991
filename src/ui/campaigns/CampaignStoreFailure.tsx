import { HeraldObjectsMissingError } from '../../app/errors';
import { ErrorNotice } from '../components/ErrorNotice';
import { SetupNotice } from '../components/SetupNotice';
import { useI18n } from '../i18n/I18nProvider';

/**
 * A campaign could not be saved or launched. When Herald's custom objects are missing, the way out
 * is their one-click creation, offered right here (the wizard's choices stay on screen, nothing lost).
 */
export function CampaignStoreFailure({ error, title, onSetUp }: { error: unknown; title: string; onSetUp: () => void }) {
  const { t } = useI18n();
  if (error instanceof HeraldObjectsMissingError) return <SetupNotice title={t('campaigns.setup.title')} body={t('campaigns.setup.body')} onDone={onSetUp} />;
  return <ErrorNotice error={error} title={title} />;
}
