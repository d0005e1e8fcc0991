import { http, HttpResponse, type RequestHandler } from 'msw';
import type { EmulatorContext } from '../context';
import { readJsonBody } from './body';
import { problem } from './errors';
import { DELIVERY_FAILURES, inShareOfNumbers } from './deliveryFailures';
import { checkNotification } from './notificationRules';
import { sunshineRoute, type SunshineCall } from './route';
import type { DeliveryFailure } from './types';

/**
 * The Notification API: `/v1.1/apps/{appId}/notifications` as the app calls it, and the `/v1/`
 * spelling under which the v1 spec documents it. One call per phone number.
 */
export function notificationRoutes(context: EmulatorContext, base: string): RequestHandler[] {
  return ['v1.1', 'v1'].map((version) => http.post(`${base}/${version}/apps/:appId/notifications`, sunshineRoute(context, base, 'v1', postNotification)));
}

async function postNotification(call: SunshineCall): Promise<Response> {
  const reading = await readJsonBody(call.request);
  if (!reading.ok) return call.fail(reading.problem);
  const verdict = checkNotification(reading.body, call.state);
  if (!verdict.ok) return call.fail(verdict.problem);

  const { record, category } = verdict;
  const failure = call.state.deliveryFailureFor(record.destinationId, category) ?? undeliverableByShare(call, record.integrationType, record.destinationId);
  if (failure) {
    call.state.recordRefusal({ integrationId: record.integrationId, destinationId: record.destinationId, status: failure.status, code: failure.code });
    // Channel codes are numeric (WhatsApp, Twilio) and worded as Meta does: "(#131026) Message undeliverable".
    const description = /^[0-9]+$/.test(failure.code) ? `(#${failure.code}) ${failure.title}` : failure.title;
    return call.fail(problem(failure.status, failure.code, description));
  }
  const accepted = call.state.recordNotification(record);
  return HttpResponse.json({ notification: { _id: accepted.id } }, { status: 201 });
}

/** The sandbox's "share of undeliverable numbers" fault: WhatsApp's 131026 for those numbers. */
function undeliverableByShare(call: SunshineCall, integrationType: string, destinationId: string): DeliveryFailure | undefined {
  if (integrationType !== 'whatsapp') return undefined;
  const share = call.context.faults.takeUndeliverableShare({ service: 'sunshine', method: call.request.method, pathname: call.url.pathname });
  return inShareOfNumbers(destinationId, share) ? DELIVERY_FAILURES.undeliverable : undefined;
}
