import type { MessagingIntegration } from '../../api/sunshine/integrations';
import type { Translate } from '../i18n/messages';

/**
 * A channel as people know it: the name given in Admin Center, else its number, else its kind
 * ("WhatsApp number"); never Sunshine's integration id.
 */
export function channelName(t: Translate, integration: Pick<MessagingIntegration, 'displayName' | 'senderNumber' | 'type'>): string {
  return integration.displayName ?? integration.senderNumber ?? t(`channels.unnamed.${integration.type}`);
}
