import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Whether the `X-API-Key` header is the webhook's secret. Both are hashed first, so the comparison
 * takes the same time whatever the header's length and content (timingSafeEqual needs equal lengths).
 */
export function apiKeyMatches(header: string | string[] | undefined, secret: string | undefined): boolean {
  if (secret === undefined || secret === '' || typeof header !== 'string') return false;
  return timingSafeEqual(sha256(header), sha256(secret));
}

function sha256(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}
