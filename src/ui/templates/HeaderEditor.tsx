import { Field, Input, Select } from '@zendeskgarden/react-forms';
import { MEDIA_HEADER_KINDS, type TemplateHeader } from '../../core/template/model';
import type { TemplateProblem } from '../../core/template/rules';
import { useI18n } from '../i18n/I18nProvider';
import { FieldProblems } from './FieldProblems';

const KINDS = ['none', 'text', ...MEDIA_HEADER_KINDS] as const;

export function HeaderEditor({ header, onChange, problems }: { header: TemplateHeader; onChange: (header: TemplateHeader) => void; problems: TemplateProblem[] }) {
  const { t } = useI18n();
  const changeKind = (kind: (typeof KINDS)[number]) => {
    if (kind === 'none') onChange({ kind });
    else if (kind === 'text') onChange({ kind, text: header.kind === 'text' ? header.text : '' });
    else onChange({ kind, url: header.kind !== 'none' && header.kind !== 'text' ? header.url : '' });
  };
  return (
    <>
      <Field>
        <Field.Label>{t('templates.editor.headerKind')}</Field.Label>
        <Select value={header.kind} onChange={(event) => changeKind(event.target.value as (typeof KINDS)[number])}>
          {KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`templates.editor.header.${kind}`)}
            </option>
          ))}
        </Select>
      </Field>
      {header.kind === 'text' && (
        <Field>
          <Field.Label>{t('templates.editor.headerText')}</Field.Label>
          <Field.Hint>{t('templates.editor.headerTextHint')}</Field.Hint>
          <Input value={header.text} onChange={(event) => onChange({ kind: 'text', text: event.target.value })} validation={problems.length ? 'error' : undefined} />
          <FieldProblems problems={problems} />
        </Field>
      )}
      {header.kind !== 'none' && header.kind !== 'text' && (
        <Field>
          <Field.Label>{t('templates.editor.headerUrl')}</Field.Label>
          <Field.Hint>{t('templates.editor.headerUrlHint')}</Field.Hint>
          <Input type="url" value={header.url} onChange={(event) => onChange({ kind: header.kind, url: event.target.value })} validation={problems.length ? 'error' : undefined} />
          <FieldProblems problems={problems} />
        </Field>
      )}
    </>
  );
}
