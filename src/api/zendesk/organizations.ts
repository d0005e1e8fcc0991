import { z } from 'zod/mini';
import { parseResponse } from '../parse';
import type { Transport } from '../transport/types';

/** Show Many Organizations takes at most 100 ids a call. */
const SHOW_MANY_LIMIT = 100;

const organizationsSchema = z.object({ organizations: z.array(z.object({ id: z.number(), name: z.string() })) });

/**
 * Organization names, for campaigns that map a placeholder to the organization. An audience has
 * many users and few organizations, so names are fetched once per instance: ask again and only the
 * ids not asked before cost a request.
 */
export class OrganizationsClient {
  /** Every id asked so far; null when Zendesk did not return it (deleted, or not visible to the agent). */
  private readonly known = new Map<number, string | null>();

  constructor(private readonly transport: Transport) {}

  /** The names of the organizations that exist; ids Zendesk does not return are left out of the map. */
  async names(ids: readonly number[]): Promise<Map<number, string>> {
    const missing = [...new Set(ids)].filter((id) => Number.isSafeInteger(id) && id > 0 && !this.known.has(id));
    for (let start = 0; start < missing.length; start += SHOW_MANY_LIMIT) {
      const batch = missing.slice(start, start + SHOW_MANY_LIMIT);
      const response = await this.transport.send({
        method: 'GET',
        url: '/api/v2/organizations/show_many',
        credentials: 'zendesk',
        query: { ids: batch.join(',') },
      });
      const { organizations } = parseResponse(organizationsSchema, response.body, 'GET /api/v2/organizations/show_many');
      for (const id of batch) this.known.set(id, null);
      for (const organization of organizations) this.known.set(organization.id, organization.name);
    }
    const result = new Map<number, string>();
    for (const id of ids) {
      const name = this.known.get(id);
      if (name !== undefined && name !== null) result.set(id, name);
    }
    return result;
  }
}
