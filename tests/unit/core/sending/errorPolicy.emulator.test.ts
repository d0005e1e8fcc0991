import { describe, expect, it } from 'vitest';
import { onTheCall } from '../../../../emulator/sunshine/deliveryFailures';
import { DELIVERY_FAILURES, SEEDED_INTEGRATION_IDS } from '../../../../emulator/sunshine/state';
import { classifySendError, type SendErrorClass } from '../../../../src/core/sending/errorPolicy';
import { errorForStatus } from '../../../../src/api/transport/errors';
import { EmulatorTransport } from '../../../support/emulatorTransport';
import { basicAuth, componentsFor, smsNotification, sunshineHarness, whatsAppNotification, type SunshineHarness } from '../../../emulator/sunshine.support';

/**
 * The error table against what the app will really meet: real requests to the emulator's
 * Notification API, answered with its own bodies and faults, turned into errors by a transport
 * (`errorForStatus`, `NetworkError`), then classified.
 */

const FRANCE = SEEDED_INTEGRATION_IDS.whatsappFrance;
const PHONE = '+33612345678';

function harnessWithTransport() {
  const harness = sunshineHarness();
  return { harness, transport: new EmulatorTransport(harness.emulator) };
}

/** A notification that fills every variable of a seeded template (or none, for a mismatch). */
function notification(harness: SunshineHarness, name: string, language: string, options: { integrationId?: string; phone?: string; fill?: boolean } = {}) {
  const integrationId = options.integrationId ?? FRANCE;
  const seeded = harness.state.messageTemplate(integrationId, name, language);
  const components = seeded && options.fill !== false ? componentsFor(seeded) : [];
  return whatsAppNotification(integrationId, options.phone ?? PHONE, { name, language, components });
}

/** Sends one notification through the transport; the class of its failure (undefined when accepted). */
async function classifySend(transport: EmulatorTransport, harness: SunshineHarness, body: unknown, appId = harness.appId): Promise<SendErrorClass | undefined> {
  try {
    await transport.send({ method: 'POST', url: `${harness.base}/v1.1/apps/${appId}/notifications`, credentials: 'sunshine', body });
    return undefined;
  } catch (error) {
    return classifySendError(error);
  }
}

