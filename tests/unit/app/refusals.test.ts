import { describe, expect, it } from 'vitest';
import { acceptCampaignChange, cancelCampaign, pauseCampaignRun, resendUnverified, startCampaignRun, type CampaignRunDeps } from '../../../src/app/campaigns/campaignRuns';
import { saveCampaignDraft, type DraftChoices } from '../../../src/app/campaigns/drafts';
import { createFollowUp } from '../../../src/app/campaigns/followUp';
import { launchCampaign } from '../../../src/app/campaigns/launch';
import { RunRegistry } from '../../../src/app/campaigns/runRegistry';
import type { Actor, AppContext } from '../../../src/app/context';
import { addToList, importList, removeFromList } from '../../../src/app/lists/listEdits';
import { NotAllowedError } from '../../../src/app/errors';
import { saveSettings } from '../../../src/app/settings/saveSettings';
import { setUpHerald } from '../../../src/app/setup';
import { removeTemplate, submitTemplate } from '../../../src/app/templates/templates';
import { sendTest, type TestSendRequest } from '../../../src/app/testSends/testSend';
import type { Transport } from '../../../src/api/transport/types';
import { templateSlots } from '../../../src/core/campaign/mapping';
import type { Recipient } from '../../../src/core/campaign/plan';
import { initialFormValues } from '../../../src/core/settings/settingsForm';
import { parseSettings, type HeraldSettings } from '../../../src/core/settings/settings';
import { groupCatalogue } from '../../../src/core/template/catalogue';
import { emptyDraft } from '../../../src/core/template/model';
import { ORDER_CONTENT } from '../../support/campaignHarness';
import { FakeClock } from '../../support/fakeClock';

/**
 * Each use case checks the actor's right itself, before anything else: whatever a screen shows or
 * hides, someone without the right is refused with NotAllowedError naming the right, and not one
 * request reaches Zendesk or Sunshine.
 */

/** Fails the test if anything is asked of Zendesk or Sunshine. */
const untouched: Transport = {
  send: (request) => Promise.reject(new Error(`Nothing should have been requested, but ${request.method} ${request.url} was`)),
};

function settings(overrides: Record<string, string> = {}): HeraldSettings {
  const parsed = parseSettings({ sunco_app_id: 'app_1', opt_in_rule: 'tag:whatsapp_opt_in', default_country: 'FR', ...overrides }, 'acme');
  if (!parsed.ok) throw new Error('bad test settings');
  return parsed.settings;
}

const samira: Actor = { id: 2, name: 'Samira Haddad', email: 'samira@acme.test', role: 'agent', groups: [{ id: 20, name: 'Marketing' }] };
const jules: Actor = { id: 3, name: 'Jules Bernard', email: 'jules@acme.test', role: 'agent', groups: [{ id: 10, name: 'Support' }] };
const alex: Actor = { id: 1, name: 'Alex Martin', email: 'alex@acme.test', role: 'admin', groups: [{ id: 10, name: 'Support' }] };

function contextOf(actor: Actor, overrides: Record<string, string> = {}): AppContext {
  return { transport: untouched, actor, settings: settings(overrides), clock: new FakeClock() };
}

const deps: CampaignRunDeps = { runs: new RunRegistry(), ports: { clock: () => new FakeClock(), sessionId: 'test' } };

const catalogue = groupCatalogue({
  whatsapp: [{ integrationId: 'wa-fr', integrationName: 'France', templates: [{ name: 'order_update', language: 'fr', status: 'APPROVED', category: 'UTILITY', components: [{ type: 'BODY', text: 'Bonjour {{1}}' }] }] }],
  sms: [],
  smsLabel: 'SMS',
});
const template = catalogue[0]!;
const entry = template.entries[0]!;
const integration = { id: 'wa-fr', channel: 'whatsapp' as const, type: 'whatsapp' as const, status: 'active' as const, displayName: 'France', senderNumber: '+33100000000' };
const choices: DraftChoices = {
  campaignId: undefined,
  name: 'Soldes',
  integration,
  template: { name: 'order_update', language: 'fr' },
  entry: { content: ORDER_CONTENT, category: 'UTILITY' },
  slots: templateSlots(ORDER_CONTENT),
  mappings: [],
  query: 'tags:vip',
  quietHours: null,
};
const recipient: Recipient = { userId: 1001, phone: '+33612345678', country: 'FR', locale: 'fr', timeZone: 'Europe/Paris', values: ['Ana'] };
const audience = Object.assign([recipient], { size: 1 });

async function refusal(work: () => Promise<unknown> | unknown): Promise<NotAllowedError> {
  const error: unknown = await Promise.resolve().then(work).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(NotAllowedError);
  return error as NotAllowedError;
}

