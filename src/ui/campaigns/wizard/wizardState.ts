import type { TemplateChoice } from '../../../core/campaign/templateChoice';
import type { QuietHours } from '../../../core/sending/quietHours';
import { templateKey } from '../../../core/template/catalogue';
import type { CampaignRecord } from '../../../store/campaigns';

/**
 * What the marketer has chosen so far in the wizard, besides the template (useTemplateChoice holds
 * that). The steps fill it in order; a saved draft holds the same choices (the plan itself is
 * rebuilt when the draft is reopened: the audience may have changed since).
 */

export const WIZARD_STEPS = ['template', 'channel', 'audience', 'mapping', 'plan', 'test', 'confirm'] as const;
export type WizardStep = (typeof WIZARD_STEPS)[number];

export interface WizardChoices {
  /** The saved draft, once there is one. */
  campaignId: string | undefined;
  name: string;
  query: string | undefined;
  /** How many users the query matched when it was checked (the plan's progress total). */
  queryCount: number | undefined;
  quietHours: QuietHours | null;
}

/** Where the wizard starts: its choices, the template's, and the step. */
export interface WizardStart {
  choices: WizardChoices;
  template: TemplateChoice | undefined;
  step: WizardStep;
}

export const DEFAULT_QUIET_HOURS: QuietHours = { start: '21:00', end: '08:00' };

export function newCampaignStart(name: string): WizardStart {
  return { choices: { campaignId: undefined, name, query: undefined, queryCount: undefined, quietHours: null }, template: undefined, step: 'template' };
}

/** Where a saved draft reopens: its choices, at the first step whose choice is still missing. */
export function draftStart(campaign: CampaignRecord): WizardStart {
  const choices: WizardChoices = {
    campaignId: campaign.id,
    name: campaign.name,
    query: campaign.query === '' ? undefined : campaign.query,
    queryCount: undefined,
    quietHours: campaign.definition.quietHours,
  };
  const template: TemplateChoice = {
    templateKey: templateKey(campaign.templateName, campaign.templateLanguage),
    integrationId: campaign.integrationId,
    mappings: campaign.definition.mappings,
  };
  return { choices, template, step: firstOpenStep(choices, template) };
}

/** The first step whose choice is still missing: where a reopened draft resumes. */
export function firstOpenStep(choices: WizardChoices, template: TemplateChoice): WizardStep {
  if (!template.templateKey) return 'template';
  if (!template.integrationId) return 'channel';
  if (!choices.query) return 'audience';
  return 'mapping';
}
