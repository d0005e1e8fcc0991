import type { MessagingIntegration } from '../../api/sunshine/integrations';
import { CampaignNotificationSender } from '../../api/sunshine/notificationSender';
import { NotificationsClient } from '../../api/sunshine/notifications';
import type { TemplateSlot } from '../../core/campaign/mapping';
import type { Recipient } from '../../core/campaign/plan';
import { sendTestMessage, type TestSendOutcome } from '../../core/sending/testSend';
import type { CatalogueEntry, LogicalTemplate } from '../../core/template/catalogue';
import type { Transport } from '../../api/transport/types';
import type { HeraldSettings } from '../../core/settings/settings';

/** One message, through the campaign's own sender and error policy, to one person: nothing is recorded. */
export function sendOneTest(
  transport: Transport,
  settings: HeraldSettings,
  message: { integration: MessagingIntegration; template: LogicalTemplate; entry: CatalogueEntry; slots: readonly TemplateSlot[] },
  recipient: Recipient,
): Promise<TestSendOutcome> {
  const { integration, template, entry, slots } = message;
  const sender = new CampaignNotificationSender(new NotificationsClient(transport, settings.sunshine), {
    integration: { id: integration.id, channel: integration.channel },
    template: { name: template.name, language: template.language, content: entry.content, slots: [...slots] },
    ...(settings.whatsappNamespace ? { namespace: settings.whatsappNamespace } : {}),
  });
  return sendTestMessage(sender, recipient);
}
