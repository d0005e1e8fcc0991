import type { Clock } from '../clock';
import type { EmulatorConfig } from '../config';
import { ConversationStore } from './conversations';
import { HeardLog } from './heardLog';
import { DEFAULT_HEARING, type HearingOptions } from './outcomePlan';
import { WebhookRegistry } from './webhookRegistry';
import { problem, type Problem } from './errors';
import { addedIntegrationId, IdSequence, notificationId, templateId } from './ids';
import { seedApp, seedIntegrations } from './seedIntegrations';
import { generateTemplates, seedTemplates, type SeededTemplate } from './seedTemplates';
import type { TemplateDraft } from './templateRules';
import type {
  DeliveryFailure,
  Integration,
  IntegrationStatus,
  MessageTemplate,
  NewIntegration,
  NotificationRecord,
  RefusedNotification,
  RejectionReason,
  SunshineApp,
  TemplateCategory,
  TemplateStatus,
  WhatsAppIntegration,
} from './types';

export interface SunshineSeedOptions {
  /** The app's display name (default "Herald Demo"). */
  appDisplayName?: string;
  /** Filler templates (`generated_0001`…) added to every active WhatsApp integration, for pagination. */
  generatedTemplatesPerIntegration?: number;
  /**
   * Templates created through the API turn APPROVED this long after their creation (measured on the
   * emulator's clock), as Meta's review would; they stay PENDING when absent. Lets the sandbox show
   * an approval without a test hook.
   */
  templateApprovalDelayMs?: number;
  /** Integrations added after the seeded ones, with generated ids. */
  extraIntegrations?: NewIntegration[];
  /** What happens after the calls: delivery, reads, replies, later failures (see `HearingOptions`). */
  hearing?: HearingOptions;
}

interface StoredTemplate {
  integrationId: string;
  template: MessageTemplate;
  /** When a PENDING template created through the API gets approved, if approvals are automatic. */
  approveAt?: number;
}

export type TemplateCreation = { ok: true; template: MessageTemplate } | { ok: false; problem: Problem };

/** What a refused template creation answers by default: Meta's hourly creation cap. */
const DEFAULT_CREATION_REFUSAL: Problem = problem(
  403,
  'forbidden',
  'The WhatsApp Business Account of this integration cannot create message templates at the moment (limit of 100 creations per hour reached)',
);

/**
 * The in-memory Sunshine Conversations account: one app, its integrations, the WhatsApp templates of
 * each WhatsApp integration, and the notifications received. Accessors return copies, so a test
 * never changes the state by accident; the test hooks are the methods that say what they change.
 */
export class SunshineState {
  readonly app: SunshineApp;
  /** The users, conversations and messages the notifications created. */
  readonly conversations = new ConversationStore();
  /** What WhatsApp reports later and what customers do, decided when each notification is accepted. */
  readonly heard = new HeardLog();
  /** The app's webhooks (at most 10), each on its integration. */
  readonly webhooks = new WebhookRegistry();
  readonly hearingOptions: Required<HearingOptions>;
  private readonly integrationsById = new Map<string, Integration>();
  /** In creation order, which is also template id order. */
  private storedTemplates: StoredTemplate[] = [];
  private readonly received: NotificationRecord[] = [];
  private readonly refused: RefusedNotification[] = [];
  private readonly failuresByDestination = new Map<string, DeliveryFailure>();
  private readonly creationRefusals = new Map<string, Problem>();
  private readonly templateIds = new IdSequence();
  private readonly integrationIds = new IdSequence();
  private readonly notificationIds = new IdSequence();

  constructor(
    private readonly clock: Clock,
    appId: string,
    private readonly options: SunshineSeedOptions = {},
  ) {
    this.app = seedApp(appId, options.appDisplayName ?? 'Herald Demo');
    this.hearingOptions = { ...DEFAULT_HEARING, ...options.hearing };
    for (const integration of seedIntegrations()) this.storeIntegration(integration);
    for (const extra of options.extraIntegrations ?? []) this.addIntegration(extra);
    for (const seeded of seedTemplates()) this.storeSeeded(seeded);
    const perIntegration = options.generatedTemplatesPerIntegration ?? 0;
    if (perIntegration > 0) {
      for (const integration of this.whatsAppIntegrations().filter((candidate) => candidate.status === 'active')) {
        for (const generated of generateTemplates(integration.id, perIntegration)) this.storeSeeded(generated);
      }
    }
  }

  // --- Integrations ---

