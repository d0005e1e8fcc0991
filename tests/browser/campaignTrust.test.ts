import { describe, expect, it } from 'vitest';
import { pauseCampaignRun, type CampaignRunDeps } from '../../src/app/campaigns/campaignRuns';
import { launchCampaign } from '../../src/app/campaigns/launch';
import { RunRegistry } from '../../src/app/campaigns/runRegistry';
import { CustomObjectsClient } from '../../src/api/zendesk/customObjects';
import { realClock } from '../../src/core/time/clock';
import { CampaignStore } from '../../src/store/campaigns';
import { CAMPAIGN_OBJECT } from '../../src/store/heraldObjects';
import { RecordAccess } from '../../src/store/recordAccess';
import { setUpHeraldObjects } from '../../src/store/setup';
import { createTranslator } from '../../src/ui/i18n/messages';
import { ALEX, contextOn, SAMIRA, transportOn } from '../support/appHarness';
import { plannedAudience, springSaleChoices } from '../support/springSale';
import { BUILT_APP_DIR } from './support/builtApp';
import { openCampaigns } from './support/campaignFlow';
import { sandboxBrowserPerFile } from './support/sandboxBrowser';

/**
 * On plans below Enterprise every agent may edit Herald's records in Zendesk. An agent without the
 * right to launch campaigns sets a paused campaign to "scheduled", due now; an admin then opens
 * Herald: nothing is sent, and Herald says who changed it.
 */

const harness = sandboxBrowserPerFile({ distDir: BUILT_APP_DIR });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Alex (admin) launches a campaign at 2 messages a second from Node and pauses it after `sentFirst` sends. */
async function launchedAndPaused(name: string, recipients: number, sentFirst: number) {
  const { emulator, installation } = harness().sandbox;
  const admin = contextOn(emulator, installation, ALEX, { settings: { send_rate: 2 } });
  await setUpHeraldObjects(new CustomObjectsClient(admin.transport));
  const deps: CampaignRunDeps = { runs: new RunRegistry(), ports: { clock: () => realClock, sessionId: 'node-admin' } };
  const choices = await springSaleChoices(admin, name);
  const id = await launchCampaign(admin, deps, choices, plannedAudience(recipients, choices.slots.length), { when: 'now' });
  while (emulator.sunshine.notifications().length < sentFirst) await sleep(100);
  pauseCampaignRun(admin, deps.runs, id);
  while (deps.runs.state(id)?.phase !== 'ended') await sleep(100);
  return { admin, id };
}

