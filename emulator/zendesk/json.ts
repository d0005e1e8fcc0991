/**
 * A parsed JSON value that is an object. It lives apart from the routes (`route.ts`) because the
 * stores and rules below them check request bodies too. (The Sunshine emulator has its own
 * `sunshine/json.ts`: the two services' emulators do not import each other.)
 */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
