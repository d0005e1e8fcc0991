import { describe, expect, it } from 'vitest';
import { stateCode, type LedgerSnapshot } from '../../src/core/sending/states';
import { loadCampaignResults } from '../../src/store/campaignResults';
import { CampaignNotFrozenError, CampaignRunPersistence } from '../../src/store/campaignRun';
import { CampaignStore } from '../../src/store/campaigns';
import { campaignDraft, campaignHarness, frozenSend } from '../support/campaignHarness';
import { generateRecipients } from '../support/recipients';

/** A campaign's results read back from its chunk records in the emulator. */

const AT = Date.UTC(2026, 10, 21, 9, 0, 0);

describe('loadCampaignResults', () => {
  it('gives every recipient of the frozen audience with its stored state, code and time', async () => {
    const h = await campaignHarness();
    const campaignId = await new CampaignStore(h.transport).create(campaignDraft());
    const recipients = generateRecipients(5_000, { seed: 5 });
    const persistence = new CampaignRunPersistence(h.transport, campaignId, { clock: h.waits });
    await persistence.freeze(recipients, frozenSend());
    const states = new Uint8Array(5_000).fill(stateCode('pending'));
    states[0] = stateCode('sent');
    states[2_500] = stateCode('failed');
    states[4_999] = stateCode('skipped');
    const ledger: LedgerSnapshot = {
      size: 5_000,
      states,
      details: new Map([
        [0, { at: AT }],
        [2_500, { code: 'whatsapp-131026', at: AT + 1 }],
        [4_999, { code: 'marketing-cap', at: AT + 2 }],
      ]),
    };
    await persistence.saveResults(ledger, [0, 2_500, 4_999]);

    const rows = await loadCampaignResults(new CampaignRunPersistence(h.transport, campaignId));
    expect(rows).toHaveLength(5_000);
    expect(rows[0]).toEqual({ index: 0, userId: recipients[0]?.userId, phone: recipients[0]?.phone, state: 'sent', at: AT });
    expect(rows[2_500]).toMatchObject({ userId: recipients[2_500]?.userId, state: 'failed', code: 'whatsapp-131026', at: AT + 1 });
    expect(rows[4_999]).toMatchObject({ state: 'skipped', code: 'marketing-cap' });
    expect(rows.filter((row) => row.state === 'pending')).toHaveLength(4_997);
  });

  it('refuses a campaign whose audience was never frozen', async () => {
    const h = await campaignHarness();
    const campaignId = await new CampaignStore(h.transport).create(campaignDraft());
    await expect(loadCampaignResults(new CampaignRunPersistence(h.transport, campaignId))).rejects.toBeInstanceOf(CampaignNotFrozenError);
  });
});
