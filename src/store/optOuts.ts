import { z } from 'zod/mini';
import { parseResponse } from '../api/parse';
import type { Transport } from '../api/transport/types';
import type { OptOutRecorder } from '../core/sending/ports';

/**
 * Records a customer's opt-out (WhatsApp 131050) as Herald's opt-out tag on their Zendesk user, so
 * that every later audience leaves them out (the opt-out tag always wins over the opt-in rule).
 * `PUT /api/v2/users/{id}/tags` adds tags and keeps the others, unlike updating the user's `tags`,
 * which replaces them all.
 */

const tagsSchema = z.looseObject({ tags: z.array(z.string()) });

export class ZendeskOptOutRecorder implements OptOutRecorder {
  private readonly tag: string;

  constructor(
    private readonly transport: Transport,
    tag: string,
  ) {
    // Zendesk stores tags lower case, one word each.
    const normalized = tag.trim().toLowerCase();
    if (normalized === '' || /\s/.test(normalized)) throw new RangeError(`Not a Zendesk tag: "${tag}"`);
    this.tag = normalized;
  }

  async recordOptOut(userId: number): Promise<void> {
    if (!Number.isSafeInteger(userId) || userId <= 0) throw new RangeError(`Not a Zendesk user id: ${userId}`);
    const response = await this.transport.send({ method: 'PUT', url: `/api/v2/users/${userId}/tags`, credentials: 'zendesk', body: { tags: [this.tag] } });
    parseResponse(tagsSchema, response.body, 'PUT /api/v2/users/{id}/tags');
  }
}
