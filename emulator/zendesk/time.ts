/** Time helpers shared by the seed and the handlers: every time is a millisecond epoch on the emulator clock. */

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** Zendesk timestamps: ISO 8601, UTC, whole seconds (`2026-11-21T12:00:00Z`). */
export function isoSeconds(time: number): string {
  return new Date(Math.floor(time / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}
