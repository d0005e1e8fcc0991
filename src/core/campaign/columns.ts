/**
 * Append-only columns for a send plan of a million recipients. One object per recipient would
 * cost a few hundred bytes each (and as much again for the garbage collector to walk); columns
 * of numbers in typed arrays and of texts packed into long strings cost a few bytes each.
 * Columns grow by fixed-size chunks: nothing is copied as they grow, and a plan of ten users does
 * not reserve room for a million.
 */

const CHUNK_BITS = 12;
const CHUNK_SIZE = 1 << CHUNK_BITS;
const CHUNK_MASK = CHUNK_SIZE - 1;

type NumberArray = Float64Array | Uint32Array | Uint8Array;

/** Numbers of one kind: Float64 holds every integer up to 2^53 exactly (user ids, phone digits). */
export class NumberColumn {
  private readonly chunks: NumberArray[] = [];
  private count = 0;

  constructor(private readonly createChunk: (size: number) => NumberArray) {}

  static float64(): NumberColumn {
    return new NumberColumn((size) => new Float64Array(size));
  }

  static uint32(): NumberColumn {
    return new NumberColumn((size) => new Uint32Array(size));
  }

  static uint8(): NumberColumn {
    return new NumberColumn((size) => new Uint8Array(size));
  }

  get size(): number {
    return this.count;
  }

  push(value: number): void {
    const offset = this.count & CHUNK_MASK;
    if (offset === 0) this.chunks.push(this.createChunk(CHUNK_SIZE));
    const chunk = this.chunks[this.chunks.length - 1];
    if (chunk) chunk[offset] = value;
    this.count += 1;
  }

  get(index: number): number {
    return this.chunks[index >>> CHUNK_BITS]?.[index & CHUNK_MASK] ?? 0;
  }
}

/**
 * Texts packed into one string per chunk, with where each ends: a value costs its characters
 * (one byte each when they are Latin-1) plus 4 bytes, instead of a string object each.
 */
export class TextColumn {
  private readonly packed: string[] = [];
  private pending: string[] = [];
  private pendingLength = 0;
  private readonly ends = NumberColumn.uint32();

  get size(): number {
    return this.ends.size;
  }

  push(text: string): void {
    this.pending.push(text);
    this.pendingLength += text.length;
    this.ends.push(this.pendingLength);
    if (this.pending.length === CHUNK_SIZE) {
      this.packed.push(this.pending.join(''));
      this.pending = [];
      this.pendingLength = 0;
    }
  }

  get(index: number): string {
    const chunk = index >>> CHUNK_BITS;
    const offset = index & CHUNK_MASK;
    const packed = this.packed[chunk];
    // The chunk being filled is still a list of strings.
    if (packed === undefined) return this.pending[offset] ?? '';
    const start = offset === 0 ? 0 : this.ends.get(index - 1);
    return packed.slice(start, this.ends.get(index));
  }
}

/**
 * A column where most values are often the same (a static placeholder, a ticket field): one
 * value until a different one arrives, then a text column.
 */
export class ValueColumn {
  private constant = '';
  private count = 0;
  private texts: TextColumn | undefined;

  push(text: string): void {
    if (this.texts) {
      this.texts.push(text);
      return;
    }
    if (this.count === 0) this.constant = text;
    if (text === this.constant) {
      this.count += 1;
      return;
    }
    const texts = new TextColumn();
    for (let index = 0; index < this.count; index += 1) texts.push(this.constant);
    texts.push(text);
    this.texts = texts;
  }

  get(index: number): string {
    return this.texts ? this.texts.get(index) : this.constant;
  }
}

/** Few distinct values used many times (locales, time zones, countries): each stored once, referred to by number. */
export class Interner<T> {
  private readonly numbers = new Map<T, number>();
  private readonly values: T[] = [];

  intern(value: T): number {
    let number = this.numbers.get(value);
    if (number === undefined) {
      number = this.values.length;
      this.values.push(value);
      this.numbers.set(value, number);
    }
    return number;
  }

  valueOf(number: number): T {
    return this.values[number] as T;
  }
}

/**
 * A set of positive integers below 2^53 (phone numbers as their E.164 digits), in an
 * open-addressing table of doubles: a million phones take 16 MB, where a Set of strings takes
 * several times more.
 */
export class IntegerSet {
  private table = new Float64Array(1024);
  private count = 0;

  get size(): number {
    return this.count;
  }

  has(value: number): boolean {
    // 0 marks an empty slot: it is never a member.
    return value !== 0 && this.table[this.slotOf(value, this.table)] === value;
  }

  /** False when the value was already there. */
  add(value: number): boolean {
    if (!(value > 0) || !Number.isSafeInteger(value)) throw new RangeError(`IntegerSet holds positive safe integers, not ${value}`);
    const slot = this.slotOf(value, this.table);
    if (this.table[slot] === value) return false;
    this.table[slot] = value;
    this.count += 1;
    // Half full at most, so a lookup ends within a few probes.
    if (this.count * 2 > this.table.length) this.grow();
    return true;
  }

  /** Where the value is, or the empty slot (0) where it would go. */
  private slotOf(value: number, table: Float64Array): number {
    const mask = table.length - 1;
    let slot = hashInteger(value) & mask;
    for (;;) {
      const found = table[slot];
      if (found === value || found === 0) return slot;
      slot = (slot + 1) & mask;
    }
  }

  private grow(): void {
    const old = this.table;
    const table = new Float64Array(old.length * 2);
    for (const value of old) if (value !== 0) table[this.slotOf(value, table)] = value;
    this.table = table;
  }
}

function hashInteger(value: number): number {
  const low = value >>> 0;
  const high = Math.floor(value / 0x100000000) | 0;
  let h = Math.imul(low ^ Math.imul(high, 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 15;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
