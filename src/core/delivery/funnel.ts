import { laterFailureMeaning, type LaterFailureKind } from './laterFailures';
import type { DeliveryTotals } from './deliveryState';

/**
 * A campaign's funnel as its page shows it: of the messages Sunshine accepted (the ledger's `sent`),
 * how many the Herald service heard were delivered, read and answered, each with its share of the
 * accepted; and the failures WhatsApp reported after accepting them, by code.
 */
export const FUNNEL_STEPS = ['accepted', 'delivered', 'read', 'replied'] as const;
export type FunnelStep = (typeof FUNNEL_STEPS)[number];

export interface FunnelFigure {
  step: FunnelStep;
  count: number;
  /** Share of the accepted messages, 0 to 1; undefined when none was accepted. */
  rate: number | undefined;
}

export function deliveryFunnel(accepted: number, totals: Pick<DeliveryTotals, 'delivered' | 'read' | 'replied'>): FunnelFigure[] {
  const counts: Record<FunnelStep, number> = { accepted, delivered: totals.delivered, read: totals.read, replied: totals.replied };
  // The totals may be written before the ledger's count of the same messages reaches the campaign
  // record (both lag a few seconds): a share never reads over 100 %.
  return FUNNEL_STEPS.map((step) => ({ step, count: counts[step], rate: accepted > 0 ? Math.min(1, counts[step] / accepted) : undefined }));
}

export interface LaterFailureFigure {
  code: string;
  kind: LaterFailureKind;
  count: number;
}

/** The later failures by code, the most frequent first (then by code, so that the order is stable). */
export function laterFailuresByCode(totals: Pick<DeliveryTotals, 'failed'>): LaterFailureFigure[] {
  return Object.entries(totals.failed)
    .filter(([, count]) => count > 0)
    .map(([code, count]) => ({ code, count, kind: laterFailureMeaning(code).meaning }))
    .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
}
