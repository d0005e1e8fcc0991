import { Button } from '@zendeskgarden/react-buttons';
import { Checkbox, Field, Fieldset, Input, Textarea } from '@zendeskgarden/react-forms';
import { Alert, Paragraph as AlertText, Title } from '@zendeskgarden/react-notifications';
import { SM, UnorderedList } from '@zendeskgarden/react-typography';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import styled from 'styled-components';
import { saveSettings } from '../../app/settings/saveSettings';
import { causeOf } from '../../core/failure/failureCause';
import {
  SETTINGS_FORM_FIELDS,
  SETTINGS_FORM_GROUPS,
  initialFormValues,
  isKeyField,
  type FormSettingName,
  type KeyFieldName,
  type SettingsFormIssue,
  type SettingsFormValues,
} from '../../core/settings/settingsForm';
import { useZaf } from '../../zaf/ZafProvider';
import type { Translate } from '../i18n/translator';
import { useI18n } from '../i18n/I18nProvider';
import { errorMessage } from '../components/errorMessage';
import { useHerald } from '../herald';

const Form = styled.form`
  display: flex;
  flex-direction: column;
  gap: ${(p) => p.theme.space.md};
  max-width: 640px;
`;

const Group = styled(Fieldset)`
  display: flex;
  flex-direction: column;
  gap: ${(p) => p.theme.space.sm};
`;

type Save = { status: 'idle' } | { status: 'saving' } | { status: 'saved'; at: number } | { status: 'failed'; error: unknown };

/**
 * Herald's installation settings, edited in the app by an admin and saved through Zendesk's Apps
 * API. Every problem is shown at once, next to its field, before anything is sent; what is typed
 * stays in the form whatever happens.
 */
