import type { CountryCode } from 'libphonenumber-js/max';
import { realClock, type ApiClock } from '../core/time/clock';
import { HttpError } from '../api/transport/errors';
import type { Transport } from '../api/transport/types';
import { MAX_JOB_ITEMS, type BulkJobRecord } from '../api/zendesk/customObjectJobs';
import { CustomObjectRecordsClient, CustomObjectsClient, type CustomObjectRecord } from '../api/zendesk/customObjects';

import { isUsable, normalizePhone } from '../core/phone/normalizePhone';
import type { CsvSeparator } from '../core/csv/csvFile';
import { readContactListCsv, readContactListFile, writeContactListCsv, type ContactListCsvRow } from './contactListCsv';
import { CONTACT_LIST_OBJECT } from './heraldObjects';
import { onHeraldObject } from './objectGuard';
import { RecordAccess } from './recordAccess';
import { HeraldObjectsMissingError } from './objectGuard';

export { ContactListCsvError, MAX_LIST_FILE_BYTES, MAX_LIST_FILE_ROWS } from './contactListCsv';

export type ContactListKind = 'block' | 'allow';

export interface ContactListEntry {
  list: ContactListKind;
  userId: number | null;
  /** E.164. */
  phone: string | null;
  note: string;
}

export type ImportRejection = 'no-identifier' | 'invalid-phone' | 'invalid-user-id' | 'duplicate-row' | 'write-failed';

export interface ImportReport {
  rows: Array<{
    /** 1-based line in the file, header = 1. */
    row: number;
    status: 'added' | 'already-listed' | 'rejected';
    reason?: ImportRejection;
    /** The cell at fault for invalid values; the entry's identifier otherwise. */
    value?: string;
  }>;
  added: number;
  alreadyListed: number;
  rejected: number;
}

/** An entry that names nobody, or names them with an unusable user id or phone number. */
export class InvalidContactListEntryError extends Error {
  override name = 'InvalidContactListEntryError';

  constructor(readonly problem: 'no-identifier' | 'invalid-user-id' | 'invalid-phone') {
    super(`Invalid contact list entry: ${problem}`);
  }
}

/** The entry's identity: the user when it names one, else the phone number. */
export function contactListExternalId(entry: Pick<ContactListEntry, 'list' | 'userId' | 'phone'>): string {
  if (entry.userId !== null) return `${entry.list}:user:${entry.userId}`;
  if (entry.phone !== null) return `${entry.list}:phone:${entry.phone}`;
  throw new InvalidContactListEntryError('no-identifier');
}

/**
 * The block and allow lists, one custom-object record per entry, keyed by an external id derived
 * from the entry: adding, importing or removing the same entry twice changes nothing the second time.
 */
export class ContactListStore {
  private readonly records: CustomObjectRecordsClient;
  private readonly objects: CustomObjectsClient;
  private readonly access: RecordAccess;

  constructor(transport: Transport, options: { clock?: ApiClock } = {}) {
    this.records = new CustomObjectRecordsClient(transport, CONTACT_LIST_OBJECT.key, { clock: options.clock ?? realClock });
    this.objects = new CustomObjectsClient(transport);
    this.access = new RecordAccess(transport, CONTACT_LIST_OBJECT.key);
  }

  /** Every entry of both lists. HeraldObjectsMissingError when the setup has not run. */
  async load(): Promise<ContactListEntry[]> {
    const records = await onHeraldObject(CONTACT_LIST_OBJECT.key, () => this.records.listAll());
    return records.flatMap((record) => entryOfRecord(record) ?? []);
  }

