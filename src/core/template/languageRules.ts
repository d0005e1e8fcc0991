import { isWhatsAppLanguage } from './languages';
import { problem, type TemplateRule } from './problem';

/** Name and language together identify a template, on WhatsApp and SMS alike. */
export const languageRequired: TemplateRule = (draft) => (draft.language.trim() === '' ? [problem('language-required', 'language')] : []);

export const languageKnown: TemplateRule = (draft) => {
  const language = draft.language.trim();
  return language !== '' && !isWhatsAppLanguage(language) ? [problem('language-unknown', 'language', { language })] : [];
};
