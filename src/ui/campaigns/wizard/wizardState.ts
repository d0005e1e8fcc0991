import type { SlotMapping } from '../../../core/campaign/mapping';
import type { QuietHours } from '../../../core/sending/quietHours';
import type { CampaignRecord } from '../../../store/campaigns';

/**
 * What the marketer has chosen so far in the wizard. The steps fill it in order; a saved draft
 * holds the same choices (the plan itself is rebuilt when the draft is reopened: the audience may
 * have changed since).
 */

export const WIZARD_STEPS = ['template', 'channel', 'audience', 'mapping', 'plan', 'test', 'confirm'] as const;
export type WizardStep = (typeof WIZARD_STEPS)[number];

export interface WizardChoices {
  /** The saved draft, once there is one. */
  campaignId: string | undefined;
  name: string;
  /** The logical template (name + language), see `templateKey`. */
  templateKey: string | undefined;
  integrationId: string | undefined;
  query: string | undefined;
  /** How many users the query matched when it was checked (the plan's progress total). */
  queryCount: number | undefined;
  mappings: SlotMapping[];
  quietHours: QuietHours | null;
}

export const DEFAULT_QUIET_HOURS: QuietHours = { start: '21:00', end: '08:00' };

export function emptyChoices(name: string): WizardChoices {
  return { campaignId: undefined, name, templateKey: undefined, integrationId: undefined, query: undefined, queryCount: undefined, mappings: [], quietHours: null };
}

/** The choices a saved draft holds. */
export function choicesOfDraft(campaign: CampaignRecord, templateKey: string): WizardChoices {
  return {
    campaignId: campaign.id,
    name: campaign.name,
    templateKey,
    integrationId: campaign.integrationId,
    query: campaign.query === '' ? undefined : campaign.query,
    queryCount: undefined,
    mappings: campaign.definition.mappings,
    quietHours: campaign.definition.quietHours,
  };
}

/** The first step whose choice is still missing: where a reopened draft resumes. */
export function firstOpenStep(choices: WizardChoices): WizardStep {
  if (!choices.templateKey) return 'template';
  if (!choices.integrationId) return 'channel';
  if (!choices.query) return 'audience';
  return 'mapping';
}
