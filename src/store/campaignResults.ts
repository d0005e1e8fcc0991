import { resultRows, type ResultRow } from '../core/campaign/results';
import type { RunPersistence } from '../core/sending/ports';

/**
 * A campaign's per-recipient results, as stored: the frozen audience and the ledger read back
 * together (the persistence checks that they agree). Recipients a runner reserved but whose result
 * is not stored yet read as pending; a resume, not this view, decides whether they are unverified.
 */
export async function loadCampaignResults(persistence: Pick<RunPersistence, 'load'>): Promise<ResultRow[]> {
  const run = await persistence.load();
  return resultRows(run.recipients, run.ledger);
}
