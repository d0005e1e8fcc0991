import type { SlotMapping, TemplateSlot, ValueSource } from '../../core/campaign/mapping';
import { TICKET_FIELDS, type TicketField } from '../../core/campaign/reengagement';
import type { Translate } from '../i18n/messages';

/**
 * A mapping in words for people: "Placeholder 1 → First name (fallback: client)", never `body.1`
 * or a field's key when its title is known.
 */

export interface NamedField {
  key: string;
  title: string;
}

/** "Placeholder 1", "Header", "Link of button 2". */
export function slotName(t: Translate, slot: TemplateSlot): string {
  if (slot.component === 'header') return t('mapping.slotName.header');
  if (slot.component === 'button') return t('mapping.slotName.button', { button: (slot.buttonIndex ?? 0) + 1 });
  return t('mapping.slotName.body', { position: slot.position });
}

/** Where the value comes from: a field's name, or the text typed for everyone between quotes. */
export function sourceName(t: Translate, source: ValueSource, customFields: readonly NamedField[] = []): string {
  switch (source.kind) {
    case 'unset':
      return t('mapping.notChosen');
    case 'static':
      return t('mapping.typed', { value: source.value });
    case 'user':
      return t(`mapping.field.${source.field}`);
    case 'custom':
      return customFields.find((field) => field.key === source.key)?.title ?? source.key;
    case 'ticket':
      return isTicketField(source.field) ? t(`ticket.field.${source.field}`) : source.field;
  }
}

export function mappingLine(t: Translate, slot: TemplateSlot, mapping: SlotMapping | undefined, customFields: readonly NamedField[] = []): string {
  const source = sourceName(t, mapping?.source ?? { kind: 'unset' }, customFields);
  const fallback = mapping && mapping.source.kind !== 'static' && mapping.source.kind !== 'unset' ? mapping.fallback.trim() : '';
  return fallback === '' ? t('mapping.line', { slot: slotName(t, slot), source }) : t('mapping.lineWithFallback', { slot: slotName(t, slot), source, fallback });
}

/**
 * What the preview shows in a placeholder before any recipient is known: the text typed for
 * everyone, else the field's name between brackets, or that nothing is chosen yet; never the
 * template's example, which would read as if it were sent.
 */
export function previewValue(t: Translate, slot: TemplateSlot, mapping: SlotMapping | undefined, customFields: readonly NamedField[] = []): string {
  const source = mapping?.source ?? { kind: 'unset' };
  if (source.kind === 'static' && source.value.trim() !== '') return source.value.trim();
  if (source.kind === 'static' || source.kind === 'unset') return t('mapping.previewUnset', { slot: slotName(t, slot) });
  return t('mapping.previewField', { field: sourceName(t, source, customFields) });
}

function isTicketField(field: string): field is TicketField {
  return (TICKET_FIELDS as readonly string[]).includes(field);
}
