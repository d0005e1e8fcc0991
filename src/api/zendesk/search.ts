import { z } from 'zod/mini';
import type { AudienceUser } from '../../core/campaign/audienceUser';
import { parseResponse } from '../parse';
import type { Transport } from '../transport/types';
import { audienceUserSchema } from './audienceUsers';
import { userSearchTerms } from './userQuery';

/** Search returns at most 100 results a page. */
const MAX_PER_PAGE = 100;

export class SearchClient {
  constructor(private readonly transport: Transport) {}

  /** How many users a search query matches (`type:user` is added here, as search/count needs it). */
  async countUsers(query: string): Promise<number> {
    const response = await this.transport.send({
      method: 'GET',
      url: '/api/v2/search/count',
      credentials: 'zendesk',
      query: { query: `type:user ${query}`.trim() },
    });
    return parseResponse(z.looseObject({ count: z.number() }), response.body, 'GET /api/v2/search/count').count;
  }

  /**
   * The users whose phone (the `phone` attribute, or the custom user field `phoneField`) is this
   * number, as Zendesk's search matches phone numbers; at most 100.
   */
  async usersWithPhone(phoneField: string, e164: string): Promise<AudienceUser[]> {
    return this.sampleUsers(`${phoneField}:"${e164}"`, 100, { userFieldKeys: phoneField === 'phone' ? [] : [phoneField] });
  }

  /**
   * A few users the query matches, for a preview: one page of Search (relevance order), each reduced
   * to an AudienceUser (organizationName null). A `type:` term in the query is refused, as on export.
   */
  async sampleUsers(query: string, count = 10, options: { userFieldKeys?: readonly string[] } = {}): Promise<AudienceUser[]> {
    const perPage = Math.min(MAX_PER_PAGE, Math.max(1, Math.floor(count)));
    const response = await this.transport.send({
      method: 'GET',
      url: '/api/v2/search',
      credentials: 'zendesk',
      query: { query: `type:user ${userSearchTerms(query)}`.trim(), per_page: perPage },
    });
    const schema = z.object({ results: z.array(audienceUserSchema(options.userFieldKeys)) });
    return parseResponse(schema, response.body, 'GET /api/v2/search').results.slice(0, perPage);
  }
}
