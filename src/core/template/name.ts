/**
 * Meta accepts template names made of lowercase a-z, 0-9 and `_` only, up to 512 characters. Herald
 * does not make the marketer guess: it turns what they type into such a name and lists what it
 * changed, so "Soldes d'été 2026!" becomes `soldes_dete_2026` in plain sight.
 */

export const TEMPLATE_NAME_MAX = 512;

/** In the order the UI lists them. */
export const NAME_CHANGES = ['lowercased', 'accents-removed', 'spaces-replaced', 'characters-removed', 'trimmed'] as const;
export type NameChange = (typeof NAME_CHANGES)[number];

export interface NormalizedName {
  name: string;
  changes: NameChange[];
}

/** Letters that Unicode decomposition does not reduce to a-z, spelt the way a reader expects. */
const LIGATURES: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ł: 'l', ð: 'd', þ: 'th', ı: 'i' };

const ALLOWED = /^[a-z0-9_]*$/;
/** Spaces and hyphens separate words: they become one underscore, where dropping them would glue the words. */
const SEPARATORS = /[\s-]+/g;

export function normalizeTemplateName(raw: string): NormalizedName {
  const changes = new Set<NameChange>();
  let name = raw;

  const trimmed = name.trim();
  if (trimmed !== name) changes.add('trimmed');
  name = trimmed;

  const lowered = name.toLowerCase();
  if (lowered !== name) changes.add('lowercased');
  name = lowered;

  const unaccented = removeAccents(name);
  if (unaccented !== name) changes.add('accents-removed');
  name = unaccented;

  // Other characters go before the separators are replaced, so "Promo !" ends as `promo`, not `promo_`.
  const kept = name.replace(/[^a-z0-9_\s-]/g, '');
  if (kept !== name) changes.add('characters-removed');
  name = kept;

  const retrimmed = name.replace(/^[\s-]+|[\s-]+$/g, '');
  if (retrimmed !== name) changes.add('trimmed');
  name = retrimmed;

  const joined = name.replace(SEPARATORS, '_');
  if (joined !== name) changes.add('spaces-replaced');
  name = joined;

  return { name, changes: NAME_CHANGES.filter((change) => changes.has(change)) };
}

/** True when Meta takes the name as it is. */
export function isValidTemplateName(name: string): boolean {
  return name.length > 0 && name.length <= TEMPLATE_NAME_MAX && ALLOWED.test(name);
}

function removeAccents(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .replace(/[ßæœøđłðþı]/g, (letter) => LIGATURES[letter] ?? letter);
}
