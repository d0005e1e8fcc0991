/**
 * "Exactly the same message" for blackout days (product brief, rule 5): the same phone, template,
 * language and values. The fingerprint is what the ledger keeps of a sent message, so that a
 * later send can tell, for each of a million recipients, whether it would repeat one.
 *
 * Requirements, and why: synchronous and fast (it runs once per audience user, and WebCrypto's
 * digest is asynchronous); at least 100 bits, so that among the billions of pairs of a year's
 * sends none collide by chance; stable across runs, browsers and Node (integer arithmetic only);
 * and the phone never stored in clear in the ledger. It is not a cryptographic hash: it hides the
 * number from a casual reader of the records, not from someone who tries every phone number.
 *
 * Four 32-bit lanes read the same input, each with its own seed and multiplier, then mix into
 * each other: 128 bits, written as 32 hexadecimal digits.
 */

export interface MessageFingerprintInput {
  /** E.164. */
  phone: string;
  templateName: string;
  language: string;
  values: readonly string[];
}

// Seeds: the first hexadecimal digits of π; multipliers: odd constants with well-spread bits.
const SEED_A = 0x243f6a88;
const SEED_B = 0x85a308d3;
const SEED_C = 0x13198a2e;
const SEED_D = 0x03707344;
const MULTIPLIER_A = 0x9e3779b1;
const MULTIPLIER_B = 0x85ebca77;
const MULTIPLIER_C = 0xc2b2ae3d;
const MULTIPLIER_D = 0x27d4eb2f;

export function messageFingerprint(input: MessageFingerprintInput): string {
  const lanes: Lanes = [SEED_A, SEED_B, SEED_C, SEED_D];
  // Each part is preceded by its length, so no two different inputs read as the same sequence
  // (`ab` + `c` and `a` + `bc`, or a value that contains a separator).
  feedText(lanes, input.phone);
  feedText(lanes, input.templateName);
  feedText(lanes, input.language);
  feedUnit(lanes, input.values.length);
  for (const value of input.values) feedText(lanes, value);
  return finish(lanes);
}

type Lanes = [number, number, number, number];

function feedText(lanes: Lanes, text: string): void {
  let [a, b, c, d] = lanes;
  for (let index = -1; index < text.length; index += 1) {
    const unit = index < 0 ? text.length : text.charCodeAt(index);
    a = Math.imul(a ^ unit, MULTIPLIER_A);
    b = Math.imul(b ^ unit, MULTIPLIER_B);
    c = Math.imul(c ^ unit, MULTIPLIER_C);
    d = Math.imul(d ^ unit, MULTIPLIER_D);
    // A rotation per lane spreads each unit's low bits upwards before the next multiplication.
    a = (a << 13) | (a >>> 19);
    b = (b << 17) | (b >>> 15);
    c = (c << 11) | (c >>> 21);
    d = (d << 19) | (d >>> 13);
  }
  lanes[0] = a;
  lanes[1] = b;
  lanes[2] = c;
  lanes[3] = d;
}

function feedUnit(lanes: Lanes, unit: number): void {
  lanes[0] = Math.imul(lanes[0] ^ unit, MULTIPLIER_A);
  lanes[1] = Math.imul(lanes[1] ^ unit, MULTIPLIER_B);
  lanes[2] = Math.imul(lanes[2] ^ unit, MULTIPLIER_C);
  lanes[3] = Math.imul(lanes[3] ^ unit, MULTIPLIER_D);
}

function finish([a, b, c, d]: Lanes): string {
  // Every output word depends on every lane, then each goes through an avalanche step.
  a = avalanche(a + b + c + d);
  b = avalanche(b ^ a);
  c = avalanche(c + b);
  d = avalanche(d ^ c);
  a = avalanche(a + d);
  return hex(a) + hex(b) + hex(c) + hex(d);
}

/** Every input bit flips about half the output bits. */
function avalanche(value: number): number {
  let h = value | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h;
}

/** Two hexadecimal digits per byte: Number#toString(16) would take most of the fingerprint's time. */
const BYTE_HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

function hex(word: number): string {
  return (BYTE_HEX[word >>> 24] ?? '') + (BYTE_HEX[(word >>> 16) & 0xff] ?? '') + (BYTE_HEX[(word >>> 8) & 0xff] ?? '') + (BYTE_HEX[word & 0xff] ?? '');
}
