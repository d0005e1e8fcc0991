import { Button } from '@zendeskgarden/react-buttons';
import { Field, Input, Select, Textarea } from '@zendeskgarden/react-forms';
import { Alert, Title } from '@zendeskgarden/react-notifications';
import { UnorderedList } from '@zendeskgarden/react-typography';
import { useMemo, useState, type FormEvent } from 'react';
import styled from 'styled-components';
import type { MessagingIntegration } from '../../api/sunshine/integrations';
import { WHATSAPP_LANGUAGES } from '../../core/template/languages';
import { draftContent } from '../../core/template/meta';
import { TEMPLATE_CATEGORIES, type TemplateCategory, type TemplateDraft } from '../../core/template/model';
import type { TemplateField } from '../../core/template/rules';
import type { TargetOutcome } from '../../store/templateCatalogue';
import { Section } from '../components/Section';
import { useI18n } from '../i18n/I18nProvider';
import { submitTemplate } from '../../app/templates/templates';
import { useAppContext } from '../herald';
import { ButtonsEditor } from './ButtonsEditor';
import { FieldProblems } from './FieldProblems';
import { HeaderEditor } from './HeaderEditor';
import { languageName } from './languageName';
import { problemMessage } from './problemMessage';
import { SubmissionReport } from './SubmissionReport';
import { TargetPicker } from './TargetPicker';
import { TemplatePreview } from './TemplatePreview';
import { useTemplateDraft } from './useTemplateDraft';

const Columns = styled.div`
  display: grid;
  grid-template-columns: minmax(0, 1fr) minmax(280px, 380px);
  gap: ${(p) => p.theme.space.lg};
  align-items: start;
`;

const Form = styled.form`
  display: flex;
  flex-direction: column;
  gap: ${(p) => p.theme.space.md};
`;

const Sticky = styled.div`
  position: sticky;
  top: ${(p) => p.theme.space.md};
`;

interface TemplateEditorProps {
  integrations: readonly MessagingIntegration[];
  smsAvailable: boolean;
  onCancel: () => void;
  onDone: () => void;
}

