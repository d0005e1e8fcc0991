import { TEMPLATE_NAME_MAX, normalizeTemplateName } from './name';
import { problem, type TemplateRule } from './problem';

/** The name is checked as Herald will submit it: normalised, so "Soldes d'été" counts as `soldes_dete`. */
export const nameRequired: TemplateRule = (draft) => (normalizeTemplateName(draft.name).name === '' ? [problem('name-required', 'name')] : []);

export const nameLength: TemplateRule = (draft) => {
  const { length } = normalizeTemplateName(draft.name).name;
  return length > TEMPLATE_NAME_MAX ? [problem('name-too-long', 'name', { length, max: TEMPLATE_NAME_MAX })] : [];
};
