import { IntegrationsClient, type Channel, type MessagingIntegration } from '../../api/sunshine/integrations';
import { MessageTemplatesClient } from '../../api/sunshine/messageTemplates';
import { CustomObjectRecordsClient } from '../../api/zendesk/customObjects';
import type { TemplateDraft } from '../../core/template/model';
import { SMS_TEMPLATE_OBJECT } from '../../store/heraldObjects';
import { SmsTemplateStore } from '../../store/smsTemplates';
import { TemplateCatalogue, type CatalogueLoad, type RemovalOutcome, type SubmissionTarget, type TargetOutcome } from '../../store/templateCatalogue';
import type { AppContext } from '../context';
import { requireRight } from '../rights';

export { TemplateNameTakenError } from '../../store/templateCatalogue';

/**
 * The channels (Sunshine's WhatsApp numbers and SMS senders) and the templates they can send:
 * reading the catalogue, submitting a template to several places at once, deleting one. Templates
 * are what campaigns are made of: editing them is for the people who may prepare campaigns.
 */

type SunshineReads = Pick<AppContext, 'transport' | 'settings'>;

/** Every WhatsApp and SMS integration of the Conversations app. */
export function listChannels(context: SunshineReads): Promise<MessagingIntegration[]> {
  return new IntegrationsClient(context.transport, context.settings.sunshine).listMessaging();
}

/** How many WhatsApp numbers and SMS senders a list holds. */
export function countByChannel(integrations: readonly MessagingIntegration[]): Record<Channel, number> {
  const counts: Record<Channel, number> = { whatsapp: 0, sms: 0 };
  for (const integration of integrations) counts[integration.channel] += 1;
  return counts;
}

/** `smsLabel` names the SMS templates' source in the catalogue, in the agent's language. */
function catalogue(context: SunshineReads, smsLabel: string): TemplateCatalogue {
  const sms = new SmsTemplateStore(new CustomObjectRecordsClient(context.transport, SMS_TEMPLATE_OBJECT.key));
  return new TemplateCatalogue(new MessageTemplatesClient(context.transport, context.settings.sunshine), sms, smsLabel);
}

/** The templates of every WhatsApp integration given, and the SMS templates. */
export function loadCatalogue(context: SunshineReads, channels: readonly MessagingIntegration[], smsLabel: string): Promise<CatalogueLoad> {
  return catalogue(context, smsLabel).load(channels.filter((channel) => channel.channel === 'whatsapp'));
}

/** Submits the template to each target; a refusal by one leaves the others done (the outcome says which). */
export async function submitTemplate(context: AppContext, draft: TemplateDraft, targets: readonly SubmissionTarget[]): Promise<TargetOutcome[]> {
  requireRight(context, 'draft', 'edit-templates');
  return catalogue(context, '').submit(draft, targets);
}

/** Deletes every language of a template on the WhatsApp numbers given, and in SMS when asked. */
export async function removeTemplate(context: AppContext, name: string, whatsapp: readonly MessagingIntegration[], includeSms: boolean): Promise<RemovalOutcome[]> {
  requireRight(context, 'draft', 'edit-templates');
  return catalogue(context, '').remove(name, whatsapp, includeSms);
}
