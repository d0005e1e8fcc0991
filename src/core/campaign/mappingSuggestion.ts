import type { TemplateContent } from '../template/meta';
import { parseEditorText } from '../template/placeholders';
import type { TemplateSlot, ValueSource } from './mapping';

/**
 * A source to offer for a placeholder, never to apply on its own: the marketer chooses. Read from
 * the words just before the placeholder ("Bonjour {{…}}" → the first name, "votre commande {{…}}"
 * → a custom field titled "Numéro de commande") and from the shape of its sample (an email, a phone
 * number). Nothing is suggested when nothing is clear.
 */

export interface SuggestableField {
  key: string;
  title: string;
}

/** Greetings in the languages Herald's users write most, as the last word before the placeholder. */
const GREETINGS = new Set([
  'hello',
  'hi',
  'hey',
  'dear',
  'bonjour',
  'bonsoir',
  'salut',
  'coucou',
  'cher',
  'chere',
  'hola',
  'ciao',
  'hallo',
  'ola',
  'oi',
  'buongiorno',
  'welcome',
  'bienvenue',
  'merci',
  'thanks',
  'thank',
]);

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[\d\s().-]{7,}$/;
/** Words too common to tie a placeholder to a field ("your", "de", …): a clue has at least 4 letters. */
const MIN_CLUE_LETTERS = 4;

export function suggestedSource(slot: TemplateSlot, content: TemplateContent, customFields: readonly SuggestableField[]): ValueSource | undefined {
  const sample = slot.sample.trim();
  if (EMAIL.test(sample)) return { kind: 'user', field: 'email' };
  if (PHONE.test(sample) && /\d{6}/.test(sample.replace(/\D/g, ''))) return { kind: 'user', field: 'phone' };
  const words = wordsBefore(slot, content);
  const last = words.at(-1);
  if (last !== undefined && GREETINGS.has(last)) return { kind: 'user', field: 'first_name' };
  for (const clue of [...words].reverse().slice(0, 2)) {
    if (clue.length < MIN_CLUE_LETTERS) continue;
    const field = customFields.find((candidate) => fieldWords(candidate).includes(clue));
    if (field) return { kind: 'custom', key: field.key };
  }
  return undefined;
}

/** The words of the text right before the slot's placeholder, folded (lower case, no accents), last one last. */
function wordsBefore(slot: TemplateSlot, content: TemplateContent): string[] {
  const text = slot.component === 'header' && content.header.kind === 'text' ? content.header.text : slot.component === 'body' ? content.body : undefined;
  if (text === undefined) return [];
  const pieces = parseEditorText(text);
  const target = slot.component === 'header' ? 1 : slot.position;
  let seen = 0;
  for (let index = 0; index < pieces.length; index += 1) {
    if (pieces[index]?.kind !== 'variable') continue;
    seen += 1;
    if (seen !== target) continue;
    const before = pieces[index - 1];
    return before?.kind === 'text' ? foldedWords(lastSentence(before.text)) : [];
  }
  return [];
}

/** Only the sentence the placeholder is in: "Merci. Votre {{…}}" says nothing of a name. */
function lastSentence(text: string): string {
  const parts = text.split(/[.!?\n]\s/);
  return parts.at(-1) ?? '';
}

function foldedWords(text: string): string[] {
  return fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '');
}

function fieldWords(field: SuggestableField): string[] {
  return foldedWords(`${field.title} ${field.key.replace(/_/g, ' ')}`);
}

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();
}
