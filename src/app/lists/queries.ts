import type { CsvSeparator } from '../../core/csv/csvFile';
import { ContactListStore, type ContactListEntry, type ContactListKind } from '../../store/contactLists';
import type { AppContext } from '../context';

/** Reading the block and allow lists (HeraldObjectsMissingError until Herald's objects exist). */

type Reads = Pick<AppContext, 'transport'>;

/** Every entry of both lists. */
export function loadLists(context: Reads): Promise<ContactListEntry[]> {
  return new ContactListStore(context.transport).load();
}

/** The entries that can name one person (by user or by number), in one or two requests. */
export function loadListsFor(context: Reads, person: { userId: number; phone: string | undefined }): Promise<ContactListEntry[]> {
  return new ContactListStore(context.transport).loadFor(person);
}

/** One list as CSV, ready to import again. */
export function listCsv(context: Reads, entries: readonly ContactListEntry[], list: ContactListKind, separator: CsvSeparator): string {
  return new ContactListStore(context.transport).exportCsv(entries, list, separator);
}
