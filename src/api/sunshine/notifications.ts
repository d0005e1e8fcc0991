import { z } from 'zod/mini';
import type { NotificationPost } from '../../core/campaign/notification';
import { parseResponse } from '../parse';
import type { Transport } from '../transport/types';
import type { SunshineConnection } from './connection';

/**
 * The Notification API (Sunshine Conversations v1.1): one paid message to one phone number per
 * call. Failures are the transport's typed errors (HttpError with the channel's code, rate limited,
 * network, timeout), which the sending engine classifies.
 */

const responseSchema = z.looseObject({ notification: z.looseObject({ _id: z.string().check(z.minLength(1)) }) });

/** A send the caller aborted before it left: nothing was sent, nothing is billed. */
export class NotificationNotSentError extends Error {
  override name = 'NotificationNotSentError';

  constructor() {
    super('The notification was not sent: the send was cancelled before the request');
  }
}

export interface NotificationsClientOptions {
  /** How long to wait for the answer; a send that times out may still have been accepted. */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 30_000;

export class NotificationsClient {
  constructor(
    private readonly transport: Transport,
    private readonly connection: SunshineConnection,
    private readonly options: NotificationsClientOptions = {},
  ) {}

  /**
   * Sends one notification. `signal` is read before the request only: once the request has left,
   * the call waits for its answer, because only the answer tells whether the message was accepted
   * (a send abandoned half-way is one whose cost and delivery nobody knows).
   */
  async send(post: NotificationPost, signal?: AbortSignal): Promise<{ notificationId: string }> {
    if (signal?.aborted) throw new NotificationNotSentError();
    const response = await this.transport.send({
      method: 'POST',
      url: `${this.connection.baseUrl}/v1.1/apps/${encodeURIComponent(this.connection.appId)}/notifications`,
      credentials: 'sunshine',
      body: post,
      timeoutMs: this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    });
    const { notification } = parseResponse(responseSchema, response.body, 'POST /v1.1/apps/{appId}/notifications');
    return { notificationId: notification._id };
  }
}