  /**
   * The entries of both lists that can name one person, in one or two requests however long the
   * lists are (a sidebar opens on every user page; `load` reads every entry), or a number alone (a
   * test message's): their own entries by
   * external id, read straight from the records so that a change made a moment ago shows; and the
   * other entries that hold their number (another user's entry with the same number lists them too),
   * by a filtered search. HeraldObjectsMissingError when the setup has not run.
   */
  async loadFor(person: { userId: number | undefined; phone: string | undefined }): Promise<ContactListEntry[]> {
    const own = (['block', 'allow'] as const).flatMap((list) => [
      ...(person.userId === undefined ? [] : [contactListExternalId({ list, userId: person.userId, phone: null })]),
      ...(person.phone === undefined ? [] : [contactListExternalId({ list, userId: null, phone: person.phone })]),
    ]);
    const records = await onHeraldObject(CONTACT_LIST_OBJECT.key, () => this.access.byExternalIds(own));
    if (person.phone !== undefined) {
      const filter = { 'custom_object_fields.phone': { $eq: person.phone } };
      for await (const page of this.records.search(filter, { sort: 'created_at' })) records.push(...page);
    }
    const byId = new Map(records.map((record) => [record.id, record]));
    return [...byId.values()].flatMap((record) => entryOfRecord(record) ?? []);
  }

  async add(entry: ContactListEntry): Promise<void> {
    const checked = checkedEntry(entry);
    const record = recordOf(checked);
    await onHeraldObject(CONTACT_LIST_OBJECT.key, () =>
      this.records.upsertByExternalId(contactListExternalId(checked), { name: record.name, fields: record.custom_object_fields }),
    );
  }

  /** Removes the entry; removing one that is not there is not an error. */
  async remove(entry: ContactListEntry): Promise<void> {
    try {
      await this.records.deleteByExternalId(contactListExternalId(checkedEntry(entry)));
    } catch (error) {
      if (!(error instanceof HttpError && error.status === 404)) throw error;
      // 404 is either "no such record" (fine) or "no such object" (setup needed): ask which.
      if (!(await this.objects.listKeys()).includes(CONTACT_LIST_OBJECT.key)) throw new HeraldObjectsMissingError(CONTACT_LIST_OBJECT.key);
    }
  }

  /**
   * Adds the rows of a CSV file (header row; `user_id` and/or `phone` columns, optional `note`) to
   * one list and says what became of each row. Rows already on the list are left as they are, so
   * importing a file twice adds nothing. ContactListCsvError when the file cannot be read as a
   * list (not text, too large, no identifier column…). `file` is the file's bytes as a spreadsheet
   * saved them (any encoding decodeCsv reads), or its text.
   */
  async importCsv(
    list: ContactListKind,
    file: string | Uint8Array,
    defaultCountry: CountryCode | undefined,
    onProgress?: (done: number, total: number) => void,
  ): Promise<ImportReport> {
    const rows = typeof file === 'string' ? readContactListCsv(file) : readContactListFile(file);
    const listed = new Set((await this.load()).filter((entry) => entry.list === list).map(contactListExternalId));
    const outcomes = new Map<number, ImportReport['rows'][number]>();
    const inFile = new Set<string>();
    const pending: Array<{ line: number; id: string; record: BulkJobRecord; value: string }> = [];
    for (const [index, row] of rows.entries()) {
      // Checking a number takes a few microseconds: a long file is checked in slices, and the
      // page stays responsive meanwhile.
      if (index % CHECK_SLICE === CHECK_SLICE - 1) await nextTurn();
      const checked = checkRow(row, list, defaultCountry);
      if ('reason' in checked) {
        outcomes.set(row.line, { row: row.line, status: 'rejected', ...checked });
        continue;
      }
      const id = contactListExternalId(checked);
      const value = identifierOf(checked);
      if (inFile.has(id)) outcomes.set(row.line, { row: row.line, status: 'rejected', reason: 'duplicate-row', value });
      else if (listed.has(id)) outcomes.set(row.line, { row: row.line, status: 'already-listed', value });
      else pending.push({ line: row.line, id, record: recordOf(checked), value });
      inFile.add(id);
    }

    const total = rows.length;
    onProgress?.(outcomes.size, total);
    for (let start = 0; start < pending.length; start += MAX_JOB_ITEMS) {
      const batch = pending.slice(start, start + MAX_JOB_ITEMS);
      const succeeded = await this.writeBatch(batch.map((item) => item.record));
      batch.forEach((item, index) => {
        outcomes.set(
          item.line,
          succeeded[index]
            ? { row: item.line, status: 'added', value: item.value }
            : { row: item.line, status: 'rejected', reason: 'write-failed', value: item.value },
        );
      });
      onProgress?.(outcomes.size, total);
    }

    const reported = [...outcomes.values()].sort((a, b) => a.row - b.row);
    const count = (status: ImportReport['rows'][number]['status']): number => reported.filter((row) => row.status === status).length;
    return { rows: reported, added: count('added'), alreadyListed: count('already-listed'), rejected: count('rejected') };
  }

