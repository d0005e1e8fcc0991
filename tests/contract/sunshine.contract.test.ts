import { describe, expect, it } from 'vitest';
import type { Integration } from '../../emulator/sunshine/state';
import { SEEDED_INTEGRATION_IDS } from '../../emulator/sunshine/state';
import { sunshineV1Contract, sunshineV2Contract } from '../support/openapi';
import {
  componentsFor,
  smsNotification,
  sunshineHarness,
  whatsAppNotification,
  type SunshineHarness,
  type SunshineReply,
} from '../emulator/sunshine.support';
import {
  legacyErrorResponseSchema,
  templateCreatedResponseSchema,
  templateDeletedResponseSchema,
  templateListResponseSchema,
  v2SchemaErrors,
} from './sunshine.schemas';

/**
 * Every answer of the Sunshine half of the emulator against the official documents: v2 responses
 * against the v2 OpenAPI spec, notification requests and responses against the v1 Swagger spec, and
 * the v1.1 template endpoints (in no spec) against zod schemas written from the reference.
 */

const v2 = sunshineV2Contract();
const v1 = sunshineV1Contract();

/**
 * A v2 reply must match its operation. The spec documents 401 only in its introduction, and some
 * operations omit a 404 the server still gives for an unknown app: those bodies are checked against
 * the spec's `errorResponse` schema instead, which is what the introduction says every error uses.
 */
function expectV2Contract(reply: SunshineReply & { url: string }, method = 'GET'): void {
  const check = v2.checkResponse(method, reply.url, reply.status, reply.body);
  const undocumentedError = reply.status >= 400 && check.errors.some((error) => error.startsWith(`status ${reply.status} is not documented`));
  if (undocumentedError) {
    expect(v2SchemaErrors('errorResponse', reply.body), `${method} ${reply.url} ${reply.status}`).toEqual([]);
    expect((reply.json<{ errors: unknown[] }>().errors ?? []).length).toBeGreaterThan(0);
    return;
  }
  expect(check.errors, `${check.operation} ${reply.status}`).toEqual([]);
  expect(check.valid).toBe(true);
}

/** Each integration against its own type's schema (`whatsapp`, `twilio`, `web`, `custom`). */
function expectIntegrationShape(integration: Integration): void {
  expect(v2SchemaErrors(integration.type, integration), `${integration.type} ${integration.id}`).toEqual([]);
}

function expectLegacyError(reply: SunshineReply, status: number): void {
  expect(reply.status).toBe(status);
  expect(legacyErrorResponseSchema.safeParse(reply.body).error?.issues ?? []).toEqual([]);
}

describe('Sunshine v2 responses follow the v2 OpenAPI spec', () => {
  it('Get App: 200, 404 for an unknown app, 401 without credentials', async () => {
    const harness = sunshineHarness();
    const ok = await harness.call('GET', `/v2/apps/${harness.appId}`);
    expect(ok.status).toBe(200);
    expectV2Contract(ok);
    expect(ok.json<{ app: { id: string } }>().app.id).toBe(harness.appId);

    const missing = await harness.call('GET', '/v2/apps/000000000000000000000000');
    expect(missing.status).toBe(404);
    expectV2Contract(missing);

    const anonymous = await harness.call('GET', `/v2/apps/${harness.appId}`, { headers: {} });
    expect(anonymous.status).toBe(401);
    expectV2Contract(anonymous);
  });

  it('List Integrations: every page, every filter, every refusal', async () => {
    const harness = sunshineHarness();
    const all = harness.state.integrations();
    const replies = [
      await harness.call('GET', harness.integrationsPath),
      await harness.call('GET', `${harness.integrationsPath}?page[size]=2`),
      await harness.call('GET', `${harness.integrationsPath}?page[size]=2&page[after]=${all[1]?.id}`),
      await harness.call('GET', `${harness.integrationsPath}?page[size]=2&page[before]=${all[all.length - 1]?.id}`),
      await harness.call('GET', `${harness.integrationsPath}?filter[types]=whatsapp,twilio,messagebird`),
      await harness.call('GET', `${harness.integrationsPath}?filter[types]=custom,web`),
    ];
    for (const reply of replies) {
      expect(reply.status).toBe(200);
      expectV2Contract(reply);
      for (const integration of reply.json<{ integrations: Integration[] }>().integrations) expectIntegrationShape(integration);
    }

    const refusals = [
      `${harness.integrationsPath}?page[size]=0`,
      `${harness.integrationsPath}?page[size]=101`,
      `${harness.integrationsPath}?page[after]=abc`,
      `${harness.integrationsPath}?page[after]=${all[0]?.id}&page[before]=${all[1]?.id}`,
      `${harness.integrationsPath}?filter[types]=whatsapp,carrier_pigeon`,
    ];
    for (const path of refusals) {
      const reply = await harness.call('GET', path);
      expect(reply.status, path).toBe(400);
      expectV2Contract(reply);
    }

    const unknownApp = await harness.call('GET', '/v2/apps/000000000000000000000000/integrations');
    expect(unknownApp.status).toBe(404);
    expectV2Contract(unknownApp);
  });

  it('Get Integration: every seeded integration matches its type schema; unknown ids are 404', async () => {
    const harness = sunshineHarness();
    for (const id of Object.values(SEEDED_INTEGRATION_IDS)) {
      const reply = await harness.call('GET', `${harness.integrationsPath}/${id}`);
      expect(reply.status).toBe(200);
      expectV2Contract(reply);
      expectIntegrationShape(reply.json<{ integration: Integration }>().integration);
    }
    const missing = await harness.call('GET', `${harness.integrationsPath}/ffffffffffffffffffffffff`);
    expect(missing.status).toBe(404);
    expectV2Contract(missing);
  });

  it('the seed covers the types the app filters on, so the checks above are not vacuous', () => {
    const types = new Set(sunshineHarness().state.integrations().map((integration) => integration.type));
    expect([...types].sort()).toEqual(['custom', 'twilio', 'web', 'whatsapp']);
  });
});