describe('an agent without the right to launch campaigns', () => {
  const context = contextOf(samira);

  it('cannot launch or schedule a campaign', async () => {
    expect(await refusal(() => launchCampaign(context, deps, choices, audience, { when: 'now' }))).toMatchObject({ action: 'launch', right: 'send' });
    expect(await refusal(() => launchCampaign(context, deps, choices, audience, { when: 'later', at: Date.now() + 3_600_000 }))).toMatchObject({ action: 'schedule', right: 'send' });
  });

  it('cannot start, resume, pause or cancel one, nor accept a change to it', async () => {
    expect(await refusal(() => startCampaignRun(context, deps, 'campaign-1', 'launch'))).toMatchObject({ action: 'launch' });
    expect(await refusal(() => startCampaignRun(context, deps, 'campaign-1', 'start-now'))).toMatchObject({ action: 'start' });
    expect(await refusal(() => startCampaignRun(context, deps, 'campaign-1', 'due'))).toMatchObject({ action: 'start' });
    expect(await refusal(() => startCampaignRun(context, deps, 'campaign-1', 'resume'))).toMatchObject({ action: 'resume' });
    expect(await refusal(() => startCampaignRun(context, deps, 'campaign-1', 'resume', { resendUnverified: 'all' }))).toMatchObject({ action: 'resend-unverified' });
    expect(await refusal(() => pauseCampaignRun(context, deps.runs, 'campaign-1'))).toMatchObject({ action: 'pause' });
    expect(await refusal(() => cancelCampaign(context, deps, 'campaign-1'))).toMatchObject({ action: 'cancel' });
    expect(await refusal(() => acceptCampaignChange(context, 'campaign-1'))).toMatchObject({ action: 'accept-change' });
  });

  it('cannot retry failures or send the unverified again', async () => {
    expect(await refusal(() => createFollowUp(context, { campaignId: 'campaign-1', recipients: [1, 2], name: 'Relance' }))).toMatchObject({ action: 'retry-failed', right: 'send' });
    expect(await refusal(() => createFollowUp(context, { campaignId: 'campaign-1', recipients: 'unverified', name: 'Relance' }))).toMatchObject({ action: 'resend-unverified' });
    expect(await refusal(() => resendUnverified(context, deps, 'campaign-1', 'Relance'))).toMatchObject({ action: 'resend-unverified' });
  });

  it('may launch once the settings name them, by group', async () => {
    // Refused for lack of the right, not for anything else: with the right, the use case goes on and asks Zendesk.
    const allowed = contextOf(samira, { campaign_senders: 'admin, group:Marketing' });
    await expect(startCampaignRun(allowed, deps, 'campaign-1', 'resume')).rejects.toThrow(/Nothing should have been requested/);
  });
});

describe('a Settings test message', () => {
  const request: TestSendRequest = { place: 'settings', phone: '06 12 34 56 78', message: { integration, template, entry, slots: templateSlots(entry.content) }, values: ['Ana'] };

  it('is for admins only, whatever the campaign rights', async () => {
    expect(await refusal(() => sendTest(contextOf(samira, { campaign_senders: 'agent' }), request))).toMatchObject({ action: 'settings-test-send', right: 'admin' });
    await expect(sendTest(contextOf(alex), request)).rejects.toThrow(/Nothing should have been requested/);
  });

  it('from the wizard, needs the right to prepare campaigns', async () => {
    expect(await refusal(() => sendTest(contextOf(jules, { campaign_drafters: 'group:Marketing' }), { ...request, place: 'wizard' }))).toMatchObject({ action: 'test-send', right: 'draft' });
  });
});

describe('preparing campaigns, lists, templates and settings', () => {
  const notDrafter = contextOf(jules, { campaign_drafters: 'group:Marketing' });

  it('drafts, lists and templates need the right to prepare campaigns', async () => {
    expect(await refusal(() => saveCampaignDraft(notDrafter, choices))).toMatchObject({ action: 'save-draft', right: 'draft' });
    const entryOfList = { list: 'block' as const, userId: 1001, phone: null, note: '' };
    expect(await refusal(() => addToList(notDrafter, entryOfList))).toMatchObject({ action: 'edit-lists' });
    expect(await refusal(() => removeFromList(notDrafter, [entryOfList]))).toMatchObject({ action: 'edit-lists' });
    expect(await refusal(() => importList(notDrafter, 'block', 'user_id\n1001\n'))).toMatchObject({ action: 'edit-lists' });
    expect(await refusal(() => submitTemplate(notDrafter, emptyDraft('fr'), [{ channel: 'sms' }]))).toMatchObject({ action: 'edit-templates' });
    expect(await refusal(() => removeTemplate(notDrafter, 'order_update', [], true))).toMatchObject({ action: 'edit-templates' });
  });

  it("the installation's settings and Herald's objects are an admin's", async () => {
    const values = initialFormValues({}, true);
    expect(await refusal(() => saveSettings({ transport: untouched, actor: samira, installationId: 1, subdomain: 'acme' }, values, true))).toMatchObject({ action: 'save-settings', right: 'admin' });
    expect(await refusal(() => setUpHerald({ transport: untouched, actor: samira }))).toMatchObject({ action: 'set-up', right: 'admin' });
  });
});
