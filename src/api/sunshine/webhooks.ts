import { z } from 'zod/mini';
import { collectCursorPages } from '../pagination';
import { parseResponse } from '../parse';
import type { Transport } from '../transport/types';
import type { SunshineConnection } from './connection';
import { PAGE_SIZE } from './integrations';

/**
 * The Herald service's webhook with Sunshine Conversations (v2 spec, "Webhooks"): a webhook lives on
 * a `custom` integration (`custom.webhooks`, exactly one); `GET …/integrations/{id}/webhooks` lists
 * them with their `secret`, which Sunshine sends as `X-API-Key` on every call. Creating the custom
 * integration with its webhook (`POST /v2/apps/{appId}/integrations`, `type: custom`) answers the
 * integration with its webhooks, secrets included.
 */

/** What Herald hears: its messages' echo and the customers' messages, deliveries, failures, reads. */
export const HERALD_TRIGGERS = [
  'conversation:message',
  'conversation:message:delivery:channel',
  'conversation:message:delivery:user',
  'conversation:message:delivery:failure',
  'conversation:read',
] as const;

const webhookSchema = z.looseObject({
  id: z.string(),
  target: z.string(),
  triggers: z.array(z.string()),
  secret: z.optional(z.string()),
});

const integrationSchema = z.looseObject({ id: z.string(), type: z.string(), webhooks: z.optional(z.array(webhookSchema)) });

const listSchema = z.object({
  integrations: z.array(integrationSchema),
  meta: z.looseObject({ hasMore: z.boolean(), afterCursor: z.nullish(z.string()) }),
});

export interface RegisteredWebhook {
  integrationId: string;
  webhookId: string;
  secret: string;
  /** True when this call created it. */
  created: boolean;
}

export class WebhooksClient {
  constructor(
    private readonly transport: Transport,
    private readonly connection: SunshineConnection,
  ) {}

  /**
   * The webhook that targets `target`, created (with its custom integration) when no custom
   * integration has one: idempotent, so every start of the service may call it.
   */
  async ensure(target: string, displayName = 'Herald service'): Promise<RegisteredWebhook> {
    for (const integration of await this.customIntegrations()) {
      const webhook = (await this.webhooksOf(integration.id)).find((candidate) => candidate.target === target);
      if (webhook?.secret) return { integrationId: integration.id, webhookId: webhook.id, secret: webhook.secret, created: false };
    }
    const response = await this.transport.send({
      method: 'POST',
      url: this.appPath('/integrations'),
      credentials: 'sunshine',
      body: { type: 'custom', displayName, webhooks: [{ target, triggers: [...HERALD_TRIGGERS], includeFullUser: false }] },
    });
    const { integration } = parseResponse(z.looseObject({ integration: integrationSchema }), response.body, 'POST /v2/apps/{appId}/integrations');
    const webhook = integration.webhooks?.find((candidate) => candidate.target === target);
    if (!webhook?.secret) throw new TypeError('The custom integration was created without its webhook secret');
    return { integrationId: integration.id, webhookId: webhook.id, secret: webhook.secret, created: true };
  }

  private async customIntegrations(): Promise<Array<z.infer<typeof integrationSchema>>> {
    return collectCursorPages(async (after) => {
      const response = await this.transport.send({
        method: 'GET',
        url: this.appPath('/integrations'),
        credentials: 'sunshine',
        query: { 'filter[types]': 'custom', 'page[size]': PAGE_SIZE, 'page[after]': after },
      });
      const page = parseResponse(listSchema, response.body, 'GET /v2/apps/{appId}/integrations');
      return { items: page.integrations.filter((integration) => integration.type === 'custom'), next: page.meta.hasMore ? (page.meta.afterCursor ?? undefined) : undefined };
    });
  }

  private async webhooksOf(integrationId: string): Promise<Array<z.infer<typeof webhookSchema>>> {
    const response = await this.transport.send({ method: 'GET', url: this.appPath(`/integrations/${encodeURIComponent(integrationId)}/webhooks`), credentials: 'sunshine' });
    return parseResponse(z.looseObject({ webhooks: z.array(webhookSchema) }), response.body, 'GET /v2/apps/{appId}/integrations/{integrationId}/webhooks').webhooks;
  }

  private appPath(path: string): string {
    return `${this.connection.baseUrl}/v2/apps/${encodeURIComponent(this.connection.appId)}${path}`;
  }
}