  /** Every integration, in id order (the order the v2 list pages through). */
  integrations(): Integration[] {
    return [...this.integrationsById.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((integration) => this.view(integration));
  }

  integration(id: string): Integration | undefined {
    const integration = this.integrationsById.get(id);
    return integration && this.view(integration);
  }

  whatsAppIntegrations(): WhatsAppIntegration[] {
    return this.integrations().filter((integration): integration is WhatsAppIntegration => integration.type === 'whatsapp');
  }

  /**
   * A new integration, after every existing one in id order (Create Integration, and a test hook).
   * A custom integration's webhooks are given ids and secrets when they have none.
   */
  addIntegration(input: NewIntegration): Integration {
    const integration = { ...structuredClone(input), id: addedIntegrationId(this.integrationIds.take()) } as Integration;
    if (integration.type === 'custom') {
      for (const webhook of integration.webhooks) {
        if (webhook.id && webhook.secret) this.webhooks.seed(integration.id, webhook);
        else {
          const created = this.webhooks.create(integration.id, webhook);
          if (!created.ok) throw new Error(created.problem.description);
        }
      }
      integration.webhooks = [];
    }
    this.integrationsById.set(integration.id, integration);
    return this.view(integration);
  }

  /** Test hook: an integration going inactive (number disconnected) or in error. */
  setIntegrationStatus(id: string, status: IntegrationStatus): void {
    const integration = this.integrationsById.get(id);
    if (!integration) throw new Error(`No integration ${id}`);
    integration.status = status;
  }

  // --- Message templates ---

  /** The templates of one integration, in creation order; empty for an unknown or non-WhatsApp one. */
  messageTemplates(integrationId: string): MessageTemplate[] {
    this.applyDueApprovals();
    return this.storedTemplates.filter((stored) => stored.integrationId === integrationId).map((stored) => structuredClone(stored.template));
  }

  /** The templates of this name on the integration, every language (what a send is checked against). */
  messageTemplatesNamed(integrationId: string, name: string): MessageTemplate[] {
    this.applyDueApprovals();
    return this.storedTemplates.filter((stored) => stored.integrationId === integrationId && stored.template.name === name).map((stored) => structuredClone(stored.template));
  }

  messageTemplate(integrationId: string, name: string, language: string): MessageTemplate | undefined {
    const stored = this.find(integrationId, name, language);
    return stored && structuredClone(stored.template);
  }

  /** Records a template Meta would accept: refused when a test said so, or when name and language exist. */
  createMessageTemplate(integrationId: string, draft: TemplateDraft): TemplateCreation {
    const refusal = this.creationRefusals.get(integrationId);
    if (refusal) return { ok: false, problem: refusal };
    if (this.find(integrationId, draft.name, draft.language)) {
      return {
        ok: false,
        problem: problem(409, 'conflict', `A message template named "${draft.name}" already exists in language ${draft.language} on this integration`),
      };
    }
    const template: MessageTemplate = {
      id: templateId(this.templateIds.take()),
      name: draft.name,
      language: draft.language,
      status: 'PENDING',
      category: draft.category,
      components: structuredClone(draft.components),
    };
    const delay = this.options.templateApprovalDelayMs;
    this.storedTemplates.push({ integrationId, template, approveAt: delay === undefined ? undefined : this.clock.now() + delay });
    return { ok: true, template: structuredClone(template) };
  }

  /** Deletes every language of `name` on the integration; returns how many templates went. */
  deleteMessageTemplates(integrationId: string, name: string): number {
    const before = this.storedTemplates.length;
    this.storedTemplates = this.storedTemplates.filter((stored) => stored.integrationId !== integrationId || stored.template.name !== name);
    return before - this.storedTemplates.length;
  }

  /** Test hook: Meta's review (or quality rating) changing a template's status. */
  setTemplateStatus(integrationId: string, name: string, language: string, status: TemplateStatus, rejectedReason: RejectionReason = 'INVALID_FORMAT'): MessageTemplate {
    const stored = this.find(integrationId, name, language);
    if (!stored) throw new Error(`No template ${name} (${language}) on integration ${integrationId}`);
    stored.template.status = status;
    stored.approveAt = undefined;
    if (status === 'REJECTED') stored.template.rejected_reason = rejectedReason;
    else delete stored.template.rejected_reason;
    return structuredClone(stored.template);
  }

  /** Test hook: template creations on this integration fail with `refusal` (403 forbidden by default). */
  refuseTemplateCreations(integrationId: string, refusal: Partial<Problem> = {}): void {
    this.creationRefusals.set(integrationId, { ...DEFAULT_CREATION_REFUSAL, ...refusal });
  }

  allowTemplateCreations(integrationId: string): void {
    this.creationRefusals.delete(integrationId);
  }

  // --- Notifications ---

  /** Every notification accepted, in order. */
  notifications(): NotificationRecord[] {
    return this.received.map((record) => structuredClone(record));
  }

  /** Notifications that were valid but refused on the call for their destination (see `failDeliveriesTo`). */
  refusedNotifications(): RefusedNotification[] {
    return this.refused.map((record) => structuredClone(record));
  }

  recordNotification(input: Omit<NotificationRecord, 'id' | 'at'>): NotificationRecord {
    const record: NotificationRecord = { ...structuredClone(input), id: notificationId(this.app.id, this.notificationIds.take()), at: this.clock.now() };
    this.received.push(record);
    return structuredClone(record);
  }

  recordRefusal(input: Omit<RefusedNotification, 'at'>): void {
    this.refused.push({ ...input, at: this.clock.now() });
  }

  /**
   * Test hook: messages to this phone number (E.164, as sent) fail with `failure` (see
   * `DELIVERY_FAILURES` for undeliverable numbers, opted-out users, the marketing cap): accepted,
   * then a delivery-failure webhook, or refused on the call when the failure is `synchronous`
   * (`onTheCall`).
   */
  failDeliveriesTo(destinationId: string, failure: DeliveryFailure): void {
    this.failuresByDestination.set(destinationId, structuredClone(failure));
  }

  /** Removes the failure of one number, or of every number. */
  clearDeliveryFailures(destinationId?: string): void {
    if (destinationId === undefined) this.failuresByDestination.clear();
    else this.failuresByDestination.delete(destinationId);
  }

  /** The failure configured for this number that applies to a message of `category` (none for SMS text). */
  deliveryFailureFor(destinationId: string, category: TemplateCategory | undefined): DeliveryFailure | undefined {
    const failure = this.failuresByDestination.get(destinationId);
    if (!failure) return undefined;
    if (failure.categories && (category === undefined || !failure.categories.includes(category))) return undefined;
    return structuredClone(failure);
  }

  // --- internals ---

  /** Custom integrations keep their webhooks in the registry. */
  private storeIntegration(integration: Integration): void {
    if (integration.type === 'custom') {
      for (const webhook of integration.webhooks) this.webhooks.seed(integration.id, webhook);
      integration.webhooks = [];
    }
    this.integrationsById.set(integration.id, integration);
  }

  /**
   * A copy to hand out; a custom integration shows its first webhook, as the spec's `custom` schema
   * holds exactly one (Create Webhook can add more: List Webhooks shows them all).
   */
  private view(integration: Integration): Integration {
    const copy = structuredClone(integration);
    if (copy.type === 'custom') copy.webhooks = this.webhooks.list(copy.id).slice(0, 1);
    return copy;
  }

  private storeSeeded(seeded: SeededTemplate): void {
    const template: MessageTemplate = {
      id: templateId(this.templateIds.take()),
      name: seeded.name,
      language: seeded.language,
      status: seeded.status,
      category: seeded.category,
      components: seeded.components,
    };
    if (seeded.status === 'REJECTED') template.rejected_reason = seeded.rejectedReason ?? 'INVALID_FORMAT';
    this.storedTemplates.push({ integrationId: seeded.integrationId, template });
  }

  private find(integrationId: string, name: string, language: string): StoredTemplate | undefined {
    this.applyDueApprovals();
    return this.storedTemplates.find(
      (stored) => stored.integrationId === integrationId && stored.template.name === name && stored.template.language === language,
    );
  }

  /** Approvals are computed when read, so that they follow the clock (a ManualClock included). */
  private applyDueApprovals(): void {
    const now = this.clock.now();
    for (const stored of this.storedTemplates) {
      if (stored.approveAt !== undefined && stored.approveAt <= now && stored.template.status === 'PENDING') {
        stored.template.status = 'APPROVED';
        stored.approveAt = undefined;
      }
    }
  }
}

export function createSunshineState(input: { clock: Clock; config: EmulatorConfig; options?: SunshineSeedOptions }): SunshineState {
  return new SunshineState(input.clock, input.config.sunshine.appId, input.options);
}

export { SEEDED_INTEGRATION_IDS } from './seedIntegrations';
export { DELIVERY_FAILURES } from './deliveryFailures';
export type * from './types';
