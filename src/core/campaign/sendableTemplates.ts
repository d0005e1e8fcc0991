import type { CatalogueEntry, LogicalTemplate } from '../template/catalogue';

/** A template that can go out on one channel now, with the entry (status, content) that says so. */
export interface SendableTemplate {
  template: LogicalTemplate;
  entry: CatalogueEntry;
}

/**
 * What a campaign on this channel may send: on a WhatsApp number, its APPROVED templates (pending,
 * rejected, paused and disabled ones would fail) made only of parts Herald can fill; on an SMS
 * sender, the SMS templates, ready at once.
 */
export function sendableTemplates(catalogue: readonly LogicalTemplate[], channel: { kind: 'whatsapp'; integrationId: string } | { kind: 'sms' }): SendableTemplate[] {
  return catalogue.flatMap((template) => {
    const entry = template.entries.find((candidate) =>
      channel.kind === 'sms' ? candidate.channel === 'sms' && candidate.status === 'READY' : candidate.integrationId === channel.integrationId && candidate.status === 'APPROVED' && !candidate.content.unsupported,
    );
    return entry ? [{ template, entry }] : [];
  });
}
