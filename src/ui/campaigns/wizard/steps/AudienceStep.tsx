import { Button } from '@zendeskgarden/react-buttons';
import { Paragraph } from '@zendeskgarden/react-typography';
import { useState } from 'react';
import type { AudienceUser } from '../../../../core/campaign/audienceUser';
import type { ContactListKind } from '../../../../store/contactLists';
import type { HeraldSettings } from '../../../../core/settings/settings';
import { AudienceQueryPanel } from '../../../audiences/AudienceQueryPanel';
import { ListsPanel } from '../../../audiences/ListsPanel';
import { useContactLists } from '../../../audiences/useContactLists';
import { useI18n } from '../../../i18n/I18nProvider';

interface AudienceStepProps {
  settings: HeraldSettings;
  query: string | undefined;
  queryCount: number | undefined;
  onChecked: (query: string, count: number) => void;
}

/** Step 3: who, as a Zendesk search on users, checked and counted, and the block and allow lists. */
export function AudienceStep({ settings, query, queryCount, onChecked }: AudienceStepProps) {
  const { t } = useI18n();
  const lists = useContactLists();
  const [showLists, setShowLists] = useState(false);

  const addToList = async (user: AudienceUser, list: ContactListKind) => {
    await lists.actions.add({ list, userId: user.id, phone: null, note: t('lists.addedFromAudience') });
    lists.state.reload();
  };

  return (
    <>
      {query && (
        <Paragraph role="status">
          {queryCount === undefined ? t('campaigns.wizard.audience.current', { query }) : t('campaigns.wizard.audience.currentCounted', { query, count: queryCount })}
        </Paragraph>
      )}
      <AudienceQueryPanel rules={settings} initialQuery={query} onChecked={onChecked} onList={lists.lists ? addToList : undefined} />
      <div>
        <Button isBasic onClick={() => setShowLists((shown) => !shown)} aria-expanded={showLists}>
          {t(showLists ? 'campaigns.wizard.audience.hideLists' : 'campaigns.wizard.audience.showLists')}
        </Button>
      </div>
      {showLists && <ListsPanel lists={lists} defaultCountry={settings.defaultCountry} />}
    </>
  );
}
