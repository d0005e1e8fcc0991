import type { DeliveryTotals, RecipientDelivery } from '../src/core/delivery/deliveryState';
import { DEFAULT_KEYWORDS } from '../src/core/delivery/optOutKeywords';
import type { AudienceLookup, CampaignPauser, HeardNumber, ServiceBeat, ServicePorts, ServiceSettings, PauseReason } from './ports';

/**
 * In-memory ports: what the service would write to Zendesk, kept in plain maps. For the service's
 * tests and the bench.
 */
export class MemoryPorts implements ServicePorts {
  /** Every write, in order: campaign, the chunk numbers written, the totals. */
  readonly writes: Array<{ campaignId: string; chunks: number[]; totals: DeliveryTotals }> = [];
  /** What Zendesk would hold: each campaign's recipients as last written. */
  readonly outcomesByCampaign = new Map<string, Map<number, RecipientDelivery>>();
  readonly optedOut = new Set<number>();
  readonly optOutCalls: Array<{ userId: number; change: 'out' | 'in' }> = [];
  readonly heardNumbers: HeardNumber[] = [];
  readonly beats: ServiceBeat[] = [];
  readonly pauses: Array<{ campaignId: string; reason: PauseReason }> = [];
  /** Campaigns the pauser finds running (all of them unless set). */
  running: Set<string> | undefined;

  constructor(private readonly recipients: (campaignId: string, index: number) => { userId: number; phone: string } | undefined = (_, index) => ({ userId: 1000 + index, phone: `+3360000${String(index).padStart(4, '0')}` })) {}

  outcomes = {
    write: async (campaignId: string, chunks: ReadonlyMap<number, ReadonlyMap<number, RecipientDelivery>>, totals: DeliveryTotals) => {
      this.writes.push({ campaignId, chunks: [...chunks.keys()].sort((a, b) => a - b), totals });
      const stored = this.outcomesByCampaign.get(campaignId) ?? new Map<number, RecipientDelivery>();
      for (const chunk of chunks.values()) for (const [index, delivery] of chunk) stored.set(index, delivery);
      this.outcomesByCampaign.set(campaignId, stored);
    },
  };

  optOuts = {
    optOut: async (userId: number) => {
      this.optOutCalls.push({ userId, change: 'out' });
      this.optedOut.add(userId);
    },
    optIn: async (userId: number) => {
      this.optOutCalls.push({ userId, change: 'in' });
      this.optedOut.delete(userId);
    },
  };

  heard = {
    record: async (entries: readonly HeardNumber[]) => {
      this.heardNumbers.push(...entries);
    },
  };

  heartbeat = {
    write: async (beat: ServiceBeat) => {
      this.beats.push(beat);
    },
  };

  audience: AudienceLookup = {
    recipient: async (campaignId, index) => this.recipients(campaignId, index),
  };

  pauser: CampaignPauser = {
    pause: async (campaignId, reason) => {
      if (this.running && !this.running.has(campaignId)) return false;
      this.pauses.push({ campaignId, reason });
      return true;
    },
  };
}

export function staticSettings(settings: Partial<ServiceSettings> = {}): { current(): ServiceSettings } {
  const value: ServiceSettings = { keywords: DEFAULT_KEYWORDS, optOutTag: 'herald_opted_out', ...settings };
  return { current: () => value };
}
