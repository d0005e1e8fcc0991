import { RECIPIENT_STATES, type LedgerSnapshot, type RecipientDetail } from '../core/sending/states';
import { ByteReader, ByteWriter, CorruptChunkError, packBytes, unpackBytes } from './packedBytes';

/**
 * One chunk of a campaign's ledger (the recipients `first` to `first + count - 1`) as the text of a
 * record: the states as runs (or one byte each when runs would be longer: a ledger that alternates),
 * then the details in index order, each as small numbers: the gap to the previous index, the code
 * as a position in the chunk's own table, and `at` as the gap to the previous detail's time in ms
 * (the first from the chunk's earliest time). Deflated and base64-encoded.
 *
 * Its size is bounded whatever the ledger holds: codes are cut to 64 bytes and a chunk keeps 32
 * distinct codes (later ones read back as `other`), so a chunk of 2,000 recipients, all failed
 * each at its own time, takes at most about 22.1 KB before base64 and 29.5 KB after: within the
 * 30 KB of a chunk record (campaignChunks.ts) even if deflate gains nothing. Engine codes
 * (`whatsapp-131026`, `http-429`, `crash`…) are far shorter and far fewer.
 */

const VERSION = 1;
const RUNS = 0;
const RAW = 1;
export const MAX_CODE_BYTES = 64;
export const MAX_CODES_PER_CHUNK = 32;
export const OVERFLOW_CODE = 'other';

export interface LedgerChunk {
  first: number;
  count: number;
  /** One state code per recipient of the chunk. */
  states: Uint8Array;
  /** By recipient index (not position in the chunk). */
  details: Map<number, RecipientDetail>;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function encodeLedgerChunk(ledger: LedgerSnapshot, first: number, count: number): string {
  const out = new ByteWriter();
  out.byte(VERSION);
  out.varint(first);
  out.varint(count);
  writeStates(out, ledger.states.subarray(first, first + count));

  // Looked up by index: the snapshot holds the details of the whole campaign.
  const entries: Array<[number, RecipientDetail]> = [];
  for (let index = first; index < first + count; index++) {
    const detail = ledger.details.get(index);
    if (detail) entries.push([index, detail]);
  }
  const codes = new CodeTable();
  const refs = entries.map(([, detail]) => (detail.code === undefined ? 0 : codes.ref(detail.code)));
  let base = Number.POSITIVE_INFINITY;
  for (const [, detail] of entries) if (detail.at !== undefined) base = Math.min(base, timeOf(detail.at));
  if (base === Number.POSITIVE_INFINITY) base = 0;

  out.varint(codes.list.length);
  for (const code of codes.list) {
    const bytes = encoder.encode(code);
    out.varint(bytes.length);
    out.bytes(bytes);
  }
  out.varint(base);
  out.varint(entries.length);
  let previousIndex = first - 1;
  let previousAt = base;
  entries.forEach(([index, detail], position) => {
    out.varint(index - previousIndex);
    out.varint(refs[position] ?? 0);
    if (detail.at === undefined) out.varint(0);
    else {
      const at = timeOf(detail.at);
      // Zigzag, then +1: 0 stays "no time".
      out.varint((at >= previousAt ? (at - previousAt) * 2 : (previousAt - at) * 2 - 1) + 1);
      previousAt = at;
    }
    previousIndex = index;
  });
  return packBytes(out.result());
}

export function decodeLedgerChunk(text: string): LedgerChunk {
  const input = new ByteReader(unpackBytes(text));
  if (input.byte() !== VERSION) throw new CorruptChunkError('Unknown ledger chunk version');
  const first = input.varint();
  const count = input.varint();
  const states = readStates(input, count);
  const codes = Array.from({ length: input.varint() }, () => decoder.decode(input.bytes(input.varint())));
  const base = input.varint();
  const details = new Map<number, RecipientDetail>();
  let index = first - 1;
  let at = base;
  for (let left = input.varint(); left > 0; left--) {
    index += input.varint();
    if (index >= first + count) throw new CorruptChunkError('A detail lies outside its chunk');
    const ref = input.varint();
    const time = input.varint();
    const detail: RecipientDetail = {};
    if (ref > 0) {
      const code = codes[ref - 1];
      if (code === undefined) throw new CorruptChunkError('A detail names an unknown code');
      detail.code = code;
    }
    if (time > 0) {
      const zigzag = time - 1;
      at += zigzag % 2 === 0 ? zigzag / 2 : -(zigzag + 1) / 2;
      detail.at = at;
    }
    details.set(index, detail);
  }
  return { first, count, states, details };
}

function writeStates(out: ByteWriter, states: Uint8Array): void {
  const runs: Array<[number, number]> = [];
  for (const state of states) {
    if (state >= RECIPIENT_STATES.length) throw new RangeError(`Unknown recipient state code ${state}`);
    const last = runs.at(-1);
    if (last && last[0] === state) last[1] += 1;
    else runs.push([state, 1]);
  }
  // A run costs its state and a length (1 byte below 128): worth it unless runs are about one long.
  if (runs.length * 2 < states.length) {
    out.byte(RUNS);
    out.varint(runs.length);
    for (const [state, length] of runs) {
      out.byte(state);
      out.varint(length);
    }
  } else {
    out.byte(RAW);
    out.bytes(states);
  }
}

function readStates(input: ByteReader, count: number): Uint8Array {
  const format = input.byte();
  let states: Uint8Array;
  if (format === RAW) states = input.bytes(count).slice();
  else if (format === RUNS) {
    states = new Uint8Array(count);
    let offset = 0;
    for (let left = input.varint(); left > 0; left--) {
      const state = input.byte();
      const length = input.varint();
      if (offset + length > count) throw new CorruptChunkError('The state runs overflow the chunk');
      states.fill(state, offset, offset + length);
      offset += length;
    }
    if (offset !== count) throw new CorruptChunkError('The state runs do not cover the chunk');
  } else throw new CorruptChunkError('Unknown state format');
  if (states.some((state) => state >= RECIPIENT_STATES.length)) throw new CorruptChunkError('Unknown recipient state');
  return states;
}

/** Times are whole ms since the epoch. */
function timeOf(at: number): number {
  const time = Math.round(at);
  if (!Number.isSafeInteger(time) || time < 0) throw new RangeError(`Not a time: ${at}`);
  return time;
}

/** A chunk's table of codes (shared by the chunk codecs that carry the channel's codes). */
export class CodeTable {
  readonly list: string[] = [];
  private readonly refs = new Map<string, number>();

  /** The code's position + 1, adding it to the table while there is room (the last place is `other`'s). */
  ref(code: string): number {
    const short = cutToBytes(code, MAX_CODE_BYTES);
    const known = this.refs.get(short);
    if (known !== undefined) return known;
    const key = this.list.length < MAX_CODES_PER_CHUNK - 1 ? short : OVERFLOW_CODE;
    const existing = this.refs.get(key);
    if (existing !== undefined) return existing;
    this.list.push(key);
    this.refs.set(key, this.list.length);
    return this.list.length;
  }
}

/** The longest prefix of whole characters within `limit` UTF-8 bytes. */
function cutToBytes(text: string, limit: number): string {
  if (encoder.encode(text).length <= limit) return text;
  let cut = '';
  let bytes = 0;
  for (const character of text) {
    const size = encoder.encode(character).length;
    if (bytes + size > limit) break;
    cut += character;
    bytes += size;
  }
  return cut;
}
