import { describe, expect, it } from 'vitest';
import { MessageTemplatesClient } from '../../../src/api/sunshine/messageTemplates';
import { InvalidResponseError } from '../../../src/api/transport/errors';
import type { Transport } from '../../../src/api/transport/types';
import { customObjectRecordSchema } from '../../../src/api/zendesk/customObjects';

/** What the API clients' response schemas accept, refuse and fill in. */

function answering(body: unknown): Transport {
  return { send: async () => ({ status: 200, headers: {}, body }) };
}

describe('customObjectRecordSchema', () => {
  it('reads who created and last changed a record as numbers, given as digits or as a whole number', () => {
    const parsed = customObjectRecordSchema.parse({ id: 'r1', created_by_user_id: '123', updated_by_user_id: 456, extra: true });
    expect(parsed).toMatchObject({ id: 'r1', created_by_user_id: 123, updated_by_user_id: 456, extra: true });
    expect(customObjectRecordSchema.parse({ id: 'r1', created_by_user_id: null }).created_by_user_id).toBeNull();
  });

  it('refuses a user id that is not digits or not whole', () => {
    for (const id of ['12a', '', '-4', 1.5, true]) expect(customObjectRecordSchema.safeParse({ id: 'r1', updated_by_user_id: id }).success).toBe(false);
  });
});

describe('MessageTemplatesClient', () => {
  const connection = { baseUrl: 'https://x.zendesk.com/sc', appId: 'app' };

  it('reads a template Meta sent without components as one with none', async () => {
    const client = new MessageTemplatesClient(answering({ messageTemplates: [{ name: 'x', language: 'fr', status: 'APPROVED' }] }), connection);
    expect(await client.list('int')).toEqual([{ name: 'x', language: 'fr', status: 'APPROVED', components: [] }]);
  });

  it('refuses a page whose template has no name, naming the field', async () => {
    const client = new MessageTemplatesClient(answering({ messageTemplates: [{ language: 'fr' }] }), connection);
    const failure = await client.list('int').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(InvalidResponseError);
    expect((failure as InvalidResponseError).issues).toEqual([expect.stringMatching(/^messageTemplates\.0\.name: /)]);
  });
});
