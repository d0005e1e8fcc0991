import type { CustomObjectRecordsClient } from '../api/zendesk/customObjects';
import { HttpError } from '../api/transport/errors';
import type { SmsTemplateRecord } from '../core/template/catalogue';
import { SMS_TEMPLATE_OBJECT } from './heraldObjects';
import { HeraldObjectsMissingError } from './objectGuard';

/**
 * SMS templates, one custom-object record each. The external id is the template's identity (name
 * and language), so saving the same template again updates it instead of adding a copy.
 */
export class SmsTemplateStore {
  constructor(private readonly records: CustomObjectRecordsClient) {}

  static externalId(name: string, language: string): string {
    return `sms_template:${name}:${language}`;
  }

  async list(): Promise<SmsTemplateRecord[]> {
    const records = await this.whenSetUp(() => this.records.listAll());
    return records.flatMap((record) => {
      const fields = record.custom_object_fields ?? {};
      const language = typeof fields.language === 'string' ? fields.language : undefined;
      const body = typeof fields.body === 'string' ? fields.body : undefined;
      return record.name && language && body !== undefined ? [{ name: record.name, language, body }] : [];
    });
  }

  async save(template: SmsTemplateRecord): Promise<void> {
    await this.whenSetUp(() =>
      this.records.upsertByExternalId(SmsTemplateStore.externalId(template.name, template.language), {
        name: template.name,
        fields: { language: template.language, body: template.body },
      }),
    );
  }

  /** Deletes every language of a template; returns how many were deleted. */
  async removeByName(name: string): Promise<number> {
    const matching = (await this.list()).filter((template) => template.name === name);
    for (const template of matching) await this.records.deleteByExternalId(SmsTemplateStore.externalId(template.name, template.language));
    return matching.length;
  }

  private async whenSetUp<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      // Every record call on an object that does not exist answers 404.
      if (error instanceof HttpError && error.status === 404) throw new HeraldObjectsMissingError(SMS_TEMPLATE_OBJECT.key);
      throw error;
    }
  }
}
