import { Field, Input, Select } from '@zendeskgarden/react-forms';
import { getColor } from '@zendeskgarden/react-theming';
import { MD } from '@zendeskgarden/react-typography';
import styled from 'styled-components';
import { SYSTEM_USER_FIELDS, type MappingProblem, type SlotMapping, type TemplateSlot, type ValueSource } from '../../core/campaign/mapping';
import type { UserField } from '../../api/zendesk/userFields';
import { useI18n } from '../i18n/I18nProvider';

const Slot = styled.fieldset<{ $compact: boolean }>`
  border: 1px solid ${(p) => getColor({ theme: p.theme, variable: 'border.default' })};
  border-radius: ${(p) => p.theme.borderRadii.md};
  padding: ${(p) => (p.$compact ? `${p.theme.space.xs} ${p.theme.space.sm}` : p.theme.space.sm)};
  margin: 0 0 ${(p) => p.theme.space.sm};
  display: grid;
  grid-template-columns: ${(p) => (p.$compact ? '1fr' : 'repeat(auto-fit, minmax(200px, 1fr))')};
  gap: ${(p) => (p.$compact ? p.theme.space.xs : p.theme.space.sm)};

  & > legend {
    padding: 0 ${(p) => p.theme.space.xxs};
  }
`;

const STATIC = 'static';

function sourceValue(source: ValueSource): string {
  if (source.kind === 'static') return STATIC;
  if (source.kind === 'user') return `user:${source.field}`;
  if (source.kind === 'custom') return `custom:${source.key}`;
  return `ticket:${source.field}`;
}

function parseSource(value: string, previous: ValueSource): ValueSource {
  if (value === STATIC) return { kind: 'static', value: previous.kind === 'static' ? previous.value : '' };
  const [kind, name = ''] = value.split(/:(.*)/s);
  if (kind === 'user') return { kind: 'user', field: name as (typeof SYSTEM_USER_FIELDS)[number] };
  if (kind === 'custom') return { kind: 'custom', key: name };
  return { kind: 'ticket', field: name };
}

interface MappingEditorProps {
  slots: readonly TemplateSlot[];
  mappings: readonly SlotMapping[];
  onChange: (mappings: SlotMapping[]) => void;
  customFields: readonly UserField[];
  problems: readonly MappingProblem[];
  /** Ticket fields a placeholder may read, for a send from a ticket (none in a campaign). */
  ticketFields?: { label: string; fields: ReadonlyArray<{ field: string; label: string }> };
  /**
   * For a sidebar: one column, and the labels the slot's legend already says only for screen
   * readers, without the campaign's hints.
   */
  compact?: boolean;
}

/** For each placeholder: the same value for everyone, or a user field with a fallback when it is empty. */
export function MappingEditor({ slots, mappings, onChange, customFields, problems, ticketFields, compact = false }: MappingEditorProps) {
  const { t } = useI18n();
  const replace = (index: number, mapping: SlotMapping) => onChange(mappings.map((current, position) => (position === index ? mapping : current)));
  if (slots.length === 0) return <MD>{t('mapping.none')}</MD>;
  return (
    <div role="group" aria-label={t('mapping.title')}>
      {slots.map((slot, index) => {
        const mapping = mappings[index];
        if (!mapping) return null;
        const label = t(`mapping.slot.${slot.component}`, { position: slot.position, button: (slot.buttonIndex ?? 0) + 1, sample: slot.sample });
        const own = problems.filter((problem) => problem.slot === slot.id);
        return (
          <Slot key={slot.id} $compact={compact}>
            <legend>
              <MD isBold>{label}</MD>
            </legend>
            <Field>
              <Field.Label hidden={compact}>{t('mapping.source', { slot: label })}</Field.Label>
              <Select value={sourceValue(mapping.source)} onChange={(event) => replace(index, { ...mapping, source: parseSource(event.target.value, mapping.source) })}>
                <option value={STATIC}>{t('mapping.static')}</option>
                <optgroup label={t('mapping.systemFields')}>
                  {SYSTEM_USER_FIELDS.map((field) => (
                    <option key={field} value={`user:${field}`}>
                      {t(`mapping.field.${field}`)}
                    </option>
                  ))}
                </optgroup>
                {ticketFields && ticketFields.fields.length > 0 && (
                  <optgroup label={ticketFields.label}>
                    {ticketFields.fields.map(({ field, label: fieldLabel }) => (
                      <option key={field} value={`ticket:${field}`}>
                        {fieldLabel}
                      </option>
                    ))}
                  </optgroup>
                )}
                {customFields.length > 0 && (
                  <optgroup label={t('mapping.customFields')}>
                    {customFields.map((field) => (
                      <option key={field.key} value={`custom:${field.key}`}>
                        {`${field.title} (${field.key})`}
                      </option>
                    ))}
                  </optgroup>
                )}
              </Select>
            </Field>
            {mapping.source.kind === 'static' ? (
              <Field>
                <Field.Label hidden={compact}>{t('mapping.value', { slot: label })}</Field.Label>
                {!compact && <Field.Hint>{t('mapping.valueHint')}</Field.Hint>}
                <Input
                  value={mapping.source.value}
                  onChange={(event) => replace(index, { ...mapping, source: { kind: 'static', value: event.target.value } })}
                  validation={own.length ? 'error' : undefined}
                />
                {own.map((problem) => (
                  <Field.Message key={problem.problem} validation="error">
                    {t(`mappingProblem.${problem.problem}`)}
                  </Field.Message>
                ))}
              </Field>
            ) : (
              <Field>
                <Field.Label>{t('mapping.fallback', { slot: label })}</Field.Label>
                {!compact && <Field.Hint>{t('mapping.fallbackHint')}</Field.Hint>}
                <Input value={mapping.fallback} onChange={(event) => replace(index, { ...mapping, fallback: event.target.value })} validation={own.length ? 'error' : undefined} />
                {own.map((problem) => (
                  <Field.Message key={problem.problem} validation="error">
                    {t(`mappingProblem.${problem.problem}`)}
                  </Field.Message>
                ))}
              </Field>
            )}
          </Slot>
        );
      })}
    </div>
  );
}
