import { useState } from 'react';
import { canUnlist, entriesToUnlist, entryToList, isListed, listMembership, listStanding, type ListedPerson, type ListMembership } from '../../core/contact/listMembership';
import { HeraldObjectsMissingError } from '../../app/errors';
import { addToList, removeFromList } from '../../app/lists/listEdits';
import { loadListsFor } from '../../app/lists/queries';
import type { ContactListEntry, ContactListKind } from '../../store/contactLists';
import { useHerald } from '../herald';
import { useAsync } from '../hooks/useAsync';
import { useObjectsSetUps } from '../hooks/useObjectsSetUp';

export interface UserListState {
  kind: ContactListKind;
  membership: ListMembership;
  listed: boolean;
  /** Turning it off would take the person off the list (see canUnlist). */
  removable: boolean;
}

/** Changes written over these entries, shown until the lists read back with them. */
interface Written {
  entries: readonly ContactListEntry[];
  listed: Partial<Record<ContactListKind, boolean>>;
}

/**
 * One person on the block and allow lists: where they stand, and adding or removing them. Only the
 * entries that can name them are read (ContactListStore.loadFor). After a change the entries reload;
 * until they have, the change shows as written rather than flicking back.
 */
export function useUserLists(person: ListedPerson, note: string) {
  const { base, app } = useHerald();
  const { userId, phone } = person;
  const setUps = useObjectsSetUps();
  const state = useAsync<ContactListEntry[] | 'missing'>(
    () =>
      loadListsFor(base, { userId, phone }).catch((error: unknown) => {
        if (error instanceof HeraldObjectsMissingError) return 'missing' as const;
        throw error;
      }),
    [base, userId, phone, setUps],
  );
  // A reload keeps the last entries on screen instead of flashing back to "loading".
  const [lastRead, setLastRead] = useState<ContactListEntry[] | 'missing' | undefined>();
  if (state.status === 'success' && state.data !== lastRead) setLastRead(state.data);
  const current = state.status === 'success' ? state.data : lastRead;
  const entries = current !== undefined && current !== 'missing' ? current : undefined;
  /** The change being written: shown at once, and no other change starts meanwhile. */
  const [busy, setBusy] = useState<{ kind: ContactListKind; listed: boolean } | undefined>();
  const [failure, setFailure] = useState<unknown>();
  const [written, setWritten] = useState<Written | undefined>();
  const [lastChange, setLastChange] = useState<{ kind: ContactListKind; listed: boolean } | undefined>();

  const listState = (kind: ContactListKind): UserListState | undefined => {
    if (!entries) return undefined;
    const membership = listMembership(entries, kind, person);
    const change = busy?.kind === kind ? busy.listed : written?.entries === entries ? written.listed[kind] : undefined;
    return { kind, membership, listed: change ?? isListed(membership), removable: canUnlist(membership) };
  };
  const block = listState('block');
  const allow = listState('allow');

  const setListed = async (kind: ContactListKind, listed: boolean) => {
    if (!entries || busy || !app) return;
    setBusy({ kind, listed });
    setFailure(undefined);
    setLastChange(undefined);
    try {
      if (listed) await addToList(app, { ...entryToList(kind, person), note });
      else await removeFromList(app, entriesToUnlist(entries, kind, person));
      setWritten((last) => ({ entries, listed: { ...(last?.entries === entries ? last.listed : {}), [kind]: listed } }));
      setLastChange({ kind, listed });
      state.reload();
    } catch (error) {
      setFailure(error);
      state.reload();
    } finally {
      setBusy(undefined);
    }
  };

  return {
    state,
    /** True until the first answer. */
    firstLoad: current === undefined && state.status === 'loading',
    missing: current === 'missing',
    block,
    allow,
    standing: block && allow ? listStanding({ blocked: block.listed, allowed: allow.listed }) : undefined,
    /** A change is being written. */
    busy: busy !== undefined,
    failure,
    /** The last change made, for the status line screen readers announce. */
    lastChange,
    setListed,
  };
}