  /** One list as CSV (`user_id,phone,note`), ready to import again. */
  exportCsv(entries: readonly ContactListEntry[], list: ContactListKind, separator: CsvSeparator): string {
    return writeContactListCsv(entries.filter((entry) => entry.list === list), separator);
  }

  /** Which items of one job were written. A failed job fails its items; the import goes on. */
  private async writeBatch(records: BulkJobRecord[]): Promise<boolean[]> {
    try {
      const results = await onHeraldObject(CONTACT_LIST_OBJECT.key, () => this.records.runJob('create_or_update_by_external_id', records));
      return results.map((result) => result.success);
    } catch (error) {
      if (error instanceof HeraldObjectsMissingError) throw error;
      return records.map(() => false);
    }
  }
}

const CHECK_SLICE = 500;

function nextTurn(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** The entry with its phone in E.164; InvalidContactListEntryError when it cannot be stored. */
function checkedEntry(entry: ContactListEntry): ContactListEntry {
  if (entry.userId === null && (entry.phone === null || entry.phone.trim() === '')) throw new InvalidContactListEntryError('no-identifier');
  if (entry.userId !== null && !(Number.isSafeInteger(entry.userId) && entry.userId > 0)) throw new InvalidContactListEntryError('invalid-user-id');
  let phone: string | null = null;
  if (entry.phone !== null && entry.phone.trim() !== '') {
    const check = normalizePhone(entry.phone);
    if (!isUsable(check)) throw new InvalidContactListEntryError('invalid-phone');
    phone = check.e164;
  }
  return { list: entry.list, userId: entry.userId, phone, note: entry.note.trim() };
}

type RowCheck = ContactListEntry | { reason: ImportRejection; value?: string };

function checkRow(row: ContactListCsvRow, list: ContactListKind, defaultCountry: CountryCode | undefined): RowCheck {
  if (row.userId === '' && row.phone === '') return { reason: 'no-identifier' };
  let userId: number | null = null;
  if (row.userId !== '') {
    userId = /^\d{1,15}$/.test(row.userId) ? Number(row.userId) : 0;
    if (userId <= 0) return { reason: 'invalid-user-id', value: row.userId };
  }
  let phone: string | null = null;
  if (row.phone !== '') {
    const check = normalizePhone(row.phone, defaultCountry);
    if (!isUsable(check)) return { reason: 'invalid-phone', value: row.phone };
    phone = check.e164;
  }
  return { list, userId, phone, note: row.note };
}

function identifierOf(entry: ContactListEntry): string {
  return entry.userId !== null ? String(entry.userId) : (entry.phone ?? '');
}

function recordOf(entry: ContactListEntry): BulkJobRecord & { name: string } {
  return {
    name: `${entry.list} ${entry.userId !== null ? `user ${entry.userId}` : entry.phone}`,
    external_id: contactListExternalId(entry),
    custom_object_fields: { list: entry.list, user_id: entry.userId, phone: entry.phone, note: entry.note },
  };
}

function entryOfRecord(record: CustomObjectRecord): ContactListEntry | undefined {
  const fields = record.custom_object_fields ?? {};
  const list = fields.list;
  if (list !== 'block' && list !== 'allow') return undefined;
  const rawId = fields.user_id;
  const userId = typeof rawId === 'number' ? rawId : typeof rawId === 'string' && /^\d+$/.test(rawId) ? Number(rawId) : null;
  const phone = typeof fields.phone === 'string' && fields.phone !== '' ? fields.phone : null;
  if (userId === null && phone === null) return undefined;
  return { list, userId, phone, note: typeof fields.note === 'string' ? fields.note : '' };
}
