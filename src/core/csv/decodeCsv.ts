/**
 * The text of a CSV file a person made, whatever their spreadsheet saved it as: UTF-8 with or
 * without a byte-order mark, UTF-16 (what Excel's "Unicode text" writes, with its mark), or
 * Windows-1252 (Excel's "CSV" on a Windows set to French or another Western language). Undefined
 * for a file that is not text at all (an image, a spreadsheet's own .xlsx…).
 */

export type CsvEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedCsv {
  text: string;
  encoding: CsvEncoding;
}

export function decodeCsv(bytes: Uint8Array): DecodedCsv | undefined {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return decoded(bytes.subarray(3), 'utf-8');
  if (startsWith(bytes, [0xff, 0xfe])) return decoded(bytes.subarray(2), 'utf-16le');
  if (startsWith(bytes, [0xfe, 0xff])) return decoded(bytes.subarray(2), 'utf-16be');
  // UTF-16 without its mark: ASCII text leaves every other byte zero.
  const unmarked = utf16WithoutMark(bytes);
  if (unmarked) return decoded(bytes, unmarked);
  if (bytes.includes(0)) return undefined;
  try {
    return checked({ text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' });
  } catch {
    // Not UTF-8: every byte is a character in Windows-1252.
    return checked({ text: windows1252(bytes), encoding: 'windows-1252' });
  }
}

/**
 * Windows-1252 by its table rather than TextDecoder: Node's decoder reads the label as
 * ISO-8859-1, turning the curly quotes, "€" and "œ" (0x80–0x9F) into invisible control characters.
 * The five unassigned bytes stay control characters, as in the WHATWG Encoding Standard's table.
 */
const WINDOWS_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function windows1252(bytes: Uint8Array): string {
  let text = '';
  for (let start = 0; start < bytes.length; start += 8192) {
    const slice = bytes.subarray(start, start + 8192);
    text += String.fromCharCode(...slice).replace(/[\u0080-\u009f]/g, (character) => WINDOWS_1252_HIGH[character.charCodeAt(0) - 0x80] ?? character);
  }
  return text;
}

function decoded(bytes: Uint8Array, encoding: CsvEncoding): DecodedCsv | undefined {
  try {
    return checked({ text: new TextDecoder(encoding, { fatal: true }).decode(bytes), encoding });
  } catch {
    return undefined;
  }
}

/** Text has few control characters besides tabs and line breaks; a binary file decoded as text has many. */
function checked(file: DecodedCsv): DecodedCsv | undefined {
  const sample = file.text.slice(0, 4096);
  let control = 0;
  for (let index = 0; index < sample.length; index++) {
    const code = sample.charCodeAt(index);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0x7f || code === 0xfffd) control++;
  }
  return control > sample.length / 100 ? undefined : file;
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

function utf16WithoutMark(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const sample = bytes.subarray(0, Math.min(bytes.length, 4096) & ~1);
  if (sample.length < 4) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let index = 0; index < sample.length; index += 2) {
    if (sample[index] === 0) evenZeros++;
    if (sample[index + 1] === 0) oddZeros++;
  }
  const pairs = sample.length / 2;
  if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return 'utf-16be';
  return undefined;
}
