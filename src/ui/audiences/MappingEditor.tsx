import { Button } from '@zendeskgarden/react-buttons';
import { Checkbox, Field, Input, Select } from '@zendeskgarden/react-forms';
import { getColor } from '@zendeskgarden/react-theming';
import { MD } from '@zendeskgarden/react-typography';
import { useEffect, useRef } from 'react';
import styled from 'styled-components';
import type { UserField } from '../../api/zendesk/userFields';
import { SYSTEM_USER_FIELDS, type MappingProblem, type SlotMapping, type TemplateSlot, type ValueSource } from '../../core/campaign/mapping';
import { suggestedSource } from '../../core/campaign/mappingSuggestion';
import type { TemplateContent } from '../../core/template/meta';
import { useI18n } from '../i18n/I18nProvider';
import { sourceName } from './mappingWords';

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

const UNSET = '';
const STATIC = 'static';

function sourceValue(source: ValueSource): string {
  if (source.kind === 'unset') return UNSET;
  if (source.kind === 'static') return STATIC;
  if (source.kind === 'user') return `user:${source.field}`;
  if (source.kind === 'custom') return `custom:${source.key}`;
  return `ticket:${source.field}`;
}

function parseSource(value: string, previous: ValueSource): ValueSource {
  if (value === UNSET) return { kind: 'unset' };
  if (value === STATIC) return { kind: 'static', value: previous.kind === 'static' ? previous.value : '' };
  const [kind, name = ''] = value.split(/:(.*)/s);
  if (kind === 'user') return { kind: 'user', field: name as (typeof SYSTEM_USER_FIELDS)[number] };
  if (kind === 'custom') return { kind: 'custom', key: name };
  return { kind: 'ticket', field: name };
}

/** Problems the person has not caused by a mistake: said as a hint, not in red. */
const NOT_YET_CHOSEN = new Set<MappingProblem['problem']>(['unmapped', 'static-is-sample', 'fallback-is-sample']);

