/** Why a list file cannot be imported: light, so that any screen can say it without the CSV reader. */

/** A file's limits: a list is imported in one go, in the browser, and written to Zendesk 100 rows a job. */
export const MAX_LIST_FILE_BYTES = 10 * 1024 * 1024;
export const MAX_LIST_FILE_ROWS = 50_000;

export type ContactListCsvProblem = 'not-text' | 'too-large' | 'too-many-rows' | 'empty' | 'no-identifier-column' | 'unclosed-quote';

/** The file cannot be read as a list, and why: each problem says what to change in the file. */
export class ContactListCsvError extends Error {
  override name = 'ContactListCsvError';

  constructor(
    readonly problem: ContactListCsvProblem,
    /** The file's first line as read (for `no-identifier-column`), cut short. */
    readonly firstLine?: string,
    /** The line where the trouble starts (for `unclosed-quote`), 1 for the header. */
    readonly line?: number,
  ) {
    super(`The CSV file cannot be read as a list: ${problem}`);
  }
}
