import { deflateSync, inflateSync } from 'fflate';

/**
 * Binary data in a textarea field: deflated, then base64 (which JSON stores without escapes, so a
 * record's size is the text's length plus its envelope). Plus the varints the chunk codecs use.
 */

export function packBytes(bytes: Uint8Array): string {
  return toBase64(deflateSync(bytes, { level: 9 }));
}

export function unpackBytes(text: string): Uint8Array {
  return inflateSync(fromBase64(text));
}

/** Large enough for String.fromCharCode's arguments, small enough for any engine's stack. */
const SLICE = 0x8000;

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let start = 0; start < bytes.length; start += SLICE) binary += String.fromCharCode(...bytes.subarray(start, start + SLICE));
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

/** A growing byte buffer with unsigned varints (7 bits a byte, any safe integer). */
export class ByteWriter {
  private buffer = new Uint8Array(1024);
  private length = 0;

  byte(value: number): void {
    this.reserve(1);
    this.buffer[this.length++] = value & 0xff;
  }

  bytes(values: Uint8Array): void {
    this.reserve(values.length);
    this.buffer.set(values, this.length);
    this.length += values.length;
  }

  varint(value: number): void {
    if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`A varint holds a non-negative safe integer, not ${value}`);
    let rest = value;
    while (rest >= 0x80) {
      this.byte((rest % 0x80) | 0x80);
      rest = Math.floor(rest / 0x80);
    }
    this.byte(rest);
  }

  /** A signed integer, small in either direction → few bytes. */
  signed(value: number): void {
    this.varint(value >= 0 ? value * 2 : -value * 2 - 1);
  }

  result(): Uint8Array {
    return this.buffer.slice(0, this.length);
  }

  private reserve(extra: number): void {
    if (this.length + extra <= this.buffer.length) return;
    const grown = new Uint8Array(Math.max(this.buffer.length * 2, this.length + extra));
    grown.set(this.buffer.subarray(0, this.length));
    this.buffer = grown;
  }
}

export class CorruptChunkError extends Error {
  override name = 'CorruptChunkError';
}

export class ByteReader {
  private offset = 0;

  constructor(private readonly buffer: Uint8Array) {}

  get done(): boolean {
    return this.offset >= this.buffer.length;
  }

  byte(): number {
    const value = this.buffer[this.offset++];
    if (value === undefined) throw new CorruptChunkError('The chunk ends too early');
    return value;
  }

  bytes(count: number): Uint8Array {
    if (this.offset + count > this.buffer.length) throw new CorruptChunkError('The chunk ends too early');
    const slice = this.buffer.subarray(this.offset, this.offset + count);
    this.offset += count;
    return slice;
  }

  varint(): number {
    let value = 0;
    let scale = 1;
    for (;;) {
      const next = this.byte();
      value += (next & 0x7f) * scale;
      if (next < 0x80) return value;
      scale *= 0x80;
      if (scale > Number.MAX_SAFE_INTEGER) throw new CorruptChunkError('A number of the chunk is too large');
    }
  }

  signed(): number {
    const zigzag = this.varint();
    return zigzag % 2 === 0 ? zigzag / 2 : -(zigzag + 1) / 2;
  }
}
