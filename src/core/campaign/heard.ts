/**
 * What WhatsApp reported about numbers after earlier sends (heard by the Herald service), as the
 * plan reads it: a number reported not on WhatsApp (131026) in the last 30 days is left out (it
 * will fail again, and may be charged); one that reached Meta's per-user marketing limit (131049)
 * in the last 24 hours is held for marketing templates (Meta: retry no sooner than 24 hours).
 */

export const NOT_ON_WHATSAPP_WINDOW_MS = 30 * 24 * 3_600_000;
export const MARKETING_LIMIT_HOLD_MS = 24 * 3_600_000;

/** One report, as the Herald service stores it. */
export interface HeardReport {
  /** E.164. */
  phone: string;
  code: string;
  at: number;
}

export interface HeardIndex {
  /** When WhatsApp last said the number is not on WhatsApp, within the window. */
  notOnWhatsAppSince(e164: string): number | undefined;
  /** When WhatsApp last said the number reached its marketing limit, within the hold. */
  marketingLimitAt(e164: string): number | undefined;
}

export const NOTHING_HEARD: HeardIndex = { notOnWhatsAppSince: () => undefined, marketingLimitAt: () => undefined };

export function heardIndex(reports: Iterable<HeardReport>, now: number): HeardIndex {
  const notOnWhatsApp = new Map<string, number>();
  const capped = new Map<string, number>();
  for (const report of reports) {
    if (report.at > now) continue;
    const [map, window] = report.code === '131026' ? [notOnWhatsApp, NOT_ON_WHATSAPP_WINDOW_MS] : report.code === '131049' ? [capped, MARKETING_LIMIT_HOLD_MS] : [];
    if (!map || window === undefined || now - report.at >= window) continue;
    map.set(report.phone, Math.max(map.get(report.phone) ?? 0, report.at));
  }
  return { notOnWhatsAppSince: (e164) => notOnWhatsApp.get(e164), marketingLimitAt: (e164) => capped.get(e164) };
}
