import { z } from 'zod/mini';
import { collectCursorPages } from '../pagination';
import { parseResponse } from '../parse';
import type { Transport } from '../transport/types';
import type { SunshineConnection } from './connection';

/** Integration types Herald can send through: WhatsApp templates, or SMS text via Twilio/MessageBird. */
export const MESSAGING_TYPES = ['whatsapp', 'twilio', 'messagebird'] as const;
export type MessagingType = (typeof MESSAGING_TYPES)[number];
export type Channel = 'whatsapp' | 'sms';

const integrationSchema = z.looseObject({
  id: z.string(),
  type: z.string(),
  status: z.optional(z.string()),
  displayName: z.nullish(z.string()),
  phoneNumber: z.nullish(z.string()),
  originator: z.nullish(z.string()),
});

const listSchema = z.object({
  integrations: z.array(integrationSchema),
  meta: z.looseObject({ hasMore: z.boolean(), afterCursor: z.nullish(z.string()) }),
});

export const INTEGRATION_STATES = ['active', 'inactive', 'error', 'unknown'] as const;
export type IntegrationState = (typeof INTEGRATION_STATES)[number];

export interface MessagingIntegration {
  id: string;
  type: MessagingType;
  channel: Channel;
  status: IntegrationState;
  displayName: string | undefined;
  /** The sending number as the API gives it (WhatsApp without "+"), or the SMS originator. */
  senderNumber: string | undefined;
}

export const PAGE_SIZE = 100;

export class IntegrationsClient {
  constructor(
    private readonly transport: Transport,
    private readonly connection: SunshineConnection,
  ) {}

  /** Every WhatsApp and SMS integration of the app, following the cursor to the last page. */
  async listMessaging(): Promise<MessagingIntegration[]> {
    const endpoint = `${this.connection.baseUrl}/v2/apps/${encodeURIComponent(this.connection.appId)}/integrations`;
    const integrations = await collectCursorPages(async (after) => {
      const response = await this.transport.send({
        method: 'GET',
        url: endpoint,
        credentials: 'sunshine',
        query: { 'filter[types]': MESSAGING_TYPES.join(','), 'page[size]': PAGE_SIZE, 'page[after]': after },
      });
      const page = parseResponse(listSchema, response.body, 'GET /v2/apps/{appId}/integrations');
      return { items: page.integrations, next: page.meta.hasMore ? (page.meta.afterCursor ?? undefined) : undefined };
    });
    return integrations.flatMap((integration) => toMessaging(integration) ?? []);
  }
}

function toMessaging(integration: z.infer<typeof integrationSchema>): MessagingIntegration | undefined {
  const type = MESSAGING_TYPES.find((candidate) => candidate === integration.type);
  if (!type) return undefined;
  const status = INTEGRATION_STATES.find((state) => state === integration.status) ?? 'unknown';
  return {
    id: integration.id,
    type,
    channel: type === 'whatsapp' ? 'whatsapp' : 'sms',
    status,
    displayName: integration.displayName ?? undefined,
    senderNumber: (integration.phoneNumber ?? integration.originator) || undefined,
  };
}