describe('Notification API requests and responses follow the v1 spec', () => {
  /** Every approved template of the active WhatsApp integrations, each with the parameters it needs. */
  function acceptedBodies(harness: SunshineHarness): Array<Record<string, unknown>> {
    const bodies: Array<Record<string, unknown>> = [];
    for (const integration of harness.state.whatsAppIntegrations().filter((candidate) => candidate.status === 'active')) {
      for (const template of harness.state.messageTemplates(integration.id).filter((candidate) => candidate.status === 'APPROVED')) {
        bodies.push(whatsAppNotification(integration.id, '+33612345678', { name: template.name, language: template.language, components: componentsFor(template) }));
      }
    }
    bodies.push(smsNotification(SEEDED_INTEGRATION_IDS.twilioSms, '+15555550123', 'Your parcel is on its way.'));
    return bodies;
  }

  it('every accepted body is a valid NotificationPost and every answer a valid NotificationResponse, on /v1.1 and /v1', async () => {
    const harness = sunshineHarness();
    const bodies = acceptedBodies(harness);
    expect(bodies.length).toBeGreaterThan(10);
    for (const version of ['v1.1', 'v1']) {
      for (const body of bodies) {
        const path = `/${version}/apps/${harness.appId}/notifications`;
        const request = v1.checkRequestBody('POST', path, body);
        expect(request.errors).toEqual([]);
        const reply = await harness.call('POST', path, { body });
        expect(reply.status, JSON.stringify(reply.body)).toBe(201);
        const response = v1.checkResponse('POST', reply.url, reply.status, reply.body);
        expect(response.errors).toEqual([]);
        expect(response.valid).toBe(true);
      }
    }
    expect(harness.state.notifications()).toHaveLength(bodies.length * 2);
  });

  it('refusals use the v1.1 error body', async () => {
    const harness = sunshineHarness();
    const path = harness.notificationsPath;
    const refusals: Array<[number, Record<string, unknown> | undefined]> = [
      [400, { destination: { integrationId: SEEDED_INTEGRATION_IDS.twilioSms }, author: { role: 'appMaker' }, message: { type: 'text', text: 'x' } }],
      [404, smsNotification('ffffffffffffffffffffffff', '+15555550123', 'x')],
      [400, whatsAppNotification(SEEDED_INTEGRATION_IDS.whatsappFrance, '+33612345678', { name: 'no_such_template', language: 'fr' })],
    ];
    for (const [status, body] of refusals) expectLegacyError(await harness.call('POST', path, { body }), status);
    expectLegacyError(await harness.call('POST', path, { body: {}, headers: {} }), 401);
  });
});

describe('v1.1 message templates follow the shapes of reference §1.5', () => {
  it('lists, creates, deletes and refuses with the documented shapes', async () => {
    const harness = sunshineHarness({ generatedTemplatesPerIntegration: 30 });
    for (const integration of harness.state.whatsAppIntegrations()) {
      let path: string | undefined = `${harness.templatesPath(integration.id)}?limit=10`;
      while (path) {
        const reply = await harness.call('GET', path);
        expect(reply.status).toBe(200);
        const parsed = templateListResponseSchema.safeParse(reply.body);
        expect(parsed.error?.issues ?? []).toEqual([]);
        path = parsed.data?.after ? `${harness.templatesPath(integration.id)}?limit=10&after=${parsed.data.after}` : undefined;
      }
    }

    const france = SEEDED_INTEGRATION_IDS.whatsappFrance;
    const created = await harness.call('POST', harness.templatesPath(france), {
      body: { name: 'contract_check', language: 'en_US', category: 'UTILITY', components: [{ type: 'BODY', text: 'Hello {{1}}', example: { body_text: [['Ana']] } }] },
    });
    expect(created.status).toBe(201);
    expect(templateCreatedResponseSchema.safeParse(created.body).error?.issues ?? []).toEqual([]);

    const deleted = await harness.call('DELETE', `${harness.templatesPath(france)}/contract_check`);
    expect(deleted.status).toBe(200);
    expect(templateDeletedResponseSchema.safeParse(deleted.body).success).toBe(true);

    expectLegacyError(await harness.call('DELETE', `${harness.templatesPath(france)}/contract_check`), 404);
    expectLegacyError(await harness.call('POST', harness.templatesPath(france), { body: { name: 'x' } }), 400);
    expectLegacyError(await harness.call('GET', harness.templatesPath(SEEDED_INTEGRATION_IDS.twilioSms)), 400);
    expectLegacyError(await harness.call('GET', harness.templatesPath('ffffffffffffffffffffffff')), 404);
    expectLegacyError(await harness.call('GET', `${harness.templatesPath(france)}?after=%%%`), 400);
  });
});
