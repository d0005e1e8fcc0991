import { useState } from 'react';
import { saveCampaignDraft, type DraftChoices } from '../../../app/campaigns/drafts';
import { useAppContext } from '../../herald';
import type { WizardData } from './useWizardData';
import type { WizardChoices } from './wizardState';

export type DraftSave = { status: 'idle' } | { status: 'saving' } | { status: 'saved'; at: number } | { status: 'failed'; error: unknown };

/** The wizard's choices as the campaign use cases take them; undefined until a template and its channel are chosen. */
export function draftChoicesOf(choices: WizardChoices, data: WizardData): DraftChoices | undefined {
  const { offer, integration, entry, slots } = data;
  if (!offer || !integration || !entry) return undefined;
  return {
    campaignId: choices.campaignId,
    name: choices.name,
    integration,
    template: offer.template,
    entry,
    slots,
    mappings: data.choice.mappings,
    query: choices.query,
    quietHours: choices.quietHours,
  };
}

/**
 * Saves the wizard's choices as a draft campaign (created on the first save, updated after): a
 * draft can be closed and reopened, by its author or a colleague. Nothing is sent.
 */
export function useCampaignDraft() {
  const context = useAppContext();
  const [save, setSave] = useState<DraftSave>({ status: 'idle' });

  /** Resolves with the draft's id; undefined when there is nothing to save yet (no template or channel). */
  const saveDraft = async (choices: WizardChoices, data: WizardData): Promise<string | undefined> => {
    const draft = draftChoicesOf(choices, data);
    if (!draft) return undefined;
    setSave({ status: 'saving' });
    try {
      const id = await saveCampaignDraft(context, draft);
      setSave({ status: 'saved', at: Date.now() });
      return id;
    } catch (error) {
      setSave({ status: 'failed', error });
      throw error;
    }
  };

  return { save, saveDraft };
}
