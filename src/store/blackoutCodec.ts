/**
 * How the blackout log writes fingerprints into its records' `fingerprints` text, compactly: the
 * 32-hex-digit fingerprints Herald makes are written in base64url (22 characters instead of 32),
 * anything else as it is; tokens are separated by one space. The text starts with its format:
 * `x:` (every token base64url of lowercase hex) or `t:` (tokens as given).
 *
 * The index never decodes: it keeps each fingerprint's *key* (the base64url form for hex, the text
 * after a space otherwise; base64url has no space, so the two cannot meet) and looks fingerprints
 * up by key, which also keeps a third less in memory.
 */

const HEX = /^(?:[0-9a-f]{2})+$/;
const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

export type FingerprintFormat = 'x' | 't';

/** A fingerprint cannot be stored: empty, or with white space (the separator). */
export function checkFingerprint(fingerprint: string): void {
  if (!/^\S+$/.test(fingerprint)) throw new RangeError(`A fingerprint must be non-empty text without spaces: ${JSON.stringify(fingerprint)}`);
}

export function formatFor(fingerprints: readonly string[]): FingerprintFormat {
  return fingerprints.every((fingerprint) => HEX.test(fingerprint)) ? 'x' : 't';
}

/** The token written for a fingerprint in a record of `format`. */
export function tokenOf(fingerprint: string, format: FingerprintFormat): string {
  return format === 'x' ? hexToBase64url(fingerprint) : fingerprint;
}

/** The field text of one record. */
export function fieldText(format: FingerprintFormat, tokens: readonly string[]): string {
  return `${format}:${tokens.join(' ')}`;
}

/** The characters the field text takes beyond its tokens and their separators. */
export const FORMAT_PREFIX_LENGTH = 2;

/** What the index keeps for a fingerprint. */
export function fingerprintKey(fingerprint: string): string {
  return HEX.test(fingerprint) ? hexToBase64url(fingerprint) : ` ${fingerprint}`;
}

/** The keys of every fingerprint in a record's field text; unknown formats are skipped. */
export function keysOfField(text: string, add: (key: string) => void): void {
  const format = text.slice(0, FORMAT_PREFIX_LENGTH);
  if (format !== 'x:' && format !== 't:') return;
  for (const token of text.slice(FORMAT_PREFIX_LENGTH).split(' ')) {
    if (token === '') continue;
    add(format === 'x:' ? token : fingerprintKey(token));
  }
}

const encoder = new TextEncoder();

/** The bytes of a value as JSON: what a record's size is counted in. */
export function jsonBytes(value: unknown): number {
  return encoder.encode(JSON.stringify(value)).length;
}

/** What a token adds to a record's text: its size inside a JSON string, and its separator. */
export function tokenBytes(token: string, format: FingerprintFormat, first: boolean): number {
  // base64url needs no escape; text tokens may.
  const size = format === 'x' ? token.length : jsonBytes(token) - 2;
  return size + (first ? 0 : 1);
}

function hexToBase64url(hex: string): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (let index = 0; index < hex.length; index += 2) {
    value = (value << 8) | parseInt(hex.slice(index, index + 2), 16);
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      out += BASE64URL[(value >> bits) & 63];
    }
    value &= (1 << bits) - 1;
  }
  if (bits > 0) out += BASE64URL[(value << (6 - bits)) & 63];
  return out;
}
