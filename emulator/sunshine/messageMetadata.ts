import { isPlainObject } from '../json';

/**
 * A message's `metadata`: "Flat JSON object containing any custom properties associated with the
 * message" (v1 `MessagePost`); v2's `metadata` says what flat means: "Strings, numbers and booleans
 * are the only supported format", "limited to 4KB in size". Sunshine echoes it on the v2 message.
 */
const METADATA_MAX_BYTES = 4096;

/** What is wrong with `message.metadata`, or undefined when it is absent or fine. */
export function metadataProblem(metadata: unknown): string | undefined {
  if (metadata === undefined) return undefined;
  if (!isPlainObject(metadata)) return 'message.metadata must be a flat object';
  for (const [key, value] of Object.entries(metadata)) {
    if (typeof value !== 'string' && typeof value !== 'boolean' && !(typeof value === 'number' && Number.isFinite(value))) {
      return `message.metadata.${key} must be a string, a number or a boolean: metadata is a flat object`;
    }
  }
  if (new TextEncoder().encode(JSON.stringify(metadata)).length > METADATA_MAX_BYTES) return `message.metadata is limited to ${METADATA_MAX_BYTES} bytes`;
  return undefined;
}
