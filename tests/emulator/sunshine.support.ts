import { createEmulator, ManualClock } from '../../emulator/index';
import type { MessageTemplate, SunshineSeedOptions } from '../../emulator/sunshine/state';

/** A fresh emulator on a manual clock, and a way to call its Sunshine routes as the app would. */

export interface SunshineReply {
  status: number;
  headers: Headers;
  body: unknown;
  /** Typed access for assertions on a body the test already expects. */
  json<T = Record<string, unknown>>(): T;
}

export interface CallOptions {
  body?: unknown;
  /** Raw body text, to send something that is not JSON. */
  rawBody?: string;
  /** Replaces the default headers (valid Basic auth and JSON content type). */
  headers?: Record<string, string>;
  /** Base URL to call; the account host (`…zendesk.com/sc`) by default. */
  base?: string;
}

export function basicAuth(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}`;
}

export function sunshineHarness(options?: SunshineSeedOptions) {
  const clock = new ManualClock();
  const emulator = createEmulator({ clock, sunshine: options });
  const { appId, keyId, keySecret } = emulator.config.sunshine;
  const [defaultBase] = emulator.config.sunshineBaseUrls;
  if (!defaultBase) throw new Error('The emulator has no Sunshine base URL');
  const authorization = basicAuth(keyId, keySecret);

  function urlOf(pathOrUrl: string, base = defaultBase as string): string {
    return pathOrUrl.startsWith('https://') ? pathOrUrl : base + pathOrUrl;
  }

  async function call(method: string, pathOrUrl: string, options: CallOptions = {}): Promise<SunshineReply & { url: string }> {
    const url = urlOf(pathOrUrl, options.base);
    const headers = options.headers ?? { authorization, 'content-type': 'application/json' };
    const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
    const response = await emulator.handle(new Request(url, { method, headers, body }));
    const text = await response.text();
    const parsed: unknown = text ? JSON.parse(text) : undefined;
    return { url, status: response.status, headers: response.headers, body: parsed, json: <T>() => parsed as T };
  }

  return {
    clock,
    emulator,
    appId,
    authorization,
    base: defaultBase,
    get state() {
      return emulator.sunshine;
    },
    call,
    templatesPath: (integrationId: string) => `/v1.1/apps/${appId}/integrations/${integrationId}/messageTemplates`,
    notificationsPath: `/v1.1/apps/${appId}/notifications`,
    integrationsPath: `/v2/apps/${appId}/integrations`,
  };
}

export type SunshineHarness = ReturnType<typeof sunshineHarness>;

/** A WhatsApp template notification body in the shape of reference §1.2. */
export function whatsAppNotification(
  integrationId: string,
  destinationId: string,
  template: { name: string; language: string; components?: unknown[] },
): Record<string, unknown> {
  return {
    destination: { integrationId, destinationId },
    author: { role: 'appMaker' },
    messageSchema: 'whatsapp',
    message: {
      type: 'template',
      template: { name: template.name, language: { policy: 'deterministic', code: template.language }, components: template.components ?? [] },
    },
  };
}

export function smsNotification(integrationId: string, destinationId: string, text: string): Record<string, unknown> {
  return { destination: { integrationId, destinationId }, author: { role: 'appMaker' }, message: { type: 'text', text } };
}

/** `count` text parameters for a body or header component. */
export function textParameters(count: number, prefix = 'value'): Array<{ type: 'text'; text: string }> {
  return Array.from({ length: count }, (_, index) => ({ type: 'text', text: `${prefix} ${index + 1}` }));
}

/** Distinct `{{n}}` placeholders of a text, counted independently of the emulator's own code. */
export function placeholderCount(text: string): number {
  return new Set(text.match(/\{\{[0-9]+\}\}/g) ?? []).size;
}

/** The send-time components that fill every variable of `template` (Meta's send shape, lower-case). */
export function componentsFor(template: MessageTemplate): Array<Record<string, unknown>> {
  const components: Array<Record<string, unknown>> = [];
  for (const component of template.components) {
    if (component.type === 'HEADER') {
      if (component.format === 'TEXT') {
        const count = placeholderCount(component.text);
        if (count > 0) components.push({ type: 'header', parameters: textParameters(count, 'header') });
      } else {
        const kind = component.format.toLowerCase();
        components.push({ type: 'header', parameters: [{ type: kind, [kind]: { link: component.example.header_handle[0] } }] });
      }
    } else if (component.type === 'BODY') {
      const count = placeholderCount(component.text);
      if (count > 0) components.push({ type: 'body', parameters: textParameters(count) });
    } else if (component.type === 'BUTTONS') {
      component.buttons.forEach((button, index) => {
        if (button.type === 'URL' && placeholderCount(button.url) > 0) {
          components.push({ type: 'button', sub_type: 'url', index: String(index), parameters: [{ type: 'text', text: 'ref42' }] });
        }
      });
    }
  }
  return components;
}

/** One webhook call the emulator made, as a receiver saw it. */
export interface ReceivedWebhook {
  target: string;
  headers: Record<string, string>;
  body: { app: { id: string }; webhook: { id: string; version: string }; events: Array<{ id: string; type: string; createdAt: string; payload: Record<string, unknown> }> };
  at: number;
}

/**
 * A Sunshine harness whose webhook calls land in `received` (answered by `answer`, 200 by default)
 * instead of leaving the process, and a way to register a webhook as the service would.
 */
export function webhookHarness(options?: SunshineSeedOptions) {
  const harness = sunshineHarness(options);
  const received: ReceivedWebhook[] = [];
  let answer: (call: ReceivedWebhook) => number | Promise<number> | 'network' = () => 200;
  harness.emulator.useWebhookSender(async (call) => {
    const seen: ReceivedWebhook = { target: call.target, headers: call.headers, body: JSON.parse(call.body) as ReceivedWebhook['body'], at: harness.clock.now() };
    received.push(seen);
    const status = await answer(seen);
    return status === 'network' ? { error: 'network' } : { status };
  });

  async function register(webhook: { target?: string; triggers: string[]; includeFullUser?: boolean; includeFullSource?: boolean }) {
    const reply = await harness.call('POST', harness.integrationsPath, {
      body: { type: 'custom', displayName: 'Herald service', webhooks: [{ target: 'https://herald-service.local/webhooks/sunshine', ...webhook }] },
    });
    if (reply.status !== 201) throw new Error(`Create Integration answered ${reply.status}: ${JSON.stringify(reply.body)}`);
    const integration = reply.json<{ integration: { id: string; webhooks: Array<{ id: string; secret: string }> } }>().integration;
    return { integrationId: integration.id, webhook: integration.webhooks[0] as { id: string; secret: string } };
  }

  return {
    ...harness,
    received,
    /** Every event received, in arrival order (duplicates included). */
    events: () => received.flatMap((call) => call.body.events),
    answerWith(next: typeof answer) {
      answer = next;
    },
    register,
  };
}
