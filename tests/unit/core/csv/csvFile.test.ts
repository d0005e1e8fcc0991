import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvFile, defaultCsvSeparator, neutralisedCell, readCell } from '../../../../src/core/csv/csvFile';
import { exclusionCsv } from '../../../../src/ui/audiences/exclusionCsv';

const RUNNABLE = ['=HYPERLINK("http://evil.example","click")', '@SUM(A1)', '-1+1', '+1+1', '\t=1', '\r=1', '=1\n=2'];

describe('csvFile', () => {
  it('writes every cell a spreadsheet would run with a leading apostrophe, and nothing else', () => {
    const csv = csvFile(['a'], [...RUNNABLE, 'a = b', 'ok'].map((cell) => [cell]));
    const cells = Papa.parse<string[]>(csv, { skipEmptyLines: true }).data.slice(1).map((row) => row[0]);
    expect(cells).toEqual([...RUNNABLE.map((cell) => `'${cell}`), 'a = b', 'ok']);
  });

  it('reads back what it wrote, and leaves a cell someone else wrote with an apostrophe alone', () => {
    for (const cell of [...RUNNABLE, "'quoted", 'plain']) expect(readCell(neutralisedCell(cell))).toBe(cell);
    expect(readCell("'quoted")).toBe("'quoted");
  });

  it('separates with the separator asked for, quoting a cell that holds it', () => {
    expect(csvFile(['a', 'b'], [['1;2', '3']], ';')).toBe('a;b\r\n"1;2";3');
    expect(csvFile(['a', 'b'], [['1,2', '3']], ',')).toBe('a,b\r\n"1,2",3');
  });

  it('defaults to semicolons where the decimal mark is a comma', () => {
    expect(defaultCsvSeparator('fr')).toBe(';');
    expect(defaultCsvSeparator('de')).toBe(';');
    expect(defaultCsvSeparator('en')).toBe(',');
    expect(defaultCsvSeparator('en-US')).toBe(',');
  });
});

describe('the exclusion CSV', () => {
  it('writes invalid phones as typed, but inert', () => {
    const csv = exclusionCsv(
      RUNNABLE.map((phone, index) => ({ userId: 100 + index, phone, reasons: ['invalid-phone'] })),
      'acme',
      ';',
    );
    const rows = Papa.parse<string[]>(csv, { delimiter: ';', skipEmptyLines: true }).data;
    expect(rows[0]).toEqual(['user_id', 'phone', 'reasons', 'zendesk_url', 'detail']);
    expect(rows.slice(1).map((row) => row[1])).toEqual(RUNNABLE.map((phone) => `'${phone}`));
    expect(rows[1]?.[3]).toBe('https://acme.zendesk.com/agent/users/100');
  });
});
