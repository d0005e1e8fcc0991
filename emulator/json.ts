/**
 * A parsed JSON value that is an object (not null, not an array), before its fields are checked:
 * both services' stores, rules and routes read request bodies with it. It sits at the bottom of
 * emulator/, apart from the route tables, so that the stores below them can use it too.
 */
export type JsonObject = Record<string, unknown>;

export function isPlainObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
