import { FailureAlert } from '../components/FailureAlert';
import { useI18n } from '../i18n/I18nProvider';

/**
 * A part of the app (a location, a section, the agent's catalogue) could not be downloaded: say so
 * in words, never with the file's name, and offer to try again.
 */
export function LoadFailed({ onRetry }: { onRetry: () => void }) {
  const { t } = useI18n();
  return <FailureAlert title={t('shell.loadFailed')} lines={[t('shell.loadFailedHelp')]} onRetry={onRetry} />;
}