export function SettingsForm({ keyRefused }: { keyRefused: boolean }) {
  const { t, formatDateTime } = useI18n();
  const { metadata, context, settings, applySettings } = useZaf();
  const { base } = useHerald();
  // Nothing saved yet: the manifest's defaults are offered and a key must be given.
  const firstSetup = !settings.ok && settings.issues.some((issue) => issue.setting === 'sunco_app_id' && issue.problem === 'missing');
  // A key the proxy could not use (none saved, or one saved by an earlier Herald) must be typed again.
  const keyRequired = firstSetup || keyRefused;
  const [values, setValues] = useState<SettingsFormValues>(() => initialFormValues(metadata.settings ?? {}, firstSetup));
  const [issues, setIssues] = useState<SettingsFormIssue[]>([]);
  const [refused, setRefused] = useState<Record<string, string>>({});
  const [save, setSave] = useState<Save>({ status: 'idle' });

  // A refused save lists each setting to correct, and the focus goes to that list: from there each
  // entry takes the focus to its field.
  const summary = useRef<HTMLDivElement>(null);
  const inputs = useRef(new Map<FormSettingName, HTMLElement>());
  const [summaryShown, setSummaryShown] = useState(0);
  useEffect(() => {
    if (summaryShown > 0) summary.current?.focus();
  }, [summaryShown]);
  const inputRef = (name: FormSettingName) => (element: HTMLElement | null) => {
    if (element) inputs.current.set(name, element);
    else inputs.current.delete(name);
  };
  const problemText = (issue: SettingsFormIssue) =>
    t('settings.installation.issue', { setting: fieldLabel(t, issue.setting), problem: t(`settings.problem.${issue.problem}`, { detail: issue.detail ?? '' }) });

  const change = (name: FormSettingName, value: string) => setValues((current) => ({ ...current, [name]: value }));
  const problemOf = (name: FormSettingName) => issues.find((issue) => issue.setting === name);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setRefused({});
    setSave({ status: 'saving' });
    try {
      const saved = await saveSettings({ ...base, installationId: metadata.installationId, subdomain: context.account.subdomain }, values, keyRequired);
      if (saved.status === 'invalid') {
        setIssues(saved.issues);
        setSave({ status: 'idle' });
        setSummaryShown((count) => count + 1);
        return;
      }
      setIssues([]);
      if (saved.status === 'refused') {
        setRefused(saved.fields);
        setSave({ status: 'failed', error: saved.error });
        return;
      }
      // The key is with Zendesk now, as the credential: it is never shown again.
      setValues((current) => ({ ...current, sunco_key_id: '', sunco_key_secret: '' }));
      setSave({ status: 'saved', at: Date.now() });
      // The app's context is rebuilt on the new settings: every check runs again by itself.
      applySettings(saved.visible);
    } catch (error) {
      setSave({ status: 'failed', error });
    }
  };

  return (
    <Form onSubmit={(event) => void submit(event)} noValidate aria-label={t('settings.form.title')}>
      {issues.length > 0 && (
        <Alert type="error" role="alert" ref={summary} tabIndex={-1}>
          <Title>{t('settings.form.issues', { count: issues.length })}</Title>
          <UnorderedList>
            {issues.map((issue) => (
              <UnorderedList.Item key={`${issue.setting}:${issue.problem}`}>
                <Button isLink onClick={() => inputs.current.get(issue.setting)?.focus()}>
                  {problemText(issue)}
                </Button>
              </UnorderedList.Item>
            ))}
          </UnorderedList>
        </Alert>
      )}
      {SETTINGS_FORM_GROUPS.map((group) => (
        <Group key={group}>
          <Fieldset.Legend>{t(`settings.form.group.${group}`)}</Fieldset.Legend>
          {SETTINGS_FORM_FIELDS.filter((field) => field.group === group).map((field) => {
            const problem = problemOf(field.name);
            const refusal = refused[field.name];
            const validation = problem || refusal ? 'error' : undefined;
            const label = fieldLabel(t, field.name);
            const hint = isKeyField(field.name) ? keyHint(t, field.name, firstSetup, keyRefused) : t(`app.parameters.${field.name}.helpText`);
            if (field.kind === 'checkbox')
              return (
                <Field key={field.name}>
                  <Checkbox ref={inputRef(field.name)} checked={values[field.name] === 'true'} onChange={(event) => change(field.name, String(event.target.checked))}>
                    <Field.Label>{label}</Field.Label>
                    <Field.Hint>{hint}</Field.Hint>
                  </Checkbox>
                </Field>
              );
            return (
              <Field key={field.name}>
                <Field.Label>{label}</Field.Label>
                <Field.Hint>{hint}</Field.Hint>
                {field.kind === 'multiline' ? (
                  <Textarea ref={inputRef(field.name)} value={values[field.name]} onChange={(event) => change(field.name, event.target.value)} validation={validation} minRows={3} />
                ) : (
                  <Input
                    ref={inputRef(field.name)}
                    value={values[field.name]}
                    onChange={(event) => change(field.name, event.target.value)}
                    validation={validation}
                    type={field.kind === 'secret' ? 'password' : 'text'}
                    inputMode={field.kind === 'number' ? 'numeric' : undefined}
                    autoComplete="off"
                    spellCheck={false}
                  />
                )}
                {problem && <Field.Message validation="error">{problemText(problem)}</Field.Message>}
                {refusal && <Field.Message validation="error">{t('settings.form.refused', { details: refusal })}</Field.Message>}
              </Field>
            );
          })}
        </Group>
      ))}
      {save.status === 'failed' && (
        <Alert type="error" role="alert">
          <Title>{t('settings.form.saveFailed')}</Title>
          <AlertText>{causeOf(save.error) === 'not-permitted' ? t('settings.form.adminOnly') : errorMessage(t, save.error, formatDateTime).message}</AlertText>
        </Alert>
      )}
      <div>
        <Button type="submit" isPrimary disabled={save.status === 'saving'}>
          {save.status === 'saving' ? t('settings.form.saving') : t('settings.form.save')}
        </Button>
      </div>
      {save.status === 'saved' && <SM role="status">{t('settings.form.saved', { at: formatDateTime(save.at) })}</SM>}
    </Form>
  );
}

/** A field's label: the key's two halves are the form's own fields, every other one a manifest parameter. */
function fieldLabel(t: Translate, name: FormSettingName): string {
  return isKeyField(name) ? t(`settings.form.key.${name}.label`) : t(`app.parameters.${name}.label`);
}

function keyHint(t: Translate, name: KeyFieldName, firstSetup: boolean, keyRefused: boolean): string {
  if (keyRefused && !firstSetup) return t('settings.form.keyAgain');
  return firstSetup ? t(`settings.form.key.${name}.helpText`) : t('settings.form.secretKept');
}
