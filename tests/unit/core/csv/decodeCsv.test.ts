import { describe, expect, it } from 'vitest';
import { decodeCsv } from '../../../../src/core/csv/decodeCsv';

const TEXT = 'phone;note\r\n+33612345678;Désinscrit, préfère l’e-mail\r\n';

function utf16(text: string, order: 'le' | 'be', mark: boolean): Uint8Array {
  const bytes: number[] = mark ? (order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]) : [];
  for (const unit of Array.from({ length: text.length }, (_, index) => text.charCodeAt(index))) {
    const [low, high] = [unit & 0xff, unit >> 8];
    bytes.push(...(order === 'le' ? [low, high] : [high, low]));
  }
  return new Uint8Array(bytes);
}

/** Windows-1252, as Excel saves "CSV" on a French Windows: one byte a character here. */
function windows1252(text: string): Uint8Array {
  const special: Record<string, number> = { '’': 0x92 };
  return new Uint8Array([...text].map((character) => special[character] ?? character.charCodeAt(0)));
}

describe('decodeCsv', () => {
  it('reads UTF-8 with and without its byte-order mark', () => {
    const utf8 = new TextEncoder().encode(TEXT);
    expect(decodeCsv(utf8)).toEqual({ text: TEXT, encoding: 'utf-8' });
    expect(decodeCsv(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]))).toEqual({ text: TEXT, encoding: 'utf-8' });
  });

  it('reads UTF-16 in both byte orders, with or without its mark', () => {
    expect(decodeCsv(utf16(TEXT, 'le', true))).toEqual({ text: TEXT, encoding: 'utf-16le' });
    expect(decodeCsv(utf16(TEXT, 'be', true))).toEqual({ text: TEXT, encoding: 'utf-16be' });
    expect(decodeCsv(utf16(TEXT, 'le', false))).toEqual({ text: TEXT, encoding: 'utf-16le' });
    expect(decodeCsv(utf16(TEXT, 'be', false))).toEqual({ text: TEXT, encoding: 'utf-16be' });
  });

  it('reads a French Windows-1252 file with its accents, not as "D�sinscrit"', () => {
    expect(decodeCsv(windows1252(TEXT))).toEqual({ text: TEXT, encoding: 'windows-1252' });
  });

  it('refuses what is not text: an image, a spreadsheet, random bytes', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 1, 2, 3, 0]);
    const xlsx = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00]);
    let seed = 7;
    const noise = new Uint8Array(4096).map(() => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % 256);
    for (const bytes of [png, xlsx, noise]) expect(decodeCsv(bytes)).toBeUndefined();
  });
});
