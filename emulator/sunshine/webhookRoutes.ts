import { http, HttpResponse, type RequestHandler } from 'msw';
import type { EmulatorContext } from '../context';
import { readJsonBody } from './body';
import { problem } from './errors';
import { pathIntegration, sunshineRoute, type SunshineCall } from './route';
import { readWebhookBody } from './webhookRules';

/**
 * v2 Webhooks (spec tag Webhooks): create, list, get, update and delete the webhooks of a custom
 * (or Sunshine Conversations Connect) integration. The answers carry each webhook's `secret`.
 */
export function webhookRoutes(context: EmulatorContext, base: string): RequestHandler[] {
  const collection = `${base}/v2/apps/:appId/integrations/:integrationId/webhooks`;
  const one = `${collection}/:webhookId`;
  return [
    http.post(collection, sunshineRoute(context, base, 'v2', createWebhook)),
    http.get(collection, sunshineRoute(context, base, 'v2', listWebhooks)),
    http.get(one, sunshineRoute(context, base, 'v2', getWebhook)),
    http.patch(one, sunshineRoute(context, base, 'v2', updateWebhook)),
    http.delete(one, sunshineRoute(context, base, 'v2', deleteWebhook)),
  ];
}

/** The integration, if it may hold webhooks: a custom one (Connect integrations are not emulated). */
function webhookOwner(call: SunshineCall): { ok: true; integrationId: string } | { ok: false; response: Response } {
  const found = pathIntegration(call);
  if (!found.ok) return found;
  if (found.integration.type !== 'custom') {
    return { ok: false, response: call.fail(problem(403, 'forbidden', 'Webhooks belong to custom integrations')) };
  }
  return { ok: true, integrationId: found.integration.id };
}

const webhookNotFound = () => problem(404, 'not_found', 'Resource not found');

async function createWebhook(call: SunshineCall): Promise<Response> {
  const owner = webhookOwner(call);
  if (!owner.ok) return owner.response;
  const reading = await readJsonBody(call.request);
  if (!reading.ok) return call.fail(reading.problem);
  const body = readWebhookBody(reading.body, true);
  if (!body.ok) return call.fail(body.problem);
  const created = call.state.webhooks.create(owner.integrationId, body.fields);
  if (!created.ok) return call.fail(created.problem);
  return HttpResponse.json({ webhook: created.webhook }, { status: 201 });
}

function listWebhooks(call: SunshineCall): Response {
  const owner = webhookOwner(call);
  return owner.ok ? HttpResponse.json({ webhooks: call.state.webhooks.list(owner.integrationId) }) : owner.response;
}

function getWebhook(call: SunshineCall): Response {
  const owner = webhookOwner(call);
  if (!owner.ok) return owner.response;
  const webhook = call.state.webhooks.get(owner.integrationId, call.params.webhookId ?? '');
  return webhook ? HttpResponse.json({ webhook }) : call.fail(webhookNotFound());
}

async function updateWebhook(call: SunshineCall): Promise<Response> {
  const owner = webhookOwner(call);
  if (!owner.ok) return owner.response;
  if (!call.state.webhooks.get(owner.integrationId, call.params.webhookId ?? '')) return call.fail(webhookNotFound());
  const reading = await readJsonBody(call.request);
  if (!reading.ok) return call.fail(reading.problem);
  const body = readWebhookBody(reading.body, false);
  if (!body.ok) return call.fail(body.problem);
  const webhook = call.state.webhooks.update(owner.integrationId, call.params.webhookId ?? '', body.fields);
  return webhook ? HttpResponse.json({ webhook }) : call.fail(webhookNotFound());
}

function deleteWebhook(call: SunshineCall): Response {
  const owner = webhookOwner(call);
  if (!owner.ok) return owner.response;
  return call.state.webhooks.remove(owner.integrationId, call.params.webhookId ?? '') ? HttpResponse.json({}) : call.fail(webhookNotFound());
}
