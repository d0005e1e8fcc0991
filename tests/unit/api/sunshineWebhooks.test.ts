import { describe, expect, it } from 'vitest';
import { HERALD_TRIGGERS, WebhooksClient } from '../../../src/api/sunshine/webhooks';
import type { HttpRequest, Transport } from '../../../src/api/transport/types';

/** Registering the service's webhook is idempotent: an existing one targeting the service is reused, else a custom integration is created with it. */

const TARGET = 'https://herald.acme.test/webhooks/sunshine';
const connection = { baseUrl: 'https://acme.zendesk.com/sc', appId: 'app_1' };

function fakeSunshine(integrations: Array<{ id: string; webhooks: Array<{ id: string; target: string; triggers: string[]; secret: string }> }>) {
  const requests: HttpRequest[] = [];
  const transport: Transport = {
    async send(request) {
      requests.push(request);
      const path = new URL(request.url).pathname;
      if (request.method === 'GET' && path.endsWith('/integrations')) {
        return { status: 200, headers: {}, body: { integrations: integrations.map(({ id }) => ({ id, type: 'custom' })), meta: { hasMore: false } } };
      }
      const webhooks = /integrations\/([^/]+)\/webhooks$/.exec(path);
      if (request.method === 'GET' && webhooks) return { status: 200, headers: {}, body: { webhooks: integrations.find(({ id }) => id === webhooks[1])?.webhooks ?? [] } };
      if (request.method === 'POST' && path.endsWith('/integrations')) {
        const body = request.body as { webhooks: Array<{ target: string; triggers: string[] }> };
        const created = { id: `int_${integrations.length + 1}`, webhooks: body.webhooks.map((webhook, index) => ({ ...webhook, id: `wh_${index}`, secret: 'new-secret' })) };
        integrations.push(created);
        return { status: 201, headers: {}, body: { integration: { ...created, type: 'custom' } } };
      }
      throw new Error(`unexpected ${request.method} ${path}`);
    },
  };
  return { transport, requests };
}

describe('WebhooksClient.ensure', () => {
  it('creates a custom integration with the webhook and its triggers once, then finds it on every restart', async () => {
    const sunshine = fakeSunshine([{ id: 'int_other', webhooks: [{ id: 'wh_x', target: 'https://elsewhere.test/hook', triggers: ['conversation:message'], secret: 'other' }] }]);
    const client = new WebhooksClient(sunshine.transport, connection);
    const first = await client.ensure(TARGET);
    expect(first).toEqual({ integrationId: 'int_2', webhookId: 'wh_0', secret: 'new-secret', created: true });
    const created = sunshine.requests.find((request) => request.method === 'POST');
    expect(created?.body).toEqual({ type: 'custom', displayName: 'Herald service', webhooks: [{ target: TARGET, triggers: [...HERALD_TRIGGERS], includeFullUser: false }] });
    const again = await client.ensure(TARGET);
    expect(again).toEqual({ ...first, created: false });
    expect(sunshine.requests.filter((request) => request.method === 'POST')).toHaveLength(1);
  });
});
