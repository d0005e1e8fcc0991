import Papa from 'papaparse';
import { csvFile, readCell, type CsvSeparator } from '../core/csv/csvFile';
import { decodeCsv } from '../core/csv/decodeCsv';
import { ContactListCsvError, MAX_LIST_FILE_BYTES, MAX_LIST_FILE_ROWS } from './contactListErrors';

export { ContactListCsvError, MAX_LIST_FILE_BYTES, MAX_LIST_FILE_ROWS };

/**
 * The CSV side of the block and allow lists: reading a file a person made (in a spreadsheet, with
 * their own header spellings and delimiter) into rows that know their line in the file, and writing
 * the lists back as `user_id,phone,note`.
 */

export interface ContactListCsvRow {
  /** 1-based line of the row in the file (the header is line 1). */
  line: number;
  userId: string;
  phone: string;
  note: string;
}

/** The rows of a list file as a person's spreadsheet saved it (see decodeCsv for the encodings read). */
export function readContactListFile(bytes: Uint8Array): ContactListCsvRow[] {
  if (bytes.length > MAX_LIST_FILE_BYTES) throw new ContactListCsvError('too-large');
  if (bytes.length === 0) throw new ContactListCsvError('empty');
  const decoded = decodeCsv(bytes);
  if (!decoded) throw new ContactListCsvError('not-text');
  return readContactListCsv(decoded.text);
}

type Column = 'userId' | 'phone' | 'note';

/** Header spellings people use, most specific first, compared without case, accents, spaces or punctuation. */
const HEADERS: Record<Column, readonly string[]> = {
  userId: ['userid', 'id', 'user', 'zendeskid', 'zendeskuserid', 'requesterid', 'idutilisateur', 'utilisateur', 'identifiant'],
  phone: [
    'phone',
    'phonenumber',
    'phoneno',
    'mobile',
    'mobilenumber',
    'mobilephone',
    'cell',
    'cellphone',
    'telephone',
    'tel',
    'msisdn',
    'whatsapp',
    'whatsappnumber',
    'number',
    'numero',
    'portable',
  ],
  note: ['note', 'notes', 'comment', 'comments', 'reason', 'description', 'remarque', 'commentaire', 'raison'],
};

const LINE_BREAK = /\r\n|\r|\n/g;

export function readContactListCsv(csv: string): ContactListCsvRow[] {
  const text = csv.startsWith('\uFEFF') ? csv.slice(1) : csv;
  const rows: Array<{ cells: string[]; line: number }> = [];
  let consumed = 0;
  let line = 1;
  // Step mode gives each row's end offset, from which its line follows even when a quoted cell
  // spans several lines.
  let filled = 0;
  let unclosedAt: number | undefined;
  Papa.parse<string[]>(text, {
    delimiter: delimiterOf(text),
    skipEmptyLines: false,
    step: (result, parser) => {
      if (!isBlank(result.data)) filled++;
      // The header and one row more than a file may hold: enough to say it is too long.
      if (filled > MAX_LIST_FILE_ROWS + 1) {
        parser.abort();
        return;
      }
      // A quote opened in a cell and never closed takes the rest of the file into that cell: every
      // later row would vanish without a word.
      if (unclosedAt === undefined && result.errors.some((error) => error.code === 'MissingQuotes')) unclosedAt = line;
      rows.push({ cells: result.data, line });
      const end = result.meta.cursor;
      line += (text.slice(consumed, end).match(LINE_BREAK) ?? []).length;
      consumed = end;
    },
  });
  if (unclosedAt !== undefined) throw new ContactListCsvError('unclosed-quote', undefined, unclosedAt);
  const header = rows.shift();
  if (!header || isBlank(header.cells)) throw new ContactListCsvError('empty');
  const columns = columnsOf(header.cells);
  if (columns.userId === undefined && columns.phone === undefined) throw new ContactListCsvError('no-identifier-column', firstLineOf(text));
  if (filled > MAX_LIST_FILE_ROWS + 1) throw new ContactListCsvError('too-many-rows');
  const cell = (cells: string[], index: number | undefined): string => (index === undefined ? '' : (cells[index] ?? '').trim());
  return rows
    .filter((row) => !isBlank(row.cells))
    .map((row) => ({
      line: row.line,
      userId: readCell(cell(row.cells, columns.userId)),
      phone: readCell(cell(row.cells, columns.phone)),
      note: readCell(cell(row.cells, columns.note)),
    }));
}

export interface ContactListCsvLine {
  userId: number | null;
  phone: string | null;
  note: string;
}

/** The lines as a file to import again: every cell safe in a spreadsheet, read back as it was. */
export function writeContactListCsv(lines: readonly ContactListCsvLine[], separator: CsvSeparator = ','): string {
  return csvFile(
    ['user_id', 'phone', 'note'],
    lines.map((line) => [line.userId === null ? '' : String(line.userId), line.phone ?? '', line.note]),
    separator,
  );
}

/** For each column, the header cell with the most specific spelling (`user_id` wins over `id`). */
function columnsOf(header: readonly string[]): Partial<Record<Column, number>> {
  const keys = header.map(headerKey);
  const columns: Partial<Record<Column, number>> = {};
  for (const column of Object.keys(HEADERS) as Column[]) {
    for (const spelling of HEADERS[column]) {
      const index = keys.indexOf(spelling);
      if (index >= 0 && !Object.values(columns).includes(index)) {
        columns[column] = index;
        break;
      }
    }
  }
  return columns;
}

function headerKey(title: string): string {
  return title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

function isBlank(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim() === '');
}

/** The first line as a person would recognise it: 80 characters at most, invisible characters shown as spaces. */
function firstLineOf(text: string): string {
  const line = text.split(/\r\n|\r|\n/, 1)[0] ?? '';
  const visible = [...line].map((character) => (/\p{Cc}/u.test(character) ? ' ' : character)).join('').trim();
  return visible.length > 80 ? `${visible.slice(0, 79)}…` : visible;
}

/**
 * The separator of a file a person made, from its first line: the candidate it holds most often
 * (`,` by RFC 4180, `;` from a spreadsheet where the decimal mark is a comma, a tab from "text"
 * exports). papaparse guesses too, but from whole rows, and a file of one column or with a blank
 * last line throws its guess off.
 */
function delimiterOf(text: string): string {
  const firstLine = text.split(/\r\n|\r|\n/, 1)[0] ?? '';
  let best = ',';
  let most = 0;
  for (const candidate of [',', ';', '\t', '|']) {
    const count = firstLine.split(candidate).length - 1;
    if (count > most) [best, most] = [candidate, count];
  }
  return best;
}
