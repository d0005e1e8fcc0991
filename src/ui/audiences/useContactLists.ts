import { useMemo, useState } from 'react';
import { HeraldObjectsMissingError } from '../../app/errors';
import { addToList, importList, removeFromList } from '../../app/lists/listEdits';
import { listCsv, loadLists } from '../../app/lists/queries';
import { toContactLists } from '../../core/campaign/lists';
import type { CsvSeparator } from '../../core/csv/csvFile';
import type { ContactListEntry, ContactListKind, ImportReport } from '../../store/contactLists';
import { useAppContext } from '../herald';
import { useAsync } from '../hooks/useAsync';
import { useObjectsSetUps } from '../hooks/useObjectsSetUp';

/** What a list editor may do; each goes through the list use cases, which check the right to prepare campaigns. */
export interface ListActions {
  add: (entry: ContactListEntry) => Promise<void>;
  remove: (entry: ContactListEntry) => Promise<void>;
  importCsv: (list: ContactListKind, file: Uint8Array, onProgress: (done: number, total: number) => void) => Promise<ImportReport>;
  exportCsv: (entries: readonly ContactListEntry[], list: ContactListKind, separator: CsvSeparator) => string;
}

/**
 * The block and allow lists, or `missing` while Herald's custom objects do not exist. After a change
 * the lists reload in the background: the last ones stay on screen (with an import's report next to
 * them) instead of flashing back to "loading".
 */
export function useContactLists() {
  const context = useAppContext();
  const setUps = useObjectsSetUps();
  const state = useAsync<ContactListEntry[] | 'missing'>(
    () =>
      loadLists(context).catch((error: unknown) => {
        if (error instanceof HeraldObjectsMissingError) return 'missing' as const;
        throw error;
      }),
    [context, setUps],
  );
  const [shown, setShown] = useState<ContactListEntry[] | 'missing' | undefined>();
  if (state.status === 'success' && state.data !== shown) setShown(state.data);
  const current = state.status === 'success' ? state.data : shown;
  const entries = current !== undefined && current !== 'missing' ? current : undefined;
  const lists = useMemo(() => (entries ? toContactLists(entries) : undefined), [entries]);
  const actions = useMemo<ListActions>(
    () => ({
      add: (entry) => addToList(context, entry),
      remove: (entry) => removeFromList(context, [entry]),
      importCsv: (list, file, onProgress) => importList(context, list, file, onProgress),
      exportCsv: (all, list, separator) => listCsv(context, all, list, separator),
    }),
    [context],
  );
  return {
    state,
    entries,
    lists,
    /** True until the first answer: later reloads keep the last lists on screen. */
    firstLoad: current === undefined && state.status === 'loading',
    missing: current === 'missing',
    actions,
  };
}
