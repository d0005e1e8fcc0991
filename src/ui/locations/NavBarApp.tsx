import { Tab, TabList, TabPanel, Tabs } from '@zendeskgarden/react-tabs';
import { SM, XL } from '@zendeskgarden/react-typography';
import { useState } from 'react';
import styled from 'styled-components';
import { useZaf } from '../../zaf/ZafProvider';
import { useAsync } from '../hooks/useAsync';
import { useI18n } from '../i18n/I18nProvider';
import { AudiencesSection } from '../sections/AudiencesSection';
import { CampaignsSection } from '../sections/CampaignsSection';
import { ConfigurationNotice } from '../sections/ConfigurationNotice';
import { SettingsSection } from '../sections/SettingsSection';
import { TemplatesSection } from '../sections/TemplatesSection';
import { ServicesProvider, useServices } from '../services';

export const SECTIONS = ['campaigns', 'templates', 'audiences', 'settings'] as const;
type SectionId = (typeof SECTIONS)[number];

const Page = styled.main`
  padding: ${(p) => p.theme.space.lg};
  display: flex;
  flex-direction: column;
  gap: ${(p) => p.theme.space.md};
`;

const Header = styled.header`
  display: flex;
  align-items: baseline;
  gap: ${(p) => p.theme.space.md};
`;

/** Garden clips its tabs container, which would stop the template preview from staying in view. */
const SectionTabs = styled(Tabs)`
  && {
    overflow: visible;
  }
`;

/** The marketer's home: campaigns, templates, audiences and settings. */
export function NavBarApp() {
  return (
    <ServicesProvider>
      <NavBar />
    </ServicesProvider>
  );
}

function NavBar() {
  const { t } = useI18n();
  const { settings, currentUser } = useZaf();
  const { integrations } = useServices();
  // Loaded once for every section: the channels are the same everywhere.
  const channels = useAsync(() => (integrations ? integrations.listMessaging() : Promise.resolve(undefined)), [integrations]);
  const [section, setSection] = useState<SectionId>('campaigns');

  return (
    <Page>
      <Header>
        <XL tag="h1" isBold>
          {t('app.name')}
        </XL>
        <SM>{t('shell.signedInAs', { name: currentUser.name })}</SM>
      </Header>
      {!settings.ok && <ConfigurationNotice issueCount={settings.issues.length} onOpenSettings={() => setSection('settings')} />}
      <SectionTabs selectedItem={section} onChange={(item: SectionId) => setSection(item)}>
        <TabList aria-label={t('shell.sections')}>
          {SECTIONS.map((id) => (
            <Tab key={id} item={id}>
              {t(`shell.section.${id}`)}
            </Tab>
          ))}
        </TabList>
        <TabPanel item="campaigns">
          <CampaignsSection channels={channels} />
        </TabPanel>
        <TabPanel item="templates">
          <TemplatesSection channels={channels} />
        </TabPanel>
        <TabPanel item="audiences">
          <AudiencesSection channels={channels} />
        </TabPanel>
        <TabPanel item="settings">
          <SettingsSection channels={channels} />
        </TabPanel>
      </SectionTabs>
    </Page>
  );
}
