import { useMemo, useState } from 'react';
import { toContactLists, type ContactListEntry } from '../../store/contactLists';
import { HeraldObjectsMissingError } from '../../store/objectGuard';
import { useAsync } from '../hooks/useAsync';
import { useServices } from '../services';

/**
 * The block and allow lists, or `missing` while Herald's custom objects do not exist. After a change
 * the lists reload in the background: the last ones stay on screen (with an import's report next to
 * them) instead of flashing back to "loading".
 */
export function useContactLists() {
  const { contactLists } = useServices();
  const state = useAsync<ContactListEntry[] | 'missing'>(
    () =>
      contactLists.load().catch((error: unknown) => {
        if (error instanceof HeraldObjectsMissingError) return 'missing' as const;
        throw error;
      }),
    [contactLists],
  );
  const [shown, setShown] = useState<ContactListEntry[] | 'missing' | undefined>();
  if (state.status === 'success' && state.data !== shown) setShown(state.data);
  const current = state.status === 'success' ? state.data : shown;
  const entries = current !== undefined && current !== 'missing' ? current : undefined;
  const lists = useMemo(() => (entries ? toContactLists(entries) : undefined), [entries]);
  return {
    state,
    entries,
    lists,
    /** True until the first answer: later reloads keep the last lists on screen. */
    firstLoad: current === undefined && state.status === 'loading',
    missing: current === 'missing',
    store: contactLists,
  };
}
