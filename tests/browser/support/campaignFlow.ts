import type { FrameLocator, Locator } from 'playwright-core';
import type { MessageKey, Translate } from '../../../src/ui/i18n/messages';
import type { SandboxBrowser } from './sandboxBrowser';

/**
 * A marketer's way through the Campaigns page of the nav bar app, for browser tests that need a
 * campaign to have run: the one-click setup, the wizard up to the confirmation, the launch.
 */

/** The Campaigns tab of the nav bar app (the other sections stay mounted beside it). */
export async function openCampaigns(harness: SandboxBrowser, t: Translate): Promise<Locator> {
  await harness.open('#/apps/herald');
  return campaignsTab(harness.appFrame('nav_bar'), t);
}

export function campaignsTab(app: FrameLocator, t: Translate): Locator {
  return app.getByRole('tabpanel', { name: t('shell.section.campaigns') });
}

/**
 * A message as a pattern, for what depends on the moment or the data: `count` may be any number in
 * the locale's format, and the variables named in `any` any text (a date, a time).
 */
export function messagePattern(t: Translate, key: MessageKey, vars: Record<string, string | number> = {}, any: readonly string[] = []): RegExp {
  const marks = Object.fromEntries(any.map((name) => [name, `@@${name}@@`]));
  const escaped = t(key, { ...vars, ...marks }).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = escaped.replace(/@@\w+@@/g, '.+').replace(/987\D?654/, '[\\d\\s,.\u202f\u00a0]+');
  return new RegExp(`^${pattern}$`);
}

export interface CampaignAudience {
  query: string;
  /** What the count shows once the users are counted. */
  counted: (t: Translate) => RegExp;
}

/** The end users tagged `newsletter`, however many the account has. */
export const NEWSLETTER: CampaignAudience = { query: 'role:end-user tags:newsletter', counted: (t) => messagePattern(t, 'audiences.matches', { count: 987654 }) };

/** A first campaign in a fresh account: Herald's custom objects are created from the Campaigns page. */
export async function setUpObjects(frame: Locator, t: Translate): Promise<void> {
  await frame.getByText(t('campaigns.setup.title')).waitFor();
  await frame.getByRole('button', { name: t('templates.setup.run') }).click();
  await frame.getByText(t('campaigns.setup.title')).waitFor({ state: 'detached' });
}

/** Goes through the wizard up to its Placeholders step (template spring_sale on Herald France), in the language of `t`. */
export async function openPlaceholdersStep(frame: Locator, t: Translate, audience: CampaignAudience, name = 'Spring sale'): Promise<void> {
  await frame.getByRole('button', { name: t('campaigns.new') }).click();
  await frame.getByLabel(t('campaigns.wizard.name')).fill(name);
  await frame.getByRole('radio', { name: /^spring_sale · / }).check({ force: true });
  await frame.getByRole('button', { name: t('campaigns.wizard.next') }).click();
  await frame.getByRole('radio', { name: /^Herald France · / }).check({ force: true });
  await frame.getByRole('button', { name: t('campaigns.wizard.next') }).click();

  await frame.getByLabel(t('audiences.queryLabel')).fill(audience.query);
  await frame.getByRole('button', { name: t('audiences.count') }).click();
  await frame.getByText(audience.counted(t)).first().waitFor();
  await frame.getByRole('button', { name: t('campaigns.wizard.next') }).click();
}

/** Goes through the wizard up to the confirmation (template spring_sale on Herald France), in the language of `t`. */
export async function prepareCampaign(frame: Locator, t: Translate, audience: CampaignAudience, name = 'Spring sale'): Promise<void> {
  await openPlaceholdersStep(frame, t, audience, name);
  await mapAndBuildPlan(frame, t);
  await frame.getByRole('button', { name: t('campaigns.wizard.next') }).click();

  await frame.getByLabel(t('campaigns.wizard.test.phone')).fill('+33 6 12 34 56 78');
  await frame.getByRole('button', { name: t('campaigns.wizard.test.send') }).click();
  await frame.getByText(t('campaigns.wizard.test.sent', { phone: '+33612345678' })).waitFor();
  await frame.getByRole('button', { name: t('campaigns.wizard.next') }).click();
}

/** On the Placeholders step of spring_sale: maps both placeholders, goes on and builds the plan, which then shows. */
export async function mapAndBuildPlan(frame: Locator, t: Translate): Promise<void> {
  const first = t('mapping.slot.body', { position: 1, sample: 'Clarice' });
  const second = t('mapping.slot.body', { position: 2, sample: '20%' });
  await frame.getByLabel(t('mapping.source', { slot: first })).selectOption({ label: t('mapping.field.first_name') });
  await frame.getByLabel(t('mapping.fallback', { slot: first })).fill('cliente, client');
  await frame.getByLabel(t('mapping.source', { slot: second })).selectOption({ label: t('mapping.static') });
  await frame.getByLabel(t('mapping.value', { slot: second })).fill('-20 %');
  await frame.getByRole('button', { name: t('campaigns.wizard.next') }).click();

  await frame.getByRole('button', { name: t('plan.build') }).click();
  await frame.getByRole('table', { name: t('plan.exclusions') }).waitFor({ timeout: 30_000 });
}

/** On the confirmation step: types the count when asked, and launches. Resolves with the count. */
export async function launch(frame: Locator, t: Translate): Promise<number> {
  const launchButton = frame.getByRole('button', { name: /^(Send to|Envoyer à) .* (recipients|destinataires)$/ });
  const recipients = Number(((await launchButton.textContent()) ?? '').replace(/[^\d]/g, ''));
  const typed = frame.getByLabel(t('campaigns.wizard.confirm.typeCount', { count: recipients }));
  if ((await typed.count()) > 0) await typed.fill(String(recipients));
  await launchButton.click();
  return recipients;
}
