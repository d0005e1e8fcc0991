/**
 * Opaque cursors: base64 of a small JSON document, like Zendesk's own (whose export cursor decodes
 * to `{"field":"created_at","desc":true,…}`). UTF-8 safe, and usable in the browser (no Buffer).
 */

export function encodeCursor(payload: unknown): string {
  const bytes = new TextEncoder().encode(JSON.stringify(payload));
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** The decoded payload, or undefined when the text is not one of our cursors. */
export function decodeCursor(cursor: string): unknown {
  try {
    const binary = atob(cursor);
    const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes)) as unknown;
  } catch {
    return undefined;
  }
}

/** FNV-1a: ties a cursor to the query it was issued for. */
export function hashText(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}
