import { z } from 'zod/mini';
import type { Recipient } from '../core/campaign/plan';
import { CorruptChunkError, packBytes, unpackBytes } from './packedBytes';

/**
 * A run of the frozen audience as the text of a record: the recipients in columns (user ids as
 * gaps, each repeated text such as countries, locales and time zones once in a dictionary, one
 * column per placeholder) in JSON, deflated and base64-encoded. Columns put alike values side by
 * side, which is what deflate compresses best.
 */

const VERSION = 1;

const dictionarySchema = z.object({ d: z.array(z.nullable(z.string())), i: z.array(z.number().check(z.int(), z.nonnegative())) });

const chunkSchema = z.object({
  v: z.literal(VERSION),
  first: z.number().check(z.int(), z.nonnegative()),
  u: z.array(z.number().check(z.int())),
  p: z.array(z.string()),
  c: dictionarySchema,
  l: dictionarySchema,
  t: dictionarySchema,
  x: z.array(z.array(z.string())),
});

type Dictionary = z.infer<typeof dictionarySchema>;

export interface AudienceChunk {
  first: number;
  recipients: Recipient[];
}

export function encodeAudienceChunk(first: number, recipients: readonly Recipient[]): string {
  const slotCount = recipients[0]?.values.length ?? 0;
  const values: string[][] = Array.from({ length: slotCount }, () => []);
  const userIds: number[] = [];
  let previousUserId = 0;
  for (const recipient of recipients) {
    if (recipient.values.length !== slotCount) throw new RangeError(`Every recipient needs ${slotCount} value(s); user ${recipient.userId} has ${recipient.values.length}`);
    userIds.push(recipient.userId - previousUserId);
    previousUserId = recipient.userId;
    recipient.values.forEach((value, slot) => values[slot]?.push(value));
  }
  const chunk: z.infer<typeof chunkSchema> = {
    v: VERSION,
    first,
    u: userIds,
    p: recipients.map((recipient) => recipient.phone),
    c: dictionary(recipients.map((recipient) => recipient.country ?? null)),
    l: dictionary(recipients.map((recipient) => recipient.locale)),
    t: dictionary(recipients.map((recipient) => recipient.timeZone)),
    x: values,
  };
  return packBytes(new TextEncoder().encode(JSON.stringify(chunk)));
}

export function decodeAudienceChunk(text: string): AudienceChunk {
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder().decode(unpackBytes(text)));
  } catch {
    throw new CorruptChunkError('An audience chunk does not read');
  }
  const parsed = chunkSchema.safeParse(raw);
  if (!parsed.success) throw new CorruptChunkError('An audience chunk does not have the expected shape');
  const chunk = parsed.data;
  const size = chunk.u.length;
  const columns = [chunk.p, chunk.c.i, chunk.l.i, chunk.t.i, ...chunk.x];
  if (columns.some((column) => column.length !== size)) throw new CorruptChunkError('The columns of an audience chunk differ in length');
  const recipients: Recipient[] = [];
  let userId = 0;
  for (let row = 0; row < size; row++) {
    userId += chunk.u[row] as number;
    recipients.push({
      userId,
      phone: chunk.p[row] as string,
      country: entry(chunk.c, row) ?? undefined,
      locale: entry(chunk.l, row),
      timeZone: entry(chunk.t, row),
      values: chunk.x.map((column) => column[row] as string),
    });
  }
  return { first: chunk.first, recipients };
}

function dictionary(column: readonly (string | null)[]): Dictionary {
  const d: (string | null)[] = [];
  const positions = new Map<string | null, number>();
  const i = column.map((value) => {
    let position = positions.get(value);
    if (position === undefined) {
      position = d.length;
      d.push(value);
      positions.set(value, position);
    }
    return position;
  });
  return { d, i };
}

function entry(column: Dictionary, row: number): string | null {
  const value = column.d[column.i[row] as number];
  if (value === undefined) throw new CorruptChunkError('An audience chunk points outside its dictionary');
  return value;
}
