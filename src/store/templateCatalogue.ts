import type { MessagingIntegration } from '../api/sunshine/integrations';
import type { MessageTemplatesClient } from '../api/sunshine/messageTemplates';
import { groupCatalogue, type LogicalTemplate } from '../core/template/catalogue';
import { toMetaTemplate, type MetaComponent, type MetaTemplate } from '../core/template/meta';
import type { TemplateDraft } from '../core/template/model';
import { normalizeTemplateName } from '../core/template/name';
import { HeraldObjectsMissingError } from './objectGuard';
import type { SmsTemplateStore } from './smsTemplates';

/**
 * The template catalogue across channels: WhatsApp templates live with Meta (one list per WhatsApp
 * integration, through Sunshine), SMS templates in Herald's custom object. Creating a template on
 * several integrations is one call per target; a retry after a partial failure neither loses nor
 * duplicates anything, because each target is first checked for the template it would create.
 */

export type SubmissionTarget = { channel: 'whatsapp'; integration: MessagingIntegration } | { channel: 'sms' };

export type TargetOutcome =
  | { target: SubmissionTarget; status: 'created' }
  /** The same template was already there (a previous attempt made it): nothing was sent again. */
  | { target: SubmissionTarget; status: 'already-there' }
  | { target: SubmissionTarget; status: 'failed'; error: unknown };

export type RemovalOutcome = { target: SubmissionTarget; status: 'deleted' } | { target: SubmissionTarget; status: 'failed'; error: unknown };

/** Another template already uses this name and language on the target. */
export class TemplateNameTakenError extends Error {
  override name = 'TemplateNameTakenError';

  constructor(
    readonly templateName: string,
    readonly language: string,
  ) {
    super(`A different template named ${templateName} (${language}) already exists`);
  }
}

export interface SourceFailure {
  /** The WhatsApp integration whose list failed, or undefined for the SMS templates. */
  integration: MessagingIntegration | undefined;
  error: unknown;
}

export interface CatalogueLoad {
  templates: LogicalTemplate[];
  /** Sources that could not be read: the others are still listed. */
  failures: SourceFailure[];
  /** Herald's custom objects are missing, so SMS templates cannot be read or saved yet. */
  smsNotSetUp: boolean;
}

export class TemplateCatalogue {
  constructor(
    private readonly messageTemplates: MessageTemplatesClient,
    private readonly smsTemplates: SmsTemplateStore,
    /** How the catalogue names the SMS source ("SMS (Herald)"). */
    private readonly smsLabel: string,
  ) {}

  async load(whatsappIntegrations: readonly MessagingIntegration[]): Promise<CatalogueLoad> {
    const [whatsapp, sms] = await Promise.all([
      Promise.allSettled(whatsappIntegrations.map((integration) => this.messageTemplates.list(integration.id))),
      this.smsTemplates.list().then(
        (records) => ({ ok: true as const, records }),
        (error: unknown) => ({ ok: false as const, error }),
      ),
    ]);
    const failures: SourceFailure[] = [];
    const lists = whatsappIntegrations.flatMap((integration, index) => {
      const result = whatsapp[index];
      if (result?.status === 'fulfilled') return [{ integrationId: integration.id, integrationName: integration.displayName ?? integration.id, templates: result.value }];
      failures.push({ integration, error: result?.status === 'rejected' ? result.reason : undefined });
      return [];
    });
    const smsNotSetUp = !sms.ok && sms.error instanceof HeraldObjectsMissingError;
    if (!sms.ok && !smsNotSetUp) failures.push({ integration: undefined, error: sms.error });
    return { templates: groupCatalogue({ whatsapp: lists, sms: sms.ok ? sms.records : [], smsLabel: this.smsLabel }), failures, smsNotSetUp };
  }

  /** Creates the template on every target; each target succeeds or fails on its own. */
  async submit(draft: TemplateDraft, targets: readonly SubmissionTarget[]): Promise<TargetOutcome[]> {
    return Promise.all(targets.map((target) => this.submitTo(draft, target)));
  }

  private async submitTo(draft: TemplateDraft, target: SubmissionTarget): Promise<TargetOutcome> {
    try {
      const created = target.channel === 'sms' ? await this.saveSms(draft) : await this.createWhatsApp(draft, target.integration);
      return { target, status: created ? 'created' : 'already-there' };
    } catch (error) {
      return { target, status: 'failed', error };
    }
  }

  /** False when the integration already holds this very template (an earlier attempt created it). */
  private async createWhatsApp(draft: TemplateDraft, integration: MessagingIntegration): Promise<boolean> {
    const wanted = toMetaTemplate(draft);
    const existing = (await this.messageTemplates.list(integration.id, { name: wanted.name })).find((template) => template.language === wanted.language);
    if (existing) {
      if (sameBody(existing.components, wanted.components)) return false;
      throw new TemplateNameTakenError(wanted.name, wanted.language);
    }
    await this.messageTemplates.create(integration.id, wanted);
    return true;
  }

  private async saveSms(draft: TemplateDraft): Promise<boolean> {
    const name = normalizeTemplateName(draft.name).name;
    const existing = (await this.smsTemplates.list()).find((template) => template.name === name && template.language === draft.language);
    if (existing) {
      if (existing.body === draft.body) return false;
      throw new TemplateNameTakenError(name, draft.language);
    }
    await this.smsTemplates.save({ name, language: draft.language, body: draft.body });
    return true;
  }

  /** Deletes every language of `name` wherever it exists: WhatsApp integrations and SMS. */
  async remove(name: string, whatsappIntegrations: readonly MessagingIntegration[], includeSms: boolean): Promise<RemovalOutcome[]> {
    const targets: SubmissionTarget[] = [
      ...whatsappIntegrations.map((integration) => ({ channel: 'whatsapp' as const, integration })),
      ...(includeSms ? [{ channel: 'sms' as const }] : []),
    ];
    return Promise.all(
      targets.map(async (target): Promise<RemovalOutcome> => {
        try {
          if (target.channel === 'sms') await this.smsTemplates.removeByName(name);
          else await this.messageTemplates.remove(target.integration.id, name);
          return { target, status: 'deleted' };
        } catch (error) {
          return { target, status: 'failed', error };
        }
      }),
    );
  }
}

function bodyText(components: readonly MetaComponent[] | MetaTemplate['components']): string | undefined {
  const body = components.find((component) => component.type === 'BODY') as { text?: unknown } | undefined;
  return typeof body?.text === 'string' ? body.text : undefined;
}

function sameBody(existing: MetaTemplate['components'], wanted: readonly MetaComponent[]): boolean {
  return bodyText(existing) === bodyText(wanted);
}
