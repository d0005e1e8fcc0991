import type { ResultRow } from '../../core/campaign/results';
import { loadCampaignResults as readResults } from '../../store/campaignResults';
import { CampaignRunPersistence } from '../../store/campaignRun';
import type { AppContext } from '../context';

/** Every recipient's outcome, from the campaign's frozen audience and ledger. */
export function loadCampaignResults(context: Pick<AppContext, 'transport'>, campaignId: string): Promise<ResultRow[]> {
  return readResults(new CampaignRunPersistence(context.transport, campaignId));
}
