import { withDeliveries, type ResultRow } from '../../core/campaign/results';
import { loadCampaignResults as readResults } from '../../store/campaignResults';
import { CampaignRunPersistence } from '../../store/campaignRun';
import { DeliveryOutcomes } from '../../store/deliveryOutcomes';
import type { AppContext } from '../context';

/**
 * Every recipient's outcome, from the campaign's frozen audience and ledger, with what the Herald
 * service heard about each message Sunshine accepted (delivered, read, replied, failed later).
 */
export async function loadCampaignResults(context: Pick<AppContext, 'transport'>, campaignId: string): Promise<ResultRow[]> {
  const rows = await readResults(new CampaignRunPersistence(context.transport, campaignId));
  return withDeliveries(rows, await new DeliveryOutcomes(context.transport).readAll(campaignId, rows.length));
}
