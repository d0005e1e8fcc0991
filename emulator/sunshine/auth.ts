import type { EmulatorConfig } from '../config';

/**
 * Basic authentication with the app's API key: `Authorization: Basic base64(keyId:secret)`, which the
 * Zendesk proxy substitutes on the app's `secure: true` requests. JWTs are not emulated.
 */
export function hasValidCredentials(request: Request, config: EmulatorConfig): boolean {
  const match = /^Basic\s+([A-Za-z0-9+/=_-]+)\s*$/i.exec(request.headers.get('authorization') ?? '');
  if (!match?.[1]) return false;
  const decoded = decodeBase64(match[1]);
  return decoded !== undefined && decoded === `${config.sunshine.keyId}:${config.sunshine.keySecret}`;
}

function decodeBase64(encoded: string): string | undefined {
  try {
    const binary = atob(encoded);
    return new TextDecoder().decode(Uint8Array.from(binary, (character) => character.charCodeAt(0)));
  } catch {
    return undefined;
  }
}