interface MappingEditorProps {
  /** The template's text, to suggest sources from the words around each placeholder. */
  content: TemplateContent;
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

/**
 * For each placeholder: nothing until someone chooses; then the same value for everyone, or a user
 * field with a fallback when it is empty. A suggestion is offered, never applied; the template's
 * example typed as the value asks for a confirmation.
 */
export function MappingEditor({ content, slots, mappings, onChange, customFields, problems, ticketFields, compact = false }: MappingEditorProps) {
  const { t } = useI18n();
  // The suggestion's button goes away once used: the focus moves to the source it chose, not to the page.
  const sourceFields = useRef(new Map<string, HTMLSelectElement>());
  const focusAfterSuggestion = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (focusAfterSuggestion.current === undefined) return;
    sourceFields.current.get(focusAfterSuggestion.current)?.focus();
    focusAfterSuggestion.current = undefined;
  });
  const replace = (index: number, mapping: SlotMapping) => onChange(mappings.map((current, position) => (position === index ? mapping : current)));
  if (slots.length === 0) return <MD>{t('mapping.none')}</MD>;
  const takenLabels = new Set([...SYSTEM_USER_FIELDS.map((field) => t(`mapping.field.${field}`)), ...(ticketFields?.fields.map((field) => field.label) ?? [])]);
  return (
    <div role="group" aria-label={t('mapping.title')}>
      {slots.map((slot, index) => {
        const mapping = mappings[index];
        if (!mapping) return null;
        const label = t(`mapping.slot.${slot.component}`, { position: slot.position, button: (slot.buttonIndex ?? 0) + 1, sample: slot.sample });
        const own = problems.filter((problem) => problem.slot === slot.id);
        const errors = own.filter((problem) => !NOT_YET_CHOSEN.has(problem.problem));
        const unconfirmedSample = own.some((problem) => problem.problem === 'static-is-sample' || problem.problem === 'fallback-is-sample');
        const typed = mapping.source.kind === 'static' ? mapping.source.value.trim() : mapping.fallback.trim();
        const confirmSample = (unconfirmedSample || mapping.sampleConfirmed === true) && (
          <Field>
            <Checkbox checked={mapping.sampleConfirmed === true} onChange={(event) => replace(index, { ...mapping, sampleConfirmed: event.target.checked })}>
              <Field.Label>{t(mapping.source.kind === 'static' ? 'mapping.confirmSample' : 'mapping.confirmFallbackSample', { value: typed })}</Field.Label>
            </Checkbox>
          </Field>
        );
        const suggestion = mapping.source.kind === 'unset' ? suggestedSource(slot, content, customFields) : undefined;
        const errorMessages = errors.map((problem) => (
          <Field.Message key={problem.problem} validation="error">
            {t(`mappingProblem.${problem.problem}`)}
          </Field.Message>
        ));
        return (
          <Slot key={slot.id} $compact={compact}>
            <legend>
              <MD isBold>{label}</MD>
            </legend>
            <Field>
              <Field.Label hidden={compact}>{t('mapping.source', { slot: label })}</Field.Label>
              {mapping.source.kind === 'unset' && <Field.Hint>{t('mappingProblem.unmapped')}</Field.Hint>}
              <Select
                ref={(element) => {
                  if (element) sourceFields.current.set(slot.id, element);
                  else sourceFields.current.delete(slot.id);
                }}
                value={sourceValue(mapping.source)}
                onChange={(event) => replace(index, { source: parseSource(event.target.value, mapping.source), fallback: mapping.fallback })}>
                <option value={UNSET}>{t('mapping.choose')}</option>
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
                        {/* A title that another option already uses ("First name") is told apart by its key. */}
                        {takenLabels.has(field.title) || customFields.some((other) => other !== field && other.title === field.title) ? `${field.title} (${field.key})` : field.title}
                      </option>
                    ))}
                  </optgroup>
                )}
              </Select>
            </Field>
            {mapping.source.kind === 'unset' && suggestion && (
              <div>
                <Button
                  size="small"
                  isBasic
                  onClick={() => {
                    focusAfterSuggestion.current = slot.id;
                    replace(index, { source: suggestion, fallback: mapping.fallback });
                  }} aria-label={t('mapping.useSuggestionFor', { source: sourceName(t, suggestion, customFields), slot: label })}>
                  {t('mapping.useSuggestion', { source: sourceName(t, suggestion, customFields) })}
                </Button>
              </div>
            )}
            {mapping.source.kind === 'static' && (
              <Field>
                <Field.Label hidden={compact}>{t('mapping.value', { slot: label })}</Field.Label>
                {!compact && <Field.Hint>{t('mapping.valueHint')}</Field.Hint>}
                <Input
                  value={mapping.source.value}
                  // A new text is a new decision: a confirmation given for the example does not carry over.
                  onChange={(event) => replace(index, { source: { kind: 'static', value: event.target.value }, fallback: mapping.fallback })}
                  validation={errors.length ? 'error' : unconfirmedSample ? 'warning' : undefined}
                />
                {errorMessages}
                {unconfirmedSample && <Field.Message validation="warning">{t('mappingProblem.static-is-sample', { value: typed })}</Field.Message>}
              </Field>
            )}
            {mapping.source.kind === 'static' && confirmSample}
            {mapping.source.kind !== 'static' && mapping.source.kind !== 'unset' && (
              <Field>
                <Field.Label>{t('mapping.fallback', { slot: label })}</Field.Label>
                {!compact && <Field.Hint>{t('mapping.fallbackHint')}</Field.Hint>}
                <Input
                  value={mapping.fallback}
                  // A new fallback is a new decision: a confirmation given for the example does not carry over.
                  onChange={(event) => replace(index, { source: mapping.source, fallback: event.target.value })}
                  validation={errors.length ? 'error' : unconfirmedSample ? 'warning' : undefined}
                />
                {errorMessages}
                {unconfirmedSample && <Field.Message validation="warning">{t('mappingProblem.fallback-is-sample', { value: typed })}</Field.Message>}
              </Field>
            )}
            {mapping.source.kind !== 'static' && mapping.source.kind !== 'unset' && confirmSample}
          </Slot>
        );
      })}
    </div>
  );
}
