import { describe, expect, it } from 'vitest';
import { userCampaignHistory } from '../../src/app/people/campaignHistory';
import { totalsOf, type RecipientDelivery } from '../../src/core/delivery/deliveryState';
import { DeliveryOutcomes } from '../../src/store/deliveryOutcomes';
import type { Recipient } from '../../src/core/campaign/plan';
import { stateCode, type LedgerSnapshot, type RecipientDetail, type RecipientState } from '../../src/core/sending/states';
import { CAMPAIGN_CHUNK_OBJECT } from '../../src/store/heraldObjects';
import { CampaignRunPersistence } from '../../src/store/campaignRun';
import { CampaignStore, type CampaignDraft } from '../../src/store/campaigns';
import { HeraldObjectsMissingError } from '../../src/store/objectGuard';
import { UserCampaignHistoryReader } from '../../src/store/userCampaignHistory';
import { WriteCountingTransport } from '../../src/store/writeCounter';
import { campaignDraft, campaignHarness, type CampaignHarness, frozenSend } from '../support/campaignHarness';
import { generateRecipients } from '../support/recipients';

/** One user's campaigns read back from the campaigns' chunk records in the emulator. */

const AT = Date.UTC(2026, 10, 21, 9, 0, 0);
/** The user whose history is read: below every generated user id (those start above 1000). */
const USER = 7;

/** The audience with USER at these positions. */
function audienceWith(count: number, seed: number, positions: readonly number[]): Recipient[] {
  const recipients = generateRecipients(count, { seed });
  for (const position of positions) recipients[position] = { ...(recipients[position] as Recipient), userId: USER };
  return recipients;
}

/** A campaign frozen with this audience, and these results stored in its ledger. */
async function sentCampaign(
  h: CampaignHarness,
  draft: Partial<CampaignDraft>,
  recipients: readonly Recipient[],
  results: ReadonlyArray<[number, RecipientState, RecipientDetail]> = [],
): Promise<string> {
  const store = new CampaignStore(h.transport);
  const campaignId = await store.create(campaignDraft(draft));
  const persistence = new CampaignRunPersistence(h.transport, campaignId, { clock: h.waits });
  await persistence.freeze(recipients, frozenSend());
  await store.transition(campaignId, 'launch', { startedAt: AT - 60_000 });
  if (results.length > 0) {
    const states = new Uint8Array(recipients.length).fill(stateCode('pending'));
    for (const [index, state] of results) states[index] = stateCode(state);
    const ledger: LedgerSnapshot = { size: recipients.length, states, details: new Map(results.map(([index, , detail]) => [index, detail])) };
    await persistence.saveResults(ledger, results.map(([index]) => index));
  }
  return campaignId;
}

