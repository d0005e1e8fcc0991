import { http, HttpResponse, type RequestHandler } from 'msw';
import type { EmulatorContext } from '../context';
import { readJsonBody } from './body';
import { problem } from './errors';
import { DELIVERY_FAILURES, inShareOfNumbers, onTheCall } from './deliveryFailures';
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

/**
 * A valid notification is accepted (201) and what WhatsApp says of it comes later, by webhook: the
 * per-recipient codes are the channel's verdict, reported with `conversation:message:delivery:failure`
 * (../shared/reference/hearing-back.md §1). Only a failure marked `synchronous` is answered on the
 * call: the pair rate limit (131056), as an assumption, since the sources do not say which codes
 * may come back on the call.
 */
async function postNotification(call: SunshineCall): Promise<Response> {
  const reading = await readJsonBody(call.request);
  if (!reading.ok) return call.fail(reading.problem);
  const verdict = checkNotification(reading.body, call.state);
  if (!verdict.ok) return call.fail(verdict.problem);

  const { record, category } = verdict;
  const failure = call.state.deliveryFailureFor(record.destinationId, category) ?? undeliverableByShare(call, record.integrationType, record.destinationId);
  if (failure?.synchronous) {
    call.state.recordRefusal({ integrationId: record.integrationId, destinationId: record.destinationId, status: failure.status, code: failure.code });
    // Channel codes are numeric (WhatsApp, Twilio) and worded as Meta does: "(#131056) Pair rate limit hit…".
    const description = /^[0-9]+$/.test(failure.code) ? `(#${failure.code}) ${failure.title}` : failure.title;
    return call.fail(problem(failure.status, failure.code, description));
  }
  const accepted = call.state.recordNotification(record);
  call.context.hearing.accepted(accepted, category, failure);
  return HttpResponse.json({ notification: { _id: accepted.id } }, { status: 201 });
}

/** The sandbox's "share of undeliverable numbers" fault: WhatsApp's 131026 for those numbers, later or on the call. */
function undeliverableByShare(call: SunshineCall, integrationType: string, destinationId: string): DeliveryFailure | undefined {
  if (integrationType !== 'whatsapp') return undefined;
  const rules = call.context.faults.takeUndeliverable({ service: 'sunshine', method: call.request.method, pathname: call.url.pathname });
  const hit = rules.filter((rule) => inShareOfNumbers(destinationId, rule.share));
  if (hit.length === 0) return undefined;
  return hit.some((rule) => rule.synchronous) ? onTheCall(DELIVERY_FAILURES.undeliverable) : DELIVERY_FAILURES.undeliverable;
}
