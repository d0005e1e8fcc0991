import { Tab, TabList, TabPanel, Tabs } from '@zendeskgarden/react-tabs';
import { SM, XL } from '@zendeskgarden/react-typography';
import { useState } from 'react';
import styled from 'styled-components';
import { useZaf } from '../../zaf/ZafProvider';
import { DueStartsProvider } from '../campaigns/dueStarts';
import { useAsync } from '../hooks/useAsync';
import { useI18n } from '../i18n/I18nProvider';
import type { ChannelsState } from '../sections/ChannelsBlock';
import { ConfigurationNotice } from '../sections/ConfigurationNotice';
import { listChannels } from '../../app/templates/templates';
import { useHerald } from '../herald';
import { lazyPart, PartSlot, type LazyPart } from '../shell/lazyPart';

export const SECTIONS = ['campaigns', 'templates', 'audiences', 'settings'] as const;
type SectionId = (typeof SECTIONS)[number];

/** Each section's code downloads when it is first opened (or its tab hovered or focused). */
const SECTION_PARTS: Record<SectionId, LazyPart<{ channels: ChannelsState }>> = {
  campaigns: lazyPart(() => import('../sections/CampaignsSection').then((module) => module.CampaignsSection)),
  templates: lazyPart(() => import('../sections/TemplatesSection').then((module) => module.TemplatesSection)),
  audiences: lazyPart(() => import('../sections/AudiencesSection').then((module) => module.AudiencesSection)),
  settings: lazyPart(() => import('../sections/SettingsSection').then((module) => module.SettingsSection)),
};

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
  const { t } = useI18n();
  const { settings, currentUser } = useZaf();
  const { app } = useHerald();
  // Loaded once for every section: the channels are the same everywhere.
  const channels = useAsync(() => (app ? listChannels(app) : Promise.resolve(undefined)), [app]);
  const [section, setSection] = useState<SectionId>('campaigns');
  // A section is mounted when first opened and stays mounted, as every section was before they
  // were downloaded apart: its state survives a tab change, and Campaigns (first) always runs.
  const [opened, setOpened] = useState<ReadonlySet<SectionId>>(() => new Set(['campaigns']));
  const open = (id: SectionId) => {
    setSection(id);
    setOpened((current) => (current.has(id) ? current : new Set([...current, id])));
  };

  return (
    // Scheduled campaigns start from whichever section is open.
    <DueStartsProvider>
    <Page>
      <Header>
        <XL tag="h1" isBold>
          {t('app.name')}
        </XL>
        <SM>{t('shell.signedInAs', { name: currentUser.name })}</SM>
      </Header>
      {!settings.ok && <ConfigurationNotice issueCount={settings.issues.length} onOpenSettings={() => open('settings')} />}
      <SectionTabs selectedItem={section} onChange={(item: SectionId) => open(item)}>
        <TabList aria-label={t('shell.sections')}>
          {SECTIONS.map((id) => (
            // Capture phase: Garden's tab owns onFocus (it moves the arrow keys' focus).
            <Tab key={id} item={id} onMouseEnter={() => SECTION_PARTS[id].preload()} onFocusCapture={() => SECTION_PARTS[id].preload()}>
              {t(`shell.section.${id}`)}
            </Tab>
          ))}
        </TabList>
        {SECTIONS.map((id) => (
          <TabPanel key={id} item={id}>
            {opened.has(id) && <PartSlot part={SECTION_PARTS[id]} props={{ channels }} />}
          </TabPanel>
        ))}
      </SectionTabs>
    </Page>
    </DueStartsProvider>
  );
}