describe('UserCampaignHistoryReader', () => {
  it("finds the user in each campaign's audience, large or small, with the result its ledger holds, newest campaign first", async () => {
    const h = await campaignHarness();
    // 20,000 recipients take several audience chunks and ten ledger chunks; the user is near the end.
    const large = await sentCampaign(h, { name: 'Soldes', templateName: 'spring_sale' }, audienceWith(20_000, 1, [19_500]), [
      [19_500, 'failed', { code: 'whatsapp-131026', at: AT + 5 }],
      [19_501, 'sent', { at: AT + 6 }],
    ]);
    await new CampaignStore(h.transport).create(campaignDraft({ name: 'Brouillon' }));
    await sentCampaign(h, { name: 'Sans lui' }, generateRecipients(30, { seed: 2 }), [[0, 'sent', { at: AT }]]);
    const small = await sentCampaign(h, { name: 'Relance', templateName: 'order_update', templateLanguage: 'en' }, audienceWith(40, 3, [12]), [[12, 'sent', { at: AT + 9 }]]);
    const pending = await sentCampaign(h, { name: 'En cours', channel: 'sms' }, audienceWith(10, 4, [0]));
    const audienceChunks = h.emulator.zendesk.customObjects.records(CAMPAIGN_CHUNK_OBJECT.key).filter((record) => record.externalId?.startsWith(`${large}:audience:`));
    expect(audienceChunks.length).toBeGreaterThan(2);

    const history = await new UserCampaignHistoryReader(h.transport).forUser(USER);
    expect(history).toEqual({
      entries: [
        { campaignId: pending, index: 0, campaignName: 'En cours', channel: 'sms', templateName: 'order_update', templateLanguage: 'fr', state: 'pending', at: AT - 60_000 },
        { campaignId: small, index: 12, campaignName: 'Relance', channel: 'whatsapp', templateName: 'order_update', templateLanguage: 'en', state: 'sent', at: AT + 9 },
        {
          campaignId: large,
          index: 19_500,
          campaignName: 'Soldes',
          channel: 'whatsapp',
          templateName: 'spring_sale',
          templateLanguage: 'fr',
          state: 'failed',
          code: 'whatsapp-131026',
          at: AT + 5,
        },
      ],
      campaignsRead: 5,
      more: false,
      unreadable: [],
    });
  });

  it('reads only the most recent campaigns, and of small ones the first audience chunk and one ledger chunk, all campaigns together', async () => {
    const h = await campaignHarness();
    for (let campaign = 0; campaign < 6; campaign++) {
      await sentCampaign(h, { name: `Campagne ${campaign}` }, audienceWith(50, 10 + campaign, [campaign]), [[campaign, 'sent', { at: AT + campaign }]]);
    }
    const counted = new WriteCountingTransport(h.transport);
    const history = await new UserCampaignHistoryReader(counted).forUser(USER, { limit: 4 });
    expect(history.entries.map((entry) => entry.campaignName)).toEqual(['Campagne 5', 'Campagne 4', 'Campagne 3', 'Campagne 2']);
    expect(history).toMatchObject({ campaignsRead: 4, more: true, unreadable: [] });
    // The campaign list, the audiences, the ledgers.
    expect(counted.reads).toBe(3);
    expect(counted.writes.requests).toBe(0);
  });

  it('gives, for each message Sunshine accepted, what the Herald service heard: delivered, read', async () => {
    const h = await campaignHarness();
    const read = await sentCampaign(h, { name: 'Lue' }, audienceWith(30, 7, [4, 9]), [
      [4, 'sent', { at: AT }],
      [9, 'failed', { code: 'whatsapp-131026', at: AT }],
    ]);
    const unheard = await sentCampaign(h, { name: 'Sans nouvelles' }, audienceWith(10, 8, [2]), [[2, 'sent', { at: AT }]]);
    const outcomes = new DeliveryOutcomes(h.transport, { clock: h.waits });
    const heard = { deliveredAt: AT + 1_000, readAt: AT + 2_000 };
    // What was heard about recipient 9 (whose send failed) is no delivery of theirs.
    await outcomes.write(read, new Map([[0, new Map<number, RecipientDelivery>([[4, heard], [9, { deliveredAt: AT }]])]]), totalsOf([heard], AT));
    await outcomes.write(unheard, new Map([[0, new Map([[3, heard]])]]), totalsOf([heard], AT));

    const history = await userCampaignHistory({ transport: h.transport }, USER);
    expect(history.entries.map((entry) => [entry.campaignName, entry.state, entry.delivery])).toEqual([
      ['Sans nouvelles', 'sent', undefined],
      ['Lue', 'sent', heard],
      ['Lue', 'failed', undefined],
    ]);
  });

  it('says which campaigns could not be read, and still gives the others', async () => {
    const h = await campaignHarness();
    const broken = await sentCampaign(h, { name: 'Abîmée' }, audienceWith(20, 5, [3]), [[3, 'sent', { at: AT }]]);
    await sentCampaign(h, { name: 'Intacte' }, audienceWith(20, 6, [4]), [[4, 'skipped', { code: 'opted-out', at: AT + 1 }]]);
    h.emulator.zendesk.customObjects.deleteByExternalId(CAMPAIGN_CHUNK_OBJECT.key, `${broken}:ledger:0`);

    const history = await new UserCampaignHistoryReader(h.transport).forUser(USER);
    expect(history.entries).toEqual([expect.objectContaining({ campaignName: 'Intacte', state: 'skipped', code: 'opted-out' })]);
    expect(history.unreadable).toEqual([{ id: broken, name: 'Abîmée' }]);
  });

  it('gives an empty history when there are no campaigns, and asks for the setup when the objects are missing', async () => {
    const h = await campaignHarness();
    await expect(new UserCampaignHistoryReader(h.transport).forUser(USER)).resolves.toEqual({ entries: [], campaignsRead: 0, more: false, unreadable: [] });
    const bare = await campaignHarness({ setUp: false });
    await expect(new UserCampaignHistoryReader(bare.transport).forUser(USER)).rejects.toBeInstanceOf(HeraldObjectsMissingError);
  });
});
