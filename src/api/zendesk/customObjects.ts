import { z } from 'zod';
import { parseResponse } from '../parse';
import type { Transport } from '../transport/types';

const listSchema = z.looseObject({ custom_objects: z.array(z.looseObject({ key: z.string() })) });

export class CustomObjectsClient {
  constructor(private readonly transport: Transport) {}

  /** Keys of the account's custom objects; fails with 403 where the plan has none. */
  async listKeys(): Promise<string[]> {
    const response = await this.transport.send({ method: 'GET', url: '/api/v2/custom_objects', credentials: 'zendesk' });
    return parseResponse(listSchema, response.body, 'GET /api/v2/custom_objects').custom_objects.map((object) => object.key);
  }
}
