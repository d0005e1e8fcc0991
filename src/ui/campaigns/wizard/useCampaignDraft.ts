import { useState } from 'react';
import type { CampaignDefinition } from '../../../store/campaignModel';
import type { HeraldSettings } from '../../../core/settings/settings';
import { useZaf } from '../../../zaf/ZafProvider';
import { useServices } from '../../services';
import type { WizardData } from './useWizardData';
import type { WizardChoices } from './wizardState';

export type DraftSave = { status: 'idle' } | { status: 'saving' } | { status: 'saved'; at: number } | { status: 'failed'; error: unknown };

/**
 * Saves the wizard's choices as a draft campaign (created on the first save, updated after): a
 * draft can be closed and reopened, by its author or a colleague. Nothing is sent.
 */
export function useCampaignDraft(settings: HeraldSettings) {
  const { campaigns } = useServices();
  const { currentUser } = useZaf();
  const [save, setSave] = useState<DraftSave>({ status: 'idle' });

  /** Resolves with the draft's id; undefined when there is nothing to save yet (no template or channel). */
  const saveDraft = async (choices: WizardChoices, data: WizardData, recipients?: number): Promise<string | undefined> => {
    const { offer, integration, entry, slots } = data;
    if (!offer || !integration || !entry) return undefined;
    const definition: CampaignDefinition = {
      content: entry.content,
      slots,
      mappings: choices.mappings,
      ratePerSecond: settings.sendRate,
      quietHours: choices.quietHours,
      ...(settings.whatsappNamespace ? { namespace: settings.whatsappNamespace } : {}),
    };
    const fields = {
      name: choices.name,
      channel: integration.channel,
      integrationId: integration.id,
      templateName: offer.template.name,
      templateLanguage: offer.template.language,
      templateCategory: entry.category ?? null,
      query: choices.query ?? '',
      definition,
      ...(recipients === undefined ? {} : { recipients }),
    };
    setSave({ status: 'saving' });
    try {
      const id = choices.campaignId
        ? (await campaigns.update(choices.campaignId, fields)).id
        : await campaigns.create({ ...fields, createdBy: currentUser.id, createdByName: currentUser.name });
      setSave({ status: 'saved', at: Date.now() });
      return id;
    } catch (error) {
      setSave({ status: 'failed', error });
      throw error;
    }
  };

  return { save, saveDraft };
}
