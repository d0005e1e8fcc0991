import { buildNotification, type NotificationInput } from '../../core/campaign/notification';
import type { Recipient } from '../../core/campaign/plan';
import type { NotificationSender, SendAttempt, SendOptions } from '../../core/sending/ports';
import type { NotificationsClient } from './notifications';

/**
 * What every message of a campaign shares: the channel, the template and its slots, and the
 * campaign's id (absent for a test message), which each message carries as its metadata.
 */
export type CampaignMessage = Omit<NotificationInput, 'recipient' | 'attribution'> & { campaignId?: string };

/**
 * The sending engine's sender over the Notification API: it builds each recipient's notification
 * from the frozen values and posts it. Every failure comes back as a value for the engine's error
 * policy to classify, including a notification that cannot be built (nothing was sent then).
 */
export class CampaignNotificationSender implements NotificationSender {
  constructor(
    private readonly client: NotificationsClient,
    private readonly message: CampaignMessage,
  ) {}

  async send(recipient: Recipient, options: SendOptions = {}): Promise<SendAttempt> {
    const { campaignId, ...message } = this.message;
    const { index, signal } = options;
    try {
      const attribution = campaignId !== undefined && index !== undefined ? { attribution: { campaignId, recipientIndex: index } } : {};
      const post = buildNotification({ ...message, recipient, ...attribution });
      const { notificationId } = await this.client.send(post, signal);
      return { ok: true, notificationId };
    } catch (error) {
      return { ok: false, error };
    }
  }
}
