import type { ZendeskUser } from '../../api/zendesk/users';
import { assessContact } from '../../core/contact/assessContact';
import type { ListedPerson } from '../../core/contact/listMembership';
import { isUsable } from '../../core/phone/normalizePhone';
import { useZaf } from '../../zaf/ZafProvider';
import { SetupNotice } from '../components/SetupNotice';
import { useHerald } from '../herald';
import { useI18n } from '../i18n/I18nProvider';
import { UserCampaignHistoryPanel } from './UserCampaignHistoryPanel';
import { UserListsPanel } from './UserListsPanel';
import { useUserCampaignHistory } from './useUserCampaignHistory';
import { useUserLists } from './useUserLists';

/**
 * What Herald keeps about this customer in its custom objects: their place on the block and allow
 * lists, and the campaigns they received. Both need the objects: one setup notice when missing.
 */
export function UserRecords({ user }: { user: ZendeskUser }) {
  const { t } = useI18n();
  const { settings } = useZaf();
  const { draft } = useHerald().rights;
  const person = personOf(user, settings);
  const lists = useUserLists(person, t('user.lists.note'));
  const history = useUserCampaignHistory(user.id);

  if (lists.missing || (history.status === 'success' && history.data === 'missing')) {
    return (
      <SetupNotice
        title={t('user.setup.title')}
        body={t('user.setup.body')}
        onDone={() => {
          lists.state.reload();
          history.reload();
        }}
      />
    );
  }
  return (
    <>
      {/* Without valid settings the number cannot be read as campaigns read it: ContactPanel says why. */}
      {settings.ok && <UserListsPanel lists={lists} phone={person.phone} canChange={draft} />}
      <UserCampaignHistoryPanel state={history} />
    </>
  );
}

/** The customer as the lists name them: their id and their number as campaigns would send to it. */
function personOf(user: ZendeskUser, settings: ReturnType<typeof useZaf>['settings']): ListedPerson {
  if (!settings.ok) return { userId: user.id, phone: undefined };
  const { phone } = assessContact(user, settings.settings);
  return { userId: user.id, phone: isUsable(phone) ? phone.e164 : undefined };
}
