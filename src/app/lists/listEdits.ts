import { ContactListStore, type ContactListEntry, type ContactListKind, type ImportReport } from '../../store/contactLists';
import type { AppContext } from '../context';
import { requireRight } from '../rights';

export { ContactListCsvError, InvalidContactListEntryError, MAX_LIST_FILE_BYTES, MAX_LIST_FILE_ROWS } from '../../store/contactLists';

/**
 * Changes to the block and allow lists. The lists decide who a campaign reaches, so changing them is
 * for the people who may prepare campaigns, from any screen (Audiences, the wizard, a user's page).
 */

export async function addToList(context: AppContext, entry: ContactListEntry): Promise<void> {
  requireRight(context, 'draft', 'edit-lists');
  await new ContactListStore(context.transport, { clock: context.clock }).add(entry);
}

/** Removes the entries; removing one that is not there is not an error. */
export async function removeFromList(context: AppContext, entries: readonly ContactListEntry[]): Promise<void> {
  requireRight(context, 'draft', 'edit-lists');
  const store = new ContactListStore(context.transport, { clock: context.clock });
  for (const entry of entries) await store.remove(entry);
}

/** Adds the rows of a CSV file (its bytes, in any encoding a spreadsheet saves, or its text) to one list, with what became of each row. */
export async function importList(context: AppContext, list: ContactListKind, csv: string | Uint8Array, onProgress?: (done: number, total: number) => void): Promise<ImportReport> {
  requireRight(context, 'draft', 'edit-lists');
  return new ContactListStore(context.transport, { clock: context.clock }).importCsv(list, csv, context.settings.defaultCountry, onProgress);
}
