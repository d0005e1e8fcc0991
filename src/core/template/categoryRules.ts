import { TEMPLATE_CATEGORIES } from './model';
import { problem, type TemplateRule } from './problem';

/**
 * Authentication templates carry one-time passwords in a format Meta builds itself (fixed text,
 * copy-code or one-tap button); Herald sends campaigns, not codes, so it does not create them.
 */
export const categoryNotAuthentication: TemplateRule = (draft) =>
  draft.category === 'AUTHENTICATION' ? [problem('category-authentication', 'category')] : [];

/** A draft read back from storage may hold a legacy category (`ALERT_UPDATE`) Meta no longer takes. */
export const categoryKnown: TemplateRule = (draft) =>
  (TEMPLATE_CATEGORIES as readonly string[]).includes(draft.category) ? [] : [problem('category-unknown', 'category', { category: String(draft.category) })];
