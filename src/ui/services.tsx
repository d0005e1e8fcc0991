import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { IntegrationsClient } from '../api/sunshine/integrations';
import { ZafTransport } from '../api/transport/zafTransport';
import { CustomObjectsClient } from '../api/zendesk/customObjects';
import { SearchClient } from '../api/zendesk/search';
import { UsersClient } from '../api/zendesk/users';
import { useZaf } from '../zaf/ZafProvider';

/** The API clients of this app instance, over the one transport. */
export interface Services {
  users: UsersClient;
  search: SearchClient;
  customObjects: CustomObjectsClient;
  /** Absent while the Conversations API settings are incomplete or invalid. */
  integrations: IntegrationsClient | undefined;
}

const ServicesContext = createContext<Services | null>(null);

export function ServicesProvider({ children }: { children: ReactNode }) {
  const { client, settings } = useZaf();
  const services = useMemo<Services>(() => {
    const transport = new ZafTransport(client);
    return {
      users: new UsersClient(transport),
      search: new SearchClient(transport),
      customObjects: new CustomObjectsClient(transport),
      integrations: settings.ok ? new IntegrationsClient(transport, settings.settings.sunshine) : undefined,
    };
  }, [client, settings]);
  return <ServicesContext.Provider value={services}>{children}</ServicesContext.Provider>;
}

export function useServices(): Services {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices outside ServicesProvider');
  return services;
}
