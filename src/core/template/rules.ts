import { bodyLength, bodyRequired } from './bodyRules';
import {
  buttonCount,
  buttonsNotMixed,
  buttonTextLength,
  buttonTextRequired,
  phoneButtonCount,
  phoneButtonNumber,
  urlButtonCount,
  urlButtonUrl,
  urlButtonVariablePosition,
} from './buttonRules';
import { categoryKnown, categoryNotAuthentication } from './categoryRules';
import { footerLength, footerStatic } from './footerRules';
import { headerMediaUrl, headerTextLength, headerTextRequired, headerVariableCount } from './headerRules';
import { languageKnown, languageRequired } from './languageRules';
import type { TemplateChannels, TemplateDraft } from './model';
import { nameLength, nameRequired } from './nameRules';
import { TEMPLATE_FIELDS, TEMPLATE_RULES, type TemplateProblem, type TemplateRule, type TemplateRuleId } from './problem';
import { smsBodyLength } from './smsRules';
import { tidyDraft } from './tidyDraft';
import {
  edgeVariablesHaveSamples,
  placeholdersClosed,
  placeholdersNotEmpty,
  samplesAreValidParameters,
  variablesNotAdjacent,
  variablesSequential,
} from './variableRules';

/**
 * Every rule a template must follow before Herald submits it: Meta's for WhatsApp (reference §2),
 * Twilio's for SMS, and Herald's own. Each is a named function (in the `*Rules.ts` files) so it
 * can be tested and explained on its own; `checkTemplate` runs those that apply to the chosen
 * channels and returns every problem at once, so the marketer fixes them in one pass.
 */

export { TEMPLATE_FIELDS, TEMPLATE_RULES, type TemplateField, type TemplateProblem, type TemplateRule, type TemplateRuleId } from './problem';
export { parameterValueProblem, type ParameterValueProblem } from './parameterValue';
export { positionalVariableProblems, type PositionalVariableProblem } from './placeholders';
export * from './nameRules';
export * from './languageRules';
export * from './categoryRules';
export * from './headerRules';
export * from './bodyRules';
export * from './footerRules';
export * from './buttonRules';
export * from './variableRules';
export * from './smsRules';

/** Which channel's platform sets the rule: `all` rules hold whatever the channel. */
export type RuleScope = 'all' | 'whatsapp' | 'sms';

/** Every rule id with its check and the channels it applies to. */
export const TEMPLATE_RULE_CHECKS: Readonly<Record<TemplateRuleId, { scope: RuleScope; check: TemplateRule }>> = {
  'name-required': { scope: 'all', check: nameRequired },
  'name-too-long': { scope: 'all', check: nameLength },
  'language-required': { scope: 'all', check: languageRequired },
  'language-unknown': { scope: 'whatsapp', check: languageKnown },
  'category-authentication': { scope: 'whatsapp', check: categoryNotAuthentication },
  'category-unknown': { scope: 'whatsapp', check: categoryKnown },
  'header-text-required': { scope: 'whatsapp', check: headerTextRequired },
  'header-text-too-long': { scope: 'whatsapp', check: headerTextLength },
  'header-too-many-variables': { scope: 'whatsapp', check: headerVariableCount },
  'header-media-url-invalid': { scope: 'whatsapp', check: headerMediaUrl },
  'body-required': { scope: 'all', check: bodyRequired },
  'body-too-long': { scope: 'whatsapp', check: bodyLength },
  'footer-too-long': { scope: 'whatsapp', check: footerLength },
  'footer-not-static': { scope: 'whatsapp', check: footerStatic },
  'buttons-too-many': { scope: 'whatsapp', check: buttonCount },
  'buttons-too-many-url': { scope: 'whatsapp', check: urlButtonCount },
  'buttons-too-many-phone': { scope: 'whatsapp', check: phoneButtonCount },
  'buttons-mixed': { scope: 'whatsapp', check: buttonsNotMixed },
  'button-text-required': { scope: 'whatsapp', check: buttonTextRequired },
  'button-text-too-long': { scope: 'whatsapp', check: buttonTextLength },
  'button-url-invalid': { scope: 'whatsapp', check: urlButtonUrl },
  'button-url-variable-position': { scope: 'whatsapp', check: urlButtonVariablePosition },
  'button-phone-invalid': { scope: 'whatsapp', check: phoneButtonNumber },
  'variables-not-sequential': { scope: 'whatsapp', check: (draft) => variablesSequential(draft) },
  'variables-adjacent': { scope: 'whatsapp', check: variablesNotAdjacent },
  'variable-at-edge-without-sample': { scope: 'whatsapp', check: edgeVariablesHaveSamples },
  // A broken placeholder is broken on every channel: SMS fills them in at send time too.
  'placeholder-empty': { scope: 'all', check: placeholdersNotEmpty },
  'placeholder-unclosed': { scope: 'all', check: placeholdersClosed },
  'sample-invalid': { scope: 'whatsapp', check: samplesAreValidParameters },
  'sms-body-too-long': { scope: 'sms', check: smsBodyLength },
};

export function checkTemplate(draft: TemplateDraft, channels: TemplateChannels): TemplateProblem[] {
  const tidy = tidyDraft(draft);
  // An SMS is its body alone: a header, footer or buttons written for WhatsApp are not checked for it.
  const checked = channels.whatsapp ? tidy : { ...tidy, header: { kind: 'none' as const }, footer: '', buttons: [] };
  const problems = TEMPLATE_RULES.map((rule) => TEMPLATE_RULE_CHECKS[rule])
    .filter(({ scope }) => scope === 'all' || channels[scope])
    .flatMap(({ check }) => check(checked));
  return sortByField(problems);
}

/** In the order of the editor's fields, each field's problems in rule order (the sort is stable). */
function sortByField(problems: TemplateProblem[]): TemplateProblem[] {
  const rank = (problem: TemplateProblem) => TEMPLATE_FIELDS.indexOf(problem.field);
  return [...problems].sort((a, b) => rank(a) - rank(b) || (a.index ?? -1) - (b.index ?? -1));
}