/** A new template: live validation against Meta's rules, live preview, submission per target. */
export function TemplateEditor({ integrations, smsAvailable, onCancel, onDone }: TemplateEditorProps) {
  const { t, locale } = useI18n();
  const context = useAppContext();
  const editor = useTemplateDraft(integrations, locale === 'fr' ? 'fr' : 'en_US');
  const { draft, problems, normalisedName, targets, submission } = editor;
  // A field shows its problems in red once the marketer has changed it: a new template is not a
  // form full of mistakes. The summary above the Submit button lists every problem all along.
  const [touched, setTouched] = useState<ReadonlySet<TemplateField>>(() => new Set());
  const update = (patch: Partial<TemplateDraft>) => {
    setTouched((current) => new Set([...current, ...(Object.keys(patch) as TemplateField[])]));
    editor.update(patch);
  };
  const [outcomes, setOutcomes] = useState<TargetOutcome[] | undefined>();
  const [sending, setSending] = useState(false);
  const content = useMemo(() => draftContent(draft), [draft]);
  const languages = useMemo(
    () => [...WHATSAPP_LANGUAGES].sort((a, b) => languageName(a, locale).localeCompare(languageName(b, locale), locale)),
    [locale],
  );
  const of = (field: TemplateField) => (touched.has(field) ? problems.filter((problem) => problem.field === field) : []);

  const send = async (chosen = targets) => {
    setSending(true);
    // A refusal of the whole submission (the right to edit templates) fails every target, each saying why.
    const results = await submitTemplate(context, draft, chosen).catch((error: unknown) => chosen.map((target): TargetOutcome => ({ target, status: 'failed', error })));
    setSending(false);
    // A retry replaces the outcomes of the targets it tried, and keeps the others.
    setOutcomes((previous) => (previous ? previous.map((old) => results.find((fresh) => fresh.target === old.target) ?? old) : results));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (submission.canSubmit && !sending) void send();
  };

  const retry = () => void send(outcomes?.filter((outcome) => outcome.status === 'failed').map((outcome) => outcome.target) ?? []);

  return (
    <Section title={t('templates.editor.title')} intro={t('templates.editor.intro')} focusKey={1}>
      <Columns>
        <Form onSubmit={submit} noValidate aria-label={t('templates.editor.title')}>
          <TargetPicker integrations={integrations} chosen={editor.chosen} onToggle={editor.toggleTarget} smsAvailable={smsAvailable} />
          <Field>
            <Field.Label>{t('templates.editor.name')}</Field.Label>
            <Field.Hint>
              {normalisedName.changes.length > 0 && normalisedName.name
                ? t('templates.editor.nameChanged', {
                    name: normalisedName.name,
                    changes: normalisedName.changes.map((change) => t(`templates.nameChange.${change}`)).join(', '),
                  })
                : t('templates.editor.nameHint')}
            </Field.Hint>
            <Input value={draft.name} onChange={(event) => update({ name: event.target.value })} validation={of('name').length ? 'error' : undefined} />
            <FieldProblems problems={of('name')} />
          </Field>
          <Field>
            <Field.Label>{t('templates.editor.language')}</Field.Label>
            <Select value={draft.language} onChange={(event) => update({ language: event.target.value })} validation={of('language').length ? 'error' : undefined}>
              {languages.map((code) => (
                <option key={code} value={code}>
                  {`${languageName(code, locale)} (${code})`}
                </option>
              ))}
            </Select>
            <FieldProblems problems={of('language')} />
          </Field>
          {editor.channels.whatsapp && (
            <>
              <Field>
                <Field.Label>{t('templates.editor.category')}</Field.Label>
                <Field.Hint>{t('templates.editor.categoryHint')}</Field.Hint>
                <Select value={draft.category} onChange={(event) => update({ category: event.target.value as TemplateCategory })} validation={of('category').length ? 'error' : undefined}>
                  {TEMPLATE_CATEGORIES.map((category) => (
                    <option key={category} value={category}>
                      {t(`templates.category.${category}`)}
                    </option>
                  ))}
                </Select>
                <FieldProblems problems={of('category')} />
              </Field>
              <HeaderEditor header={draft.header} onChange={(header) => update({ header })} problems={of('header')} />
            </>
          )}
          <Field>
            <Field.Label>{t('templates.editor.body')}</Field.Label>
            <Field.Hint>{t('templates.editor.bodyHint')}</Field.Hint>
            <Textarea minRows={5} isResizable value={draft.body} onChange={(event) => update({ body: event.target.value })} validation={of('body').length ? 'error' : undefined} />
            <FieldProblems problems={of('body')} />
          </Field>
          {editor.channels.whatsapp && (
            <>
              <Field>
                <Field.Label>{t('templates.editor.footer')}</Field.Label>
                <Field.Hint>{t('templates.editor.footerHint')}</Field.Hint>
                <Input value={draft.footer} onChange={(event) => update({ footer: event.target.value })} validation={of('footer').length ? 'error' : undefined} />
                <FieldProblems problems={of('footer')} />
              </Field>
              <ButtonsEditor buttons={draft.buttons} onChange={(buttons) => update({ buttons })} problems={of('buttons')} />
            </>
          )}
          {!submission.canSubmit && (
            <Alert type="warning" role="status" aria-live="polite">
              <Title>{t('templates.editor.toFix', { count: submission.blockers })}</Title>
              <UnorderedList>
                {submission.noTarget && <UnorderedList.Item>{t('templates.editor.noTarget')}</UnorderedList.Item>}
                {problems.map((problem, index) => (
                  <UnorderedList.Item key={index}>{problemMessage(problem, t)}</UnorderedList.Item>
                ))}
              </UnorderedList>
            </Alert>
          )}
          {outcomes && <SubmissionReport outcomes={outcomes} retrying={sending} onRetry={retry} onDone={onDone} />}
          <div>
            <Button type="submit" isPrimary disabled={!submission.canSubmit || sending || (outcomes !== undefined && outcomes.every((outcome) => outcome.status !== 'failed'))}>
              {sending ? t('templates.submit.sending') : t('templates.submit.submit')}
            </Button>{' '}
            <Button onClick={onCancel} isBasic>
              {t('common.cancel')}
            </Button>
          </div>
        </Form>
        <Sticky>
          <TemplatePreview content={content} />
        </Sticky>
      </Columns>
    </Section>
  );
}
