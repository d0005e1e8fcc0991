/**
 * `Retry-After` (RFC 9110 §10.2.3) as milliseconds: delta-seconds or an HTTP date; undefined when
 * absent or unreadable. The one reading of the header: the transport attaches its result to every
 * HTTP error, and the failure reader falls back on it for errors that carry only their headers.
 */
export function parseRetryAfter(value: string | undefined, now: number = Date.now()): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
