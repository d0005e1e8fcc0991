import type { TemplateProblem } from '../../core/template/rules';
import type { Translate } from '../i18n/messages';

/**
 * A rule's message in the agent's language. In the summary a button's problem says which button;
 * under the button's own field it does not need to.
 */
export function problemMessage(problem: TemplateProblem, t: Translate, where: 'summary' | 'field' = 'summary'): string {
  const message = t(`templates.rules.${problem.rule}`, problem.vars);
  if (where === 'field' || problem.field !== 'buttons' || problem.index === undefined) return message;
  return t('templates.editor.buttonProblem', { number: problem.index + 1, message });
}
