import Papa from 'papaparse';

/**
 * Every CSV Herald writes goes through here, so that none can run as a formula in a spreadsheet.
 *
 * A cell a spreadsheet would run as a formula ("=", "+", "-", "@", and a tab or carriage return,
 * which some programs skip before looking) gets a leading apostrophe, the neutralisation OWASP's
 * "CSV Injection" page describes; reading Herald's own files back removes it (`readCell`).
 * papaparse's own `escapeFormulae: true` misses a cell that also holds a line break (its pattern
 * ends with `.*$` and no multiline flag), so the pattern is ours.
 *
 * Phone numbers (`+33…`) get the apostrophe too. Every other way of keeping "+33 6…" as text in a
 * spreadsheet is worse: `="+33…"` is itself a formula (what this module exists to keep out), a
 * leading space or tab is read as a number or copied along with the number, and without anything
 * the "+" is taken as a formula or dropped with the number read as 33612345678. The README says so.
 */

/** `,` is the CSV standard (RFC 4180); `;` is what spreadsheets expect where `,` is the decimal mark (French…). */
export type CsvSeparator = ',' | ';';
export const CSV_SEPARATORS: readonly CsvSeparator[] = [',', ';'];

const FORMULA_START = /^[=+\-@\t\r]/;

/** The separator a spreadsheet in this language expects: `;` where the decimal mark is a comma. */
export function defaultCsvSeparator(locale: string): CsvSeparator {
  const decimal = new Intl.NumberFormat(locale).formatToParts(1.5).find((part) => part.type === 'decimal')?.value;
  return decimal === ',' ? ';' : ',';
}

/** The cell as it is written: with a leading apostrophe when a spreadsheet would run it. */
export function neutralisedCell(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** A cell of a file Herald wrote, as it was before `neutralisedCell`; any other cell is left as it is. */
export function readCell(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}

/** A CSV file (RFC 4180 quoting, CRLF line ends) whose every cell is safe to open in a spreadsheet. */
export function csvFile(fields: readonly string[], rows: readonly (readonly string[])[], separator: CsvSeparator = ','): string {
  return Papa.unparse(
    { fields: [...fields], data: rows.map((row) => [...row]) },
    { delimiter: separator, newline: '\r\n', escapeFormulae: FORMULA_START },
  );
}
