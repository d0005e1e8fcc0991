import { Button } from '@zendeskgarden/react-buttons';
import { Field, Fieldset, Input } from '@zendeskgarden/react-forms';
import styled from 'styled-components';
import type { TemplateButton } from '../../core/template/model';
import type { TemplateProblem } from '../../core/template/rules';
import { useI18n } from '../i18n/I18nProvider';
import { FieldProblems } from './FieldProblems';

const Row = styled.div`
  display: flex;
  flex-wrap: wrap;
  align-items: flex-end;
  gap: ${(p) => p.theme.space.sm};
  margin-bottom: ${(p) => p.theme.space.sm};

  & > div {
    flex: 1 1 160px;
  }
`;

const Actions = styled.div`
  display: flex;
  flex-wrap: wrap;
  gap: ${(p) => p.theme.space.xs};
`;

/** Rules about a button's address or number show under that field, the others under its text. */
const TARGET_RULES = new Set(['button-url-invalid', 'button-url-variable-position', 'button-phone-invalid']);

const NEW_BUTTON: Record<TemplateButton['type'], TemplateButton> = {
  quick_reply: { type: 'quick_reply', text: '' },
  url: { type: 'url', text: '', url: 'https://' },
  phone: { type: 'phone', text: '', phone: '+' },
};

interface ButtonsEditorProps {
  buttons: TemplateButton[];
  onChange: (buttons: TemplateButton[]) => void;
  problems: TemplateProblem[];
}

/** Quick replies, website and call buttons; the rules say which combinations Meta takes. */
export function ButtonsEditor({ buttons, onChange, problems }: ButtonsEditorProps) {
  const { t } = useI18n();
  const replace = (index: number, button: TemplateButton) => onChange(buttons.map((current, position) => (position === index ? button : current)));
  const general = problems.filter((problem) => problem.index === undefined);
  return (
    <Fieldset>
      <Fieldset.Legend>{t('templates.editor.buttons')}</Fieldset.Legend>
      {buttons.map((button, index) => {
        const own = problems.filter((problem) => problem.index === index && !TARGET_RULES.has(problem.rule));
        const target = problems.filter((problem) => problem.index === index && TARGET_RULES.has(problem.rule));
        const number = index + 1;
        return (
          <Row key={index} role="group" aria-label={t('templates.editor.buttonLabel', { number, type: t(`templates.editor.buttonType.${button.type}`) })}>
            <Field>
              <Field.Label>{t('templates.editor.buttonText', { number })}</Field.Label>
              <Input value={button.text} onChange={(event) => replace(index, { ...button, text: event.target.value })} validation={own.length ? 'error' : undefined} />
              <FieldProblems problems={own} />
            </Field>
            {button.type === 'url' && (
              <Field>
                <Field.Label>{t('templates.editor.buttonUrl', { number })}</Field.Label>
                <Input type="url" value={button.url} onChange={(event) => replace(index, { ...button, url: event.target.value })} validation={target.length ? 'error' : undefined} />
                <FieldProblems problems={target} />
              </Field>
            )}
            {button.type === 'phone' && (
              <Field>
                <Field.Label>{t('templates.editor.buttonPhone', { number })}</Field.Label>
                <Input type="tel" value={button.phone} onChange={(event) => replace(index, { ...button, phone: event.target.value })} validation={target.length ? 'error' : undefined} />
                <FieldProblems problems={target} />
              </Field>
            )}
            <Button size="small" isDanger isBasic onClick={() => onChange(buttons.filter((_, position) => position !== index))}>
              {t('templates.editor.removeButton', { number })}
            </Button>
          </Row>
        );
      })}
      <Actions>
        {(['quick_reply', 'url', 'phone'] as const).map((type) => (
          <Button key={type} size="small" onClick={() => onChange([...buttons, { ...NEW_BUTTON[type] }])}>
            {t(`templates.editor.add.${type}`)}
          </Button>
        ))}
      </Actions>
      <FieldProblems problems={general} />
    </Fieldset>
  );
}
