import type { MessagingIntegration } from '../../../api/sunshine/integrations';
import { useTemplateChoice, type TemplateChoiceState } from '../../templates/useTemplateChoice';
import type { WizardStart } from './wizardState';

/** What the wizard's template choice leads to: the offers, the template, channel and slots chosen, and the ways to change them. */
export type WizardData = TemplateChoiceState;

export function useWizardData(channels: readonly MessagingIntegration[], start: WizardStart): WizardData {
  return useTemplateChoice(channels, { ticketAvailable: false, ...(start.template ? { initial: start.template } : {}) });
}
