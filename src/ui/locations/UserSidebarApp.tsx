import { useRef, type ComponentProps } from 'react';
import { showUser } from '../../app/people/people';
import { getSidebarUser } from '../../zaf/data';
import { useAutoResize } from '../../zaf/useAutoResize';
import { useZaf } from '../../zaf/ZafProvider';
import { ContactPanel } from '../components/ContactPanel';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { SidebarRoot } from '../components/SidebarRoot';
import { useAsync } from '../hooks/useAsync';
import { useI18n } from '../i18n/I18nProvider';
import { useHerald } from '../herald';
import { lazyPart, PartSlot } from '../shell/lazyPart';
import type { UserRecords as UserRecordsPanel } from '../user/UserRecords';

/** The lists and the campaign history come after the contact panel: their code downloads then. */
const userRecords = lazyPart<ComponentProps<typeof UserRecordsPanel>>(() => import('../user/UserRecords').then((module) => module.UserRecords));

/**
 * On a user's page: their number and consent as Herald sees them, their place on the block and
 * allow lists, and the campaigns they received.
 */
export function UserSidebarApp() {
  const { t } = useI18n();
  const { client } = useZaf();
  const { base } = useHerald();
  const root = useRef<HTMLElement>(null);
  useAutoResize(client, root);

  const state = useAsync(async () => showUser(base, (await getSidebarUser(client)).id), [client, base]);

  return (
    <SidebarRoot ref={root} aria-label={t('user.label')}>
      {state.status === 'loading' && <Loading label={t('user.loading')} />}
      {state.status === 'error' && <ErrorNotice error={state.error} title={t('user.failed')} onRetry={state.reload} />}
      {state.status === 'success' && (
        <>
          <ContactPanel user={state.data} />
          <PartSlot part={userRecords} props={{ user: state.data }} />
        </>
      )}
    </SidebarRoot>
  );
}
