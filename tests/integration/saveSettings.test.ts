import { describe, expect, it } from 'vitest';
import { saveSettings } from '../../src/app/settings/saveSettings';
import { initialFormValues } from '../../src/core/settings/settingsForm';
import { ALEX, actorOf, appHarness, SAMIRA } from '../support/appHarness';

/** An admin saves Herald's settings from the app: what Zendesk would take silently but nobody meant is named. */
describe('saving the settings', () => {
  it('refuses a group that does not exist, naming it, and saves the groups that do', async () => {
    const h = await appHarness();
    const context = { transport: h.transportOf(ALEX), actor: actorOf(h.emulator, ALEX), installationId: h.installation.id, subdomain: h.emulator.config.subdomain };
    const values = { ...initialFormValues(h.installation.settings as Record<string, string>, false), campaign_senders: 'admin, group:Marketting, group:support' };

    const refused = await saveSettings(context, values, false);
    expect(refused).toEqual({ status: 'invalid', issues: [{ setting: 'campaign_senders', problem: 'unknown-group', detail: 'Marketting' }] });
    expect(h.installation.settings.campaign_senders).not.toContain('Marketting');

    const typo = await saveSettings(context, { ...values, campaign_senders: 'group:Marketting, bogus' }, false);
    expect(typo).toEqual({ status: 'invalid', issues: [{ setting: 'campaign_senders', problem: 'bad-entry', detail: 'bogus' }] });

    const saved = await saveSettings(context, { ...values, campaign_senders: 'admin, group:Marketing' }, false);
    expect(saved.status).toBe('saved');
    expect(h.installation.settings.campaign_senders).toBe('admin, group:Marketing');
  });

  it('refuses a person named by an id that is no agent of the account, and saves one that is', async () => {
    const h = await appHarness();
    const context = { transport: h.transportOf(ALEX), actor: actorOf(h.emulator, ALEX), installationId: h.installation.id, subdomain: h.emulator.config.subdomain };
    const values = initialFormValues(h.installation.settings as Record<string, string>, false);
    const customer = [...h.emulator.zendesk.users.all()].find((user) => user.role === 'end-user')!;

    const refused = await saveSettings(context, { ...values, campaign_drafters: `user:99999999, user:${customer.id}, user:${SAMIRA}` }, false);
    expect(refused).toEqual({
      status: 'invalid',
      issues: [
        { setting: 'campaign_drafters', problem: 'unknown-user', detail: 'user:99999999' },
        { setting: 'campaign_drafters', problem: 'unknown-user', detail: `user:${customer.id}` },
      ],
    });
    const saved = await saveSettings(context, { ...values, campaign_drafters: `admin, user:${SAMIRA}` }, false);
    expect(saved.status).toBe('saved');
  });
});
