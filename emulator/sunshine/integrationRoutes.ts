import { http, HttpResponse, type RequestHandler } from 'msw';
import type { EmulatorContext } from '../context';
import { readJsonBody } from './body';
import { problem, v2BadRequest } from './errors';
import { isPlainObject } from '../json';
import { compareStrings, pageOf, queryString, readV2Page } from './pagination';
import { cursorExpired, pathIntegration, sunshineRoute, type SunshineCall } from './route';
import { INTEGRATION_TYPES, type Webhook } from './types';
import { readWebhookBody } from './webhookRules';

/** v2 (spec 17.12.1): Get App, List Integrations, Get Integration, Create Integration (custom). */
export function integrationRoutes(context: EmulatorContext, base: string): RequestHandler[] {
  return [
    http.get(`${base}/v2/apps/:appId`, sunshineRoute(context, base, 'v2', getApp)),
    http.get(`${base}/v2/apps/:appId/integrations`, sunshineRoute(context, base, 'v2', listIntegrations)),
    http.post(`${base}/v2/apps/:appId/integrations`, sunshineRoute(context, base, 'v2', createIntegration)),
    http.get(`${base}/v2/apps/:appId/integrations/:integrationId`, sunshineRoute(context, base, 'v2', getIntegration)),
  ];
}

function getApp(call: SunshineCall): Response {
  return HttpResponse.json({ app: { ...call.state.app, subdomain: call.context.config.subdomain } });
}

function getIntegration(call: SunshineCall): Response {
  const found = pathIntegration(call);
  return found.ok ? HttpResponse.json({ integration: found.integration }) : found.response;
}

function listIntegrations(call: SunshineCall): Response {
  const reading = readV2Page(call.url);
  const rawTypes = call.url.searchParams.get('filter[types]');
  const types = rawTypes === null ? [] : rawTypes.split(',').map((type) => type.trim()).filter((type) => type.length > 0);
  const unknownTypes = types.filter((type) => !(INTEGRATION_TYPES as readonly string[]).includes(type));
  const problems = [...(reading.ok ? [] : reading.problems), ...unknownTypes.map((type) => `filter[types] holds an unknown integration type: ${type}`)];
  if (!reading.ok || problems.length > 0) return v2BadRequest(problems);
  const { page } = reading;
  if ((page.after !== undefined || page.before !== undefined) && cursorExpired(call)) {
    return v2BadRequest(['The pagination cursor is no longer valid']);
  }

  const integrations = call.state.integrations().filter((integration) => types.length === 0 || types.includes(integration.type));
  const result = pageOf(integrations, page, (integration) => integration.id, compareStrings);

  const path = `${call.base}/v2/apps/${encodeURIComponent(call.state.app.id)}/integrations`;
  const size = call.url.searchParams.get('page[size]') ?? undefined;
  const filter = types.length > 0 ? types.join(',') : undefined;
  const link = (cursor: 'page[after]' | 'page[before]', id: string) =>
    path + queryString([[cursor, id], ['page[size]', size], ['filter[types]', filter]]);

  return HttpResponse.json({
    integrations: result.items,
    meta: { hasMore: result.hasMore, afterCursor: result.afterKey, beforeCursor: result.beforeKey },
    links: {
      next: result.afterKey === undefined ? undefined : link('page[after]', result.afterKey),
      prev: result.beforeKey === undefined ? undefined : link('page[before]', result.beforeKey),
    },
  });
}

/**
 * Create Integration, for the `custom` type (its `webhooks`: exactly one, spec schema `custom`). The
 * channels' integrations (WhatsApp, Twilio…) need the channel's own credentials and onboarding: the
 * emulator seeds them instead, and refuses to create them.
 */
async function createIntegration(call: SunshineCall): Promise<Response> {
  const reading = await readJsonBody(call.request);
  if (!reading.ok) return call.fail(reading.problem);
  const body = reading.body;
  if (!isPlainObject(body) || typeof body.type !== 'string' || !(INTEGRATION_TYPES as readonly string[]).includes(body.type)) {
    return call.fail(problem(400, 'bad_request', 'Invalid integration type'));
  }
  if (body.type !== 'custom') return call.fail(problem(400, 'bad_request', `The emulator creates custom integrations only (got ${body.type})`));
  if (!Array.isArray(body.webhooks) || body.webhooks.length !== 1) return call.fail(problem(400, 'bad_request', 'webhooks must hold exactly one webhook'));
  const webhook = readWebhookBody(body.webhooks[0], true);
  if (!webhook.ok) return call.fail(webhook.problem);
  if (body.displayName !== undefined && typeof body.displayName !== 'string') return call.fail(problem(400, 'bad_request', 'displayName must be a string'));
  const full = call.state.webhooks.limitProblem();
  if (full) return call.fail(full);
  const fields = webhook.fields;
  const draft: Webhook = { id: '', version: 'v2', target: fields.target ?? '', triggers: fields.triggers ?? [], secret: '', includeFullUser: fields.includeFullUser ?? false, includeFullSource: fields.includeFullSource ?? false };
  const integration = call.state.addIntegration({ type: 'custom', status: 'active', displayName: typeof body.displayName === 'string' ? body.displayName : null, webhooks: [draft] });
  return HttpResponse.json({ integration }, { status: 201 });
}
