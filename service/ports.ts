import type { DeliveryTotals, RecipientDelivery } from '../src/core/delivery/deliveryState';
import type { KeywordLists } from '../src/core/delivery/optOutKeywords';

/**
 * What the service needs from Zendesk, as interfaces: the real ones are Herald's stores
 * (service/zendeskPorts.ts), tests and benches use the in-memory ones (service/memoryPorts.ts).
 */

/** Writes a campaign's delivery outcomes back to Zendesk: the changed chunks and the totals, in one bulk job. */
export interface OutcomeWriter {
  write(campaignId: string, chunks: ReadonlyMap<number, ReadonlyMap<number, RecipientDelivery>>, totals: DeliveryTotals): Promise<void>;
}

/** Herald's opt-out tag on a Zendesk user: added on STOP or 131050, removed on START. */
export interface OptOuts {
  optOut(userId: number): Promise<void>;
  optIn(userId: number): Promise<void>;
}

/** A number WhatsApp reported as not on WhatsApp (131026) or capped (131049). */
export interface HeardNumber {
  /** E.164. */
  phone: string;
  code: string;
  at: number;
}

export interface HeardNumbers {
  record(entries: readonly HeardNumber[]): Promise<void>;
}

/** The service's heartbeat, which Herald's Settings page shows. */
export interface ServiceBeat {
  version: string;
  startedAt: number;
  beatAt: number;
  lastEventAt?: number;
  webhook: 'registered' | 'not-registered' | 'failed';
}

export interface Heartbeat {
  write(beat: ServiceBeat): Promise<void>;
}

/** Who a campaign's recipient is, from its frozen audience. */
export interface AudienceLookup {
  recipient(campaignId: string, index: number): Promise<{ userId: number; phone: string } | undefined>;
}

/** What the service reads of the installation's settings. */
export interface ServiceSettings {
  keywords: KeywordLists;
  /** Without an opt-out tag, STOP and START are heard and counted but written on nobody. */
  optOutTag: string | undefined;
}

/** Pauses a running campaign with the reason people read; false when it was not running. */
export interface CampaignPauser {
  pause(campaignId: string, reason: PauseReason): Promise<boolean>;
}

/** The stop reasons of core/sending/errorPolicy.ts a burst of later failures maps to. */
export type PauseReason = 'template-paused' | 'template-disabled' | 'template-missing' | 'template-mismatch' | 'error-burst';

export interface ServicePorts {
  outcomes: OutcomeWriter;
  optOuts: OptOuts | undefined;
  heard: HeardNumbers;
  heartbeat: Heartbeat;
  audience: AudienceLookup;
  pauser: CampaignPauser;
}
