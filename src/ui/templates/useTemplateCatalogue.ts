import type { MessagingIntegration } from '../../api/sunshine/integrations';
import type { CatalogueLoad } from '../../store/templateCatalogue';
import { useAsync } from '../hooks/useAsync';
import { useServices } from '../services';

/** The catalogue of every WhatsApp integration and the SMS templates; reload refreshes the statuses. */
export function useTemplateCatalogue(channels: readonly MessagingIntegration[] | undefined) {
  const { templates } = useServices();
  const whatsapp = channels?.filter((channel) => channel.channel === 'whatsapp');
  return useAsync<CatalogueLoad | undefined>(
    () => (templates && whatsapp ? templates.load(whatsapp) : Promise.resolve(undefined)),
    [templates, channels],
  );
}
