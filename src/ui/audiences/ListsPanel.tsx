import type { CountryCode } from 'libphonenumber-js/max';
import { useState } from 'react';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { SetupNotice } from '../components/SetupNotice';
import { useHerald } from '../herald';
import { useI18n } from '../i18n/I18nProvider';
import { ListEditor } from './ListEditor';
import type { useContactLists } from './useContactLists';

/** The block list (never message these) and the allow list (re-admit them despite block or blackout). */
export function ListsPanel({ lists, defaultCountry }: { lists: ReturnType<typeof useContactLists>; defaultCountry: CountryCode | undefined }) {
  const { t } = useI18n();
  const { rights } = useHerald();
  const { state, entries, missing, actions, firstLoad } = lists;
  // Once the setup is done, its button is gone: the block list's title takes the focus.
  const [setUp, setSetUp] = useState(0);
  if (firstLoad) return <Loading label={t('lists.loading')} />;
  if (state.status === 'error' && !entries) return <ErrorNotice error={state.error} title={t('lists.failed')} onRetry={state.reload} />;
  if (missing)
    return (
      <SetupNotice
        title={t('lists.setup.title')}
        body={t('lists.setup.body')}
        onDone={() => {
          setSetUp(1);
          state.reload();
        }}
      />
    );
  return (
    <>
      {(['block', 'allow'] as const).map((kind) => (
        <ListEditor
          key={kind}
          kind={kind}
          entries={(entries ?? []).filter((entry) => entry.list === kind)}
          actions={actions}
          defaultCountry={defaultCountry}
          onChanged={state.reload}
          canEdit={rights.draft}
          focusKey={kind === 'block' ? setUp : undefined}
        />
      ))}
    </>
  );
}
