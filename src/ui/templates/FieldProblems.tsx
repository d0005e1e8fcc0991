import { Field } from '@zendeskgarden/react-forms';
import type { TemplateProblem } from '../../core/template/rules';
import { useI18n } from '../i18n/I18nProvider';
import { problemMessage } from './problemMessage';

/** The problems of one field, under it. */
export function FieldProblems({ problems }: { problems: readonly TemplateProblem[] }) {
  const { t } = useI18n();
  return problems.map((problem, index) => (
    <Field.Message key={index} validation="error">
      {problemMessage(problem, t, 'field')}
    </Field.Message>
  ));
}
