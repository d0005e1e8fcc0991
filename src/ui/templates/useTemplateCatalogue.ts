import type { MessagingIntegration } from '../../api/sunshine/integrations';
import { loadCatalogue } from '../../app/templates/templates';
import type { CatalogueLoad } from '../../store/templateCatalogue';
import { useHerald } from '../herald';
import { useAsync } from '../hooks/useAsync';
import { useObjectsSetUps } from '../hooks/useObjectsSetUp';
import { useI18n } from '../i18n/I18nProvider';

/** The catalogue of every WhatsApp integration and the SMS templates; reload refreshes the statuses, as does a setup of Herald's objects (SMS templates live there). */
export function useTemplateCatalogue(channels: readonly MessagingIntegration[] | undefined) {
  const { app } = useHerald();
  const { t } = useI18n();
  const smsLabel = t('templates.smsSource');
  const setUps = useObjectsSetUps();
  return useAsync<CatalogueLoad | undefined>(() => (app && channels ? loadCatalogue(app, channels, smsLabel) : Promise.resolve(undefined)), [app, channels, smsLabel, setUps]);
}
