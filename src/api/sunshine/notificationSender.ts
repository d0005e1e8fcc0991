import { buildNotification, type NotificationInput } from '../../core/campaign/notification';
import type { Recipient } from '../../core/campaign/plan';
import type { NotificationSender, SendAttempt } from '../../core/sending/ports';
import type { NotificationsClient } from './notifications';

/** What every message of a campaign shares: the channel, the template and its slots. */
export type CampaignMessage = Omit<NotificationInput, 'recipient'>;

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

  async send(recipient: Recipient, signal?: AbortSignal): Promise<SendAttempt> {
    try {
      const post = buildNotification({ ...this.message, recipient });
      const { notificationId } = await this.client.send(post, signal);
      return { ok: true, notificationId };
    } catch (error) {
      return { ok: false, error };
    }
  }
}
