import { mix32 } from '../zendesk/random';
import { problem, type Problem } from './errors';
import { IdSequence, webhookId } from './ids';
import type { Webhook } from './types';
import { MAX_WEBHOOKS_PER_APP, type WebhookFields } from './webhookRules';

export interface RegisteredWebhook {
  integrationId: string;
  webhook: Webhook;
}

export type WebhookChange = { ok: true; webhook: Webhook } | { ok: false; problem: Problem };

/**
 * The app's webhooks, each owned by a custom (or Connect) integration. Kept apart from the
 * integrations so that the dispatcher finds every webhook of the app in one place.
 */
export class WebhookRegistry {
  private readonly byIntegration = new Map<string, Webhook[]>();
  /** Seeded webhooks use the low ids (seedIntegrations.ts); created ones follow. */
  private readonly ids = new IdSequence(0x100);

  /** Every webhook of the app, in creation order per integration. */
  all(): RegisteredWebhook[] {
    return [...this.byIntegration.entries()].flatMap(([integrationId, webhooks]) => webhooks.map((webhook) => ({ integrationId, webhook: { ...webhook, triggers: [...webhook.triggers] } })));
  }

  list(integrationId: string): Webhook[] {
    return (this.byIntegration.get(integrationId) ?? []).map((webhook) => ({ ...webhook, triggers: [...webhook.triggers] }));
  }

  get(integrationId: string, id: string): Webhook | undefined {
    const found = this.byIntegration.get(integrationId)?.find((webhook) => webhook.id === id);
    return found && { ...found, triggers: [...found.triggers] };
  }

  /** A seeded webhook, as is. */
  seed(integrationId: string, webhook: Webhook): void {
    this.byIntegration.set(integrationId, [...(this.byIntegration.get(integrationId) ?? []), { ...webhook }]);
  }

  /**
   * The refusal of one more webhook when the app has 10. The spec states the limit (tag Webhooks)
   * but not the refusal's status; Create Webhook documents 400, 403 and 404, and a limit reached
   * refuses a valid body: 403 is assumed.
   */
  limitProblem(): Problem | undefined {
    let count = 0;
    for (const webhooks of this.byIntegration.values()) count += webhooks.length;
    return count >= MAX_WEBHOOKS_PER_APP ? problem(403, 'forbidden', `An app is limited to ${MAX_WEBHOOKS_PER_APP} webhooks`) : undefined;
  }

  create(integrationId: string, fields: WebhookFields): WebhookChange {
    const full = this.limitProblem();
    if (full) return { ok: false, problem: full };
    const sequence = this.ids.take();
    const webhook: Webhook = {
      id: webhookId(sequence),
      version: 'v2',
      target: fields.target ?? '',
      triggers: [...(fields.triggers ?? [])],
      secret: secretOf(sequence),
      includeFullUser: fields.includeFullUser ?? false,
      includeFullSource: fields.includeFullSource ?? false,
    };
    this.seed(integrationId, webhook);
    return { ok: true, webhook: { ...webhook, triggers: [...webhook.triggers] } };
  }

  update(integrationId: string, id: string, fields: WebhookFields): Webhook | undefined {
    const found = this.byIntegration.get(integrationId)?.find((webhook) => webhook.id === id);
    if (!found) return undefined;
    Object.assign(found, Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)));
    return { ...found, triggers: [...found.triggers] };
  }

  remove(integrationId: string, id: string): boolean {
    const webhooks = this.byIntegration.get(integrationId) ?? [];
    const kept = webhooks.filter((webhook) => webhook.id !== id);
    this.byIntegration.set(integrationId, kept);
    return kept.length < webhooks.length;
  }
}

/** 32 hex digits like the spec's example secret; derived from the sequence so that runs repeat. */
function secretOf(sequence: number): string {
  let secret = '';
  for (let part = 0; part < 4; part += 1) secret += mix32(0x5ec7e7, sequence * 4 + part).toString(16).padStart(8, '0');
  return secret;
}
