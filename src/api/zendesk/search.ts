import { z } from 'zod';
import { parseResponse } from '../parse';
import type { Transport } from '../transport/types';

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
}