describe('the error table against the emulator', () => {
  it('accepts a good notification (the baseline of every case below)', async () => {
    const { harness, transport } = harnessWithTransport();
    expect(await classifySend(transport, harness, notification(harness, 'order_update', 'fr'))).toBeUndefined();
  });

  it.each<[string, (typeof DELIVERY_FAILURES)[keyof typeof DELIVERY_FAILURES], SendErrorClass]>([
    ['opted out', DELIVERY_FAILURES.optedOut, { kind: 'recipient-skipped', reason: 'opted-out', recordOptOut: true }],
    ['marketing cap', DELIVERY_FAILURES.marketingCap, { kind: 'recipient-skipped', reason: 'marketing-cap', recordOptOut: false }],
    ['undeliverable', DELIVERY_FAILURES.undeliverable, { kind: 'recipient-failed', code: 'whatsapp-131026' }],
    ['pair rate limit', DELIVERY_FAILURES.pairRateLimit, { kind: 'retry', reason: 'pair-rate-limit', lowersRate: false }],
  ])('per number: %s', async (_name, failure, expected) => {
    const { harness, transport } = harnessWithTransport();
    // The app's handling of a refusal on the call: these codes come later by webhook in production, so the refusal is forced.
    harness.state.failDeliveriesTo(PHONE, onTheCall(failure));
    expect(await classifySend(transport, harness, notification(harness, 'spring_sale', 'fr'))).toEqual(expected);
  });

  it.each<[string, 'PAUSED' | 'DISABLED' | 'PENDING', SendErrorClass]>([
    ['paused', 'PAUSED', { kind: 'stop', reason: 'template-paused' }],
    ['disabled', 'DISABLED', { kind: 'stop', reason: 'template-disabled' }],
    ['not approved yet', 'PENDING', { kind: 'stop', reason: 'template-missing' }],
  ])('a template %s stops the campaign', async (_name, status, expected) => {
    const { harness, transport } = harnessWithTransport();
    harness.state.setTemplateStatus(FRANCE, 'order_update', 'fr', status);
    expect(await classifySend(transport, harness, notification(harness, 'order_update', 'fr'))).toEqual(expected);
  });

  it('a template missing in that language stops the campaign', async () => {
    const { harness, transport } = harnessWithTransport();
    expect(await classifySend(transport, harness, notification(harness, 'order_update', 'de'))).toEqual({ kind: 'stop', reason: 'template-missing' });
  });

  it('parameters that do not fit the template stop the campaign', async () => {
    const { harness, transport } = harnessWithTransport();
    expect(await classifySend(transport, harness, notification(harness, 'order_update', 'fr', { fill: false }))).toEqual({ kind: 'stop', reason: 'template-mismatch' });
  });

  it('an inactive or unknown integration stops the campaign', async () => {
    const { harness, transport } = harnessWithTransport();
    const retired = notification(harness, 'order_update', 'en_GB', { integrationId: SEEDED_INTEGRATION_IDS.whatsappRetired });
    expect(await classifySend(transport, harness, retired)).toEqual({ kind: 'stop', reason: 'integration-inactive' });
    const unknown = smsNotification('ffffffffffffffffffffffff', PHONE, 'Hello');
    expect(await classifySend(transport, harness, unknown)).toEqual({ kind: 'stop', reason: 'integration-inactive' });
  });

  it('a number the API refuses fails that recipient only', async () => {
    const { harness, transport } = harnessWithTransport();
    const body = notification(harness, 'order_update', 'fr', { phone: '0612345678' });
    expect(await classifySend(transport, harness, body)).toEqual({ kind: 'recipient-failed', code: 'invalid-number' });
  });

  it('a wrong app id stops the campaign', async () => {
    const { harness, transport } = harnessWithTransport();
    expect(await classifySend(transport, harness, notification(harness, 'order_update', 'fr'), 'aaaaaaaaaaaaaaaaaaaaaaaa')).toEqual({ kind: 'stop', reason: 'app-not-found' });
  });

  it('a refused key stops the campaign', async () => {
    const harness = sunshineHarness();
    const reply = await harness.call('POST', harness.notificationsPath, {
      body: notification(harness, 'order_update', 'fr'),
      headers: { authorization: basicAuth('wrong', 'key'), 'content-type': 'application/json' },
    });
    const headers = Object.fromEntries(reply.headers.entries());
    expect(classifySendError(errorForStatus(reply.status, headers, reply.body))).toEqual({ kind: 'stop', reason: 'credentials-rejected' });
  });

  it.each<[string, Parameters<SunshineHarness['emulator']['faults']['add']>[0]['fault'], SendErrorClass]>([
    ['429 with Retry-After', { kind: 'rateLimit', retryAfterSeconds: 7 }, { kind: 'retry', reason: 'rate-limited', lowersRate: true, retryAfterMs: 7000 }],
    ['500', { kind: 'status', status: 500 }, { kind: 'retry', reason: 'server-error', lowersRate: false }],
    ['503', { kind: 'status', status: 503 }, { kind: 'retry', reason: 'server-error', lowersRate: false }],
    ['504', { kind: 'status', status: 504 }, { kind: 'ambiguous', cause: 'timeout' }],
    ['a cut connection', { kind: 'networkError' }, { kind: 'ambiguous', cause: 'connection-lost' }],
  ])('generic fault: %s', async (_name, fault, expected) => {
    const { harness, transport } = harnessWithTransport();
    harness.emulator.faults.add({ match: { service: 'sunshine', path: /\/notifications$/ }, fault, times: 1 });
    expect(await classifySend(transport, harness, notification(harness, 'order_update', 'fr'))).toEqual(expected);
    expect(harness.state.notifications()).toEqual([]);
  });
});
