import { http, HttpResponse, type RequestHandler } from 'msw';
import type { EmulatorContext } from '../context';
import { readJsonBody } from './body';
import { problem } from './errors';
import { compareDecimalIds, encodeTemplateCursor, pageOf, readTemplatePage } from './pagination';
import { cursorExpired, pathIntegration, sunshineRoute, type SunshineCall } from './route';
import { checkTemplateDraft } from './templateRules';
import type { Integration } from './types';

/**
 * v1.1 WhatsApp message templates (reference §1.5; absent from both specs: the v1 spec's
 * `Template*.yaml` are Smooch's own shorthand message templates, not WhatsApp's).
 */
export function templateRoutes(context: EmulatorContext, base: string): RequestHandler[] {
  const path = `${base}/v1.1/apps/:appId/integrations/:integrationId/messageTemplates`;
  return [
    http.get(path, sunshineRoute(context, base, 'v1', listTemplates)),
    http.post(path, sunshineRoute(context, base, 'v1', createTemplate)),
    http.delete(`${path}/:name`, sunshineRoute(context, base, 'v1', deleteTemplates)),
  ];
}

/** The WhatsApp integration of the path, or the error to answer (unknown, or not WhatsApp). */
function whatsAppIntegration(call: SunshineCall): { ok: true; integration: Integration } | { ok: false; response: Response } {
  const found = pathIntegration(call);
  if (!found.ok) return found;
  if (found.integration.type !== 'whatsapp') {
    return {
      ok: false,
      response: call.fail(problem(400, 'bad_request', `Message templates exist only on WhatsApp integrations; this integration is of type ${found.integration.type}`)),
    };
  }
  return found;
}

function listTemplates(call: SunshineCall): Response {
  const found = whatsAppIntegration(call);
  if (!found.ok) return found.response;
  const reading = readTemplatePage(call.url);
  if (!reading.ok) return call.fail(problem(400, 'bad_request', reading.problems.join('; ')));
  const { page } = reading;
  if ((page.after !== undefined || page.before !== undefined) && cursorExpired(call)) {
    return call.fail(problem(400, 'bad_request', 'The pagination cursor has expired'));
  }
  const templates = call.state.messageTemplates(found.integration.id).filter((template) => page.name === undefined || template.name === page.name);
  const result = pageOf(templates, page, (template) => template.id, compareDecimalIds);
  return HttpResponse.json({
    messageTemplates: result.items,
    after: result.afterKey === undefined ? undefined : encodeTemplateCursor(result.afterKey),
    before: result.beforeKey === undefined ? undefined : encodeTemplateCursor(result.beforeKey),
  });
}

async function createTemplate(call: SunshineCall): Promise<Response> {
  const found = whatsAppIntegration(call);
  if (!found.ok) return found.response;
  const reading = await readJsonBody(call.request);
  if (!reading.ok) return call.fail(reading.problem);
  const verdict = checkTemplateDraft(reading.body);
  if (!verdict.ok) return call.fail(problem(400, 'bad_request', verdict.problems.join('; ')));
  const creation = call.state.createMessageTemplate(found.integration.id, verdict.draft);
  if (!creation.ok) return call.fail(creation.problem);
  const { id, name, language, status, category, components } = creation.template;
  return HttpResponse.json({ messageTemplate: { id, name, language, status, category, components } }, { status: 201 });
}

function deleteTemplates(call: SunshineCall): Response {
  const found = whatsAppIntegration(call);
  if (!found.ok) return found.response;
  const name = call.params.name ?? '';
  const deleted = call.state.deleteMessageTemplates(found.integration.id, name);
  if (deleted === 0) return call.fail(problem(404, 'not_found', `No message template named "${name}" on this integration`));
  return HttpResponse.json({});
}
