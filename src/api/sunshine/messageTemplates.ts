import { z } from 'zod/mini';
import type { MetaTemplate, MetaTemplateCreate } from '../../core/template/meta';
import { collectCursorPages } from '../pagination';
import { parseResponse } from '../parse';
import type { Transport } from '../transport/types';
import type { SunshineConnection } from './connection';

/**
 * WhatsApp message templates of one integration, managed through Sunshine Conversations v1.1 (the
 * v2 API has no template endpoints). The shape is Meta's, proxied: upper-case components.
 */

const componentSchema = z.looseObject({ type: z.string() });

const templateSchema = z.looseObject({
  id: z.optional(z.string()),
  name: z.string(),
  language: z.string(),
  status: z.optional(z.string()),
  category: z.optional(z.string()),
  components: z._default(z.array(componentSchema), []),
  rejected_reason: z.nullish(z.string()),
});

const pageSchema = z.looseObject({
  messageTemplates: z.array(templateSchema),
  after: z.nullish(z.string()),
});

/** Meta's maximum page: fewer round trips for accounts with hundreds of templates. */
const PAGE_LIMIT = 100;

export class MessageTemplatesClient {
  constructor(
    private readonly transport: Transport,
    private readonly connection: SunshineConnection,
  ) {}

  private endpoint(integrationId: string): string {
    return `${this.connection.baseUrl}/v1.1/apps/${encodeURIComponent(this.connection.appId)}/integrations/${encodeURIComponent(integrationId)}/messageTemplates`;
  }

  /** Every template of the integration (or every language of one name), following `after` to the end. */
  async list(integrationId: string, options: { name?: string } = {}): Promise<MetaTemplate[]> {
    return collectCursorPages(async (after) => {
      const response = await this.transport.send({
        method: 'GET',
        url: this.endpoint(integrationId),
        credentials: 'sunshine',
        query: { limit: PAGE_LIMIT, after, name: options.name },
      });
      const page = parseResponse(pageSchema, response.body, 'GET /v1.1/apps/{appId}/integrations/{integrationId}/messageTemplates');
      // No `after` means the last page.
      return { items: page.messageTemplates as MetaTemplate[], next: page.after ?? undefined };
    });
  }

  async create(integrationId: string, template: MetaTemplateCreate): Promise<MetaTemplate> {
    const response = await this.transport.send({ method: 'POST', url: this.endpoint(integrationId), credentials: 'sunshine', body: template });
    return parseResponse(z.looseObject({ messageTemplate: templateSchema }), response.body, 'POST …/messageTemplates').messageTemplate as MetaTemplate;
  }

  /** Deletes every language of the template `name` on this integration. */
  async remove(integrationId: string, name: string): Promise<void> {
    await this.transport.send({ method: 'DELETE', url: `${this.endpoint(integrationId)}/${encodeURIComponent(name)}`, credentials: 'sunshine' });
  }
}
