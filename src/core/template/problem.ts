import type { TemplateDraft } from './model';

/**
 * A problem with a template, as the editor shows it next to the field at fault. The rule id picks
 * the translated message, `vars` fills it in: the core never holds UI text.
 */
export const TEMPLATE_RULES = [
  'name-required',
  'name-too-long',
  'language-required',
  'language-unknown',
  'category-authentication',
  'category-unknown',
  'header-text-required',
  'header-text-too-long',
  'header-too-many-variables',
  'header-media-url-invalid',
  'body-required',
  'body-too-long',
  'footer-too-long',
  'footer-not-static',
  'buttons-too-many',
  'buttons-too-many-url',
  'buttons-too-many-phone',
  'buttons-mixed',
  'button-text-required',
  'button-text-too-long',
  'button-url-invalid',
  'button-url-variable-position',
  'button-phone-invalid',
  'variables-not-sequential',
  'variables-adjacent',
  'variable-at-edge-without-sample',
  'placeholder-empty',
  'placeholder-unclosed',
  'sample-invalid',
  'sms-body-too-long',
] as const;
export type TemplateRuleId = (typeof TEMPLATE_RULES)[number];

/** In the order the editor shows them. */
export const TEMPLATE_FIELDS = ['name', 'language', 'category', 'header', 'body', 'footer', 'buttons'] as const;
export type TemplateField = (typeof TEMPLATE_FIELDS)[number];

export interface TemplateProblem {
  rule: TemplateRuleId;
  field: TemplateField;
  /** button index for button rules */
  index?: number;
  /** values for the translated message, e.g. {length: 1100, max: 1024} */
  vars: Record<string, string | number>;
}

/** A rule reads a draft and says everything it finds wrong, or nothing. */
export type TemplateRule = (draft: TemplateDraft) => TemplateProblem[];

export function problem(rule: TemplateRuleId, field: TemplateField, vars: TemplateProblem['vars'] = {}, index?: number): TemplateProblem {
  return index === undefined ? { rule, field, vars } : { rule, field, index, vars };
}
