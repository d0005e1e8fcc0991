import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { IntegrationsClient } from '../api/sunshine/integrations';
import { MessageTemplatesClient } from '../api/sunshine/messageTemplates';
import type { Transport } from '../api/transport/types';
import { ZafTransport } from '../api/transport/zafTransport';
import { CustomObjectRecordsClient, CustomObjectsClient } from '../api/zendesk/customObjects';
import { ExportSearchClient } from '../api/zendesk/exportSearch';
import { OrganizationsClient } from '../api/zendesk/organizations';
import { SearchClient } from '../api/zendesk/search';
import { UserFieldsClient } from '../api/zendesk/userFields';
import { UsersClient } from '../api/zendesk/users';
import { AudiencePlanner } from '../store/audiencePlanner';
import { BlackoutLogStore } from '../store/blackoutLog';
import { CampaignStore } from '../store/campaigns';
import { ContactListStore } from '../store/contactLists';
import { SMS_TEMPLATE_OBJECT } from '../store/heraldObjects';
import { SmsTemplateStore } from '../store/smsTemplates';
import { TemplateCatalogue } from '../store/templateCatalogue';
import { useZaf } from '../zaf/ZafProvider';
import { useI18n } from './i18n/I18nProvider';

/** The API clients and stores of this app instance, over the one transport. */
export interface Services {
  /** For the pieces built per campaign (the sending engine, a campaign's run). */
  transport: Transport;
  campaigns: CampaignStore;
  users: UsersClient;
  search: SearchClient;
  customObjects: CustomObjectsClient;
  userFields: UserFieldsClient;
  smsTemplates: SmsTemplateStore;
  contactLists: ContactListStore;
  planner: AudiencePlanner;
  /** Absent while the Conversations API settings are incomplete or invalid. */
  integrations: IntegrationsClient | undefined;
  templates: TemplateCatalogue | undefined;
}

const ServicesContext = createContext<Services | null>(null);

export function ServicesProvider({ children }: { children: ReactNode }) {
  const { client, settings } = useZaf();
  const { t } = useI18n();
  const smsLabel = t('templates.smsSource');
  const services = useMemo<Services>(() => {
    const transport = new ZafTransport(client);
    const smsTemplates = new SmsTemplateStore(new CustomObjectRecordsClient(transport, SMS_TEMPLATE_OBJECT.key));
    const sunshine = settings.ok ? settings.settings.sunshine : undefined;
    const contactLists = new ContactListStore(transport);
    return {
      transport,
      campaigns: new CampaignStore(transport),
      users: new UsersClient(transport),
      search: new SearchClient(transport),
      customObjects: new CustomObjectsClient(transport),
      userFields: new UserFieldsClient(transport),
      smsTemplates,
      contactLists,
      planner: new AudiencePlanner({
        exportSearch: new ExportSearchClient(transport),
        organizations: new OrganizationsClient(transport),
        contactLists,
        blackoutLog: new BlackoutLogStore(transport),
      }),
      integrations: sunshine ? new IntegrationsClient(transport, sunshine) : undefined,
      templates: sunshine ? new TemplateCatalogue(new MessageTemplatesClient(transport, sunshine), smsTemplates, smsLabel) : undefined,
    };
  }, [client, settings, smsLabel]);
  return <ServicesContext.Provider value={services}>{children}</ServicesContext.Provider>;
}

export function useServices(): Services {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices outside ServicesProvider');
  return services;
}
