import type { Emulator } from '../../../emulator/index';
import { totalsOf, type RecipientDelivery } from '../../../src/core/delivery/deliveryState';
import { DELIVERY_CHUNK_SIZE, deliveryOutcomeRecords } from '../../../src/store/deliveryOutcomes';
import { CAMPAIGN_CHUNK_OBJECT, CAMPAIGN_OBJECT } from '../../../src/store/heraldObjects';

/**
 * What the Herald service would have written after hearing Sunshine's webhooks: a campaign's
 * delivery chunks and totals, encoded by the store's own codec and put straight into the emulator's
 * custom objects (as the service's bulk job would), for the screens to read.
 */
export function seedHeardBack(emulator: Emulator, campaignId: string, deliveries: ReadonlyMap<number, RecipientDelivery>, heardAt = Date.now()): void {
  const chunks = new Map<number, Map<number, RecipientDelivery>>();
  for (const [index, delivery] of deliveries) {
    const chunk = Math.floor(index / DELIVERY_CHUNK_SIZE);
    chunks.set(chunk, (chunks.get(chunk) ?? new Map()).set(index, delivery));
  }
  for (const record of deliveryOutcomeRecords(campaignId, chunks, totalsOf(deliveries.values(), heardAt))) {
    emulator.zendesk.customObjects.upsertByExternalId(CAMPAIGN_CHUNK_OBJECT.key, record.external_id, { name: record.name, fields: record.custom_object_fields }, 1, Date.now());
  }
}

/** The id of the campaign record with this name. */
export function campaignIdNamed(emulator: Emulator, name: string): string {
  const record = emulator.zendesk.customObjects.records(CAMPAIGN_OBJECT.key).find((candidate) => candidate.name === name);
  if (!record) throw new Error(`No campaign named ${name}`);
  return record.id;
}