describe('a campaign changed by someone without the right to launch it', () => {
  it('is not started when an admin opens Herald: nothing is sent, and the notice names the agent', { timeout: 90_000 }, async () => {
    const t = createTranslator('en');
    const { emulator, installation } = harness().sandbox;
    const { admin, id } = await launchedAndPaused('Tampered sale', 40, 3);
    const paused = await new CampaignStore(admin.transport).load(id);
    expect(paused.status).toBe('paused');

    // Samira (agent) edits the record by hand, as any agent may: scheduled, due a minute ago.
    await new RecordAccess(transportOn(emulator, installation, SAMIRA), CAMPAIGN_OBJECT.key).update(id, {
      status: 'scheduled',
      scheduled_at: Date.now() - 60_000,
      template_name: 'black_friday',
      recipients: 3000,
    });
    const sentBefore = emulator.sunshine.notifications().length;

    // Alex opens Herald: the due campaign is not started, and the list says why, naming her.
    const frame = await openCampaigns(harness(), t);
    await frame.getByText(t('campaigns.list.notStarted', { name: 'Tampered sale' })).waitFor();
    await frame.getByText(t('errors.untrusted.campaign', { name: 'Samira Haddad' })).waitFor();
    await sleep(3_000);
    expect(emulator.sunshine.notifications().length).toBe(sentBefore);

    // Its page names her too, and offers to accept the change or to cancel, never to send.
    await frame.getByRole('button', { name: t('campaigns.list.openToDecide') }).click();
    const app = harness().appFrame('nav_bar');
    await app.getByText(t('campaigns.page.untrusted.title', { name: 'Samira Haddad' })).waitFor();
    await app.getByRole('button', { name: t('campaigns.page.untrusted.accept') }).waitFor();
    await app.getByRole('button', { name: t('campaigns.page.cancel') }).waitFor();
    expect(await app.getByRole('button', { name: t('campaigns.page.startNow') }).count()).toBe(0);
    expect(await app.getByRole('button', { name: t('campaigns.page.resume') }).count()).toBe(0);
    // It does not claim to be starting, and shows what was frozen at launch, not what the record now says.
    await app.getByText(t('campaigns.page.scheduled.held', { at: '\u0000' }).split('\u0000')[1]!, { exact: false }).waitFor();
    expect(await app.getByText(/starting…/).count()).toBe(0);
    await app.getByText(t('campaigns.page.untrusted.changed', { parts: 'template and number of recipients' })).waitFor();
    const details = app.getByRole('region', { name: t('campaigns.details.title') });
    await details.getByText(/spring_sale/).waitFor();
    expect(await details.getByText(/black_friday/).count()).toBe(0);
    // In words for people: the number's name, and each placeholder with its source and fallback.
    await details.getByText(`${t('campaigns.channel.whatsapp')} · Herald France`).waitFor();
    const firstPlaceholder = t('mapping.lineWithFallback', { slot: t('mapping.slotName.body', { position: 1 }), source: t('mapping.field.first_name'), fallback: 'client' });
    await details.getByText(firstPlaceholder, { exact: false }).waitFor();
    expect(await details.getByText(/body\.1|int_|whatsapp_/).count()).toBe(0);
    expect(emulator.sunshine.notifications().length).toBe(sentBefore);
    expect((await new CampaignStore(admin.transport).load(id)).lastChangedBy).toBe(SAMIRA);

    // Alex accepts the change: the page says so, the focus stays in the page, and nothing starts on the
    // schedule the change had set: the campaign is paused until Alex resumes it.
    await app.getByRole('button', { name: t('campaigns.page.untrusted.accept') }).click();
    const accepted = app.getByRole('status').filter({ hasText: t('campaigns.page.accepted') });
    await accepted.waitFor();
    await accepted.getByText(t('campaigns.page.heldAfterChange')).waitFor();
    expect(await app.locator('h2').evaluate((heading) => heading === heading.ownerDocument.activeElement)).toBe(true);
    await sleep(3_000);
    expect(emulator.sunshine.notifications().length).toBe(sentBefore);
    // Resumed, it sends what was frozen to every recipient, nobody twice.
    await app.getByRole('button', { name: t('campaigns.page.resume') }).click();
    await app.getByText(t('campaigns.status.completed'), { exact: true }).waitFor({ timeout: 60_000 });
    const sent = emulator.sunshine.notifications();
    expect(sent).toHaveLength(40);
    expect(new Set(sent.map((notification) => notification.destinationId)).size).toBe(40);
    expect(await new CampaignStore(admin.transport).load(id)).toMatchObject({ templateName: 'spring_sale', recipients: 40, counts: { sent: 40 } });
    expect(harness().consoleErrors).toEqual([]);
  });

  it('made unreadable, stays listed with who changed it, and is cancelled for good after a confirmation, in French', { timeout: 90_000 }, async () => {
    const fr = createTranslator('fr');
    const { emulator, installation } = harness().sandbox;
    const { admin, id } = await launchedAndPaused('Soldes illisibles', 20, 2);
    await new RecordAccess(transportOn(emulator, installation, SAMIRA), CAMPAIGN_OBJECT.key).update(id, { status: 'sending' });
    const sentBefore = emulator.sunshine.notifications().length;

    await harness().sandboxApi('PUT', '/session', { locale: 'fr' });
    const frame = await openCampaigns(harness(), fr);
    const notice = frame.getByRole('alert').filter({ hasText: 'Soldes illisibles' });
    await notice.getByText(/Samira Haddad/).first().waitFor();
    await notice.getByRole('button', { name: fr('campaigns.list.cancelUnreadable') }).click();
    // Asked once more: keeping it changes nothing.
    await notice.getByText(fr('campaigns.list.cancelUnreadableConfirm', { name: 'Soldes illisibles' })).waitFor();
    await notice.getByRole('button', { name: fr('campaigns.list.cancelUnreadableNo') }).click();
    expect((await new RecordAccess(admin.transport, CAMPAIGN_OBJECT.key).show(id)).custom_object_fields?.status).toBe('sending');
    await notice.getByRole('button', { name: fr('campaigns.list.cancelUnreadable') }).click();
    await notice.getByRole('button', { name: fr('campaigns.list.cancelUnreadableYes') }).click();
    await frame.getByRole('status').filter({ hasText: fr('campaigns.list.unreadableCancelled', { name: 'Soldes illisibles' }) }).waitFor();
    // Its row stays in the list, cancelled (its status was all that did not read: it reads again).
    const row = frame.getByRole('table', { name: fr('campaigns.list.caption') }).getByRole('row').filter({ hasText: 'Soldes illisibles' });
    await row.getByText(fr('campaigns.status.cancelled'), { exact: true }).waitFor();
    await sleep(2_000);
    expect(emulator.sunshine.notifications().length).toBe(sentBefore);
  });
});
