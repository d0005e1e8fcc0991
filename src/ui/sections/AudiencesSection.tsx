import { Tab, TabList, TabPanel, Tabs } from '@zendeskgarden/react-tabs';
import { useState } from 'react';
import type { AudienceUser } from '../../core/campaign/audienceUser';
import type { HeraldSettings } from '../../core/settings/settings';
import type { ContactListKind } from '../../store/contactLists';
import { useZaf } from '../../zaf/ZafProvider';
import { AudienceQueryPanel } from '../audiences/AudienceQueryPanel';
import { ListsPanel } from '../audiences/ListsPanel';
import { PlanPanel } from '../audiences/PlanPanel';
import { useContactLists } from '../audiences/useContactLists';
import { Section } from '../components/Section';
import { useI18n } from '../i18n/I18nProvider';
import { ChannelsBlock, type ChannelsState } from './ChannelsBlock';
import { useHerald } from '../herald';

const PANELS = ['audience', 'lists', 'plan'] as const;
type Panel = (typeof PANELS)[number];

/** Who a send reaches: the search, the block and allow lists, and the send plan with its reasons. */
export function AudiencesSection({ channels }: { channels: ChannelsState }) {
  const { t } = useI18n();
  const { settings } = useZaf();
  if (!settings.ok) {
    return (
      <Section title={t('audiences.title')} intro={t('audiences.intro')}>
        <ChannelsBlock channels={channels} />
      </Section>
    );
  }
  return <AudiencePanels channels={channels} settings={settings.settings} />;
}

function AudiencePanels({ channels, settings }: { channels: ChannelsState; settings: HeraldSettings }) {
  const { t } = useI18n();
  const lists = useContactLists();
  const [panel, setPanel] = useState<Panel>('audience');
  // Adding to a list is for those who may prepare campaigns: no button that ends in a refusal.
  const { rights } = useHerald();
  const [audience, setAudience] = useState<{ query: string; count: number } | undefined>();

  const addToList = async (user: AudienceUser, list: ContactListKind) => {
    await lists.actions.add({ list, userId: user.id, phone: null, note: t('lists.addedFromAudience') });
    lists.state.reload();
  };

  return (
    <Section title={t('audiences.title')} intro={t('audiences.intro')}>
      <Tabs selectedItem={panel} onChange={(item: Panel) => setPanel(item)}>
        <TabList aria-label={t('audiences.panels')}>
          {PANELS.map((id) => (
            <Tab key={id} item={id}>
              {t(`audiences.panel.${id}`)}
            </Tab>
          ))}
        </TabList>
        <TabPanel item="audience">
          <AudienceQueryPanel rules={settings} onChecked={(query, count) => setAudience({ query, count })} onList={lists.lists && rights.draft ? addToList : undefined} />
        </TabPanel>
        <TabPanel item="lists">
          <ListsPanel lists={lists} defaultCountry={settings.defaultCountry} />
        </TabPanel>
        <TabPanel item="plan">
          {channels.data ? <PlanPanel channels={channels.data} audience={audience} settings={settings} /> : <ChannelsBlock channels={channels} />}
        </TabPanel>
      </Tabs>
    </Section>
  );
}
