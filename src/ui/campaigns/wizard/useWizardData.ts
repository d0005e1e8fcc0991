import type { MessagingIntegration } from '../../../api/sunshine/integrations';
import { mappingProblems, templateSlots, type MappingProblem, type TemplateSlot } from '../../../core/campaign/mapping';
import { templateOffers, type TemplateOffer as Offer } from '../../../core/campaign/templateOffers';
import type { CatalogueEntry } from '../../../core/template/catalogue';
import { useTemplateCatalogue } from '../../templates/useTemplateCatalogue';
import type { WizardChoices } from './wizardState';

export type TemplateOffer = Offer<MessagingIntegration>;

/** What the choices so far lead to: the offers, and the template, channel and slots chosen. */
export interface WizardData {
  catalogue: ReturnType<typeof useTemplateCatalogue>;
  offers: TemplateOffer[];
  offer: TemplateOffer | undefined;
  integration: MessagingIntegration | undefined;
  entry: CatalogueEntry | undefined;
  slots: TemplateSlot[];
  problems: MappingProblem[];
}

export function useWizardData(channels: readonly MessagingIntegration[], choices: WizardChoices): WizardData {
  const catalogue = useTemplateCatalogue(channels);
  const offers = templateOffers(catalogue.data?.templates ?? [], channels);
  const offer = offers.find((candidate) => candidate.template.key === choices.templateKey);
  const chosen = offer?.integrations.find((candidate) => candidate.integration.id === choices.integrationId);
  const slots = chosen ? templateSlots(chosen.entry.content) : [];
  return {
    catalogue,
    offers,
    offer,
    integration: chosen?.integration,
    entry: chosen?.entry,
    slots,
    problems: chosen ? mappingProblems(slots, choices.mappings, { ticketAvailable: false }) : [],
  };
}
