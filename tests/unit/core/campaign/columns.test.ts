import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IntegerSet, Interner, NumberColumn, TextColumn, ValueColumn } from '../../../../src/core/campaign/columns';

describe('NumberColumn', () => {
  it('reads back what was pushed, across chunks, exactly up to 2^53', () => {
    const column = NumberColumn.float64();
    for (let index = 0; index < 10_000; index += 1) column.push(Number.MAX_SAFE_INTEGER - index);
    expect(column.size).toBe(10_000);
    expect(column.get(0)).toBe(Number.MAX_SAFE_INTEGER);
    expect(column.get(4096)).toBe(Number.MAX_SAFE_INTEGER - 4096);
    expect(column.get(9999)).toBe(Number.MAX_SAFE_INTEGER - 9999);
  });
});

describe('TextColumn', () => {
  it('reads back any texts, in the chunk being filled and in packed ones', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme' }), { maxLength: 9000 }), (texts) => {
        const column = new TextColumn();
        for (const text of texts) column.push(text);
        expect(column.size).toBe(texts.length);
        texts.forEach((text, index) => expect(column.get(index)).toBe(text));
      }),
      { numRuns: 20 },
    );
  });
});

describe('ValueColumn', () => {
  it('holds one value while all are the same, then every value', () => {
    const column = new ValueColumn();
    for (let index = 0; index < 5000; index += 1) column.push('SPRING');
    expect(column.get(4999)).toBe('SPRING');
    column.push('SUMMER');
    column.push('SPRING');
    expect([column.get(0), column.get(4999), column.get(5000), column.get(5001)]).toEqual(['SPRING', 'SPRING', 'SUMMER', 'SPRING']);
  });
});

describe('Interner', () => {
  it('numbers each distinct value once, null and undefined included', () => {
    const interner = new Interner<string | null | undefined>();
    const numbers = ['fr', null, 'fr', undefined, 'en', null].map((value) => interner.intern(value));
    expect(numbers).toEqual([0, 1, 0, 2, 3, 1]);
    expect([0, 1, 2, 3].map((number) => interner.valueOf(number))).toEqual(['fr', null, undefined, 'en']);
  });
});

describe('IntegerSet', () => {
  it('behaves like a Set of phone-sized integers, through growth', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 3000 }).map((n) => 33_600_000_000 + n * 7919), { maxLength: 3000 }), (values) => {
        const set = new IntegerSet();
        const reference = new Set<number>();
        for (const value of values) {
          expect(set.add(value)).toBe(!reference.has(value));
          reference.add(value);
        }
        expect(set.size).toBe(reference.size);
        for (const value of reference) expect(set.has(value)).toBe(true);
        expect(set.has(33_600_000_000)).toBe(false);
      }),
      { numRuns: 30 },
    );
  });

  it('holds E.164 numbers of 15 digits, never 0, and refuses what it cannot hold', () => {
    const set = new IntegerSet();
    expect(set.add(999_999_999_999_999)).toBe(true);
    expect(set.has(999_999_999_999_999)).toBe(true);
    expect(set.has(999_999_999_999_998)).toBe(false);
    expect(set.has(0)).toBe(false);
    expect(() => set.add(0)).toThrow(RangeError);
    expect(() => set.add(-5)).toThrow(RangeError);
    expect(() => set.add(1.5)).toThrow(RangeError);
    expect(() => set.add(2 ** 53)).toThrow(RangeError);
  });
});
