import { describe, expect, it } from 'vitest';
import { NAME_CHANGES, isValidTemplateName, normalizeTemplateName } from '../../../../src/core/template/name';

describe('normalizeTemplateName', () => {
  it("turns \"Soldes d'été 2026!\" into soldes_dete_2026 and says what changed", () => {
    expect(normalizeTemplateName("Soldes d'été 2026!")).toEqual({
      name: 'soldes_dete_2026',
      changes: ['lowercased', 'accents-removed', 'spaces-replaced', 'characters-removed'],
    });
  });

  it('reports no change for a name Meta already takes', () => {
    expect(normalizeTemplateName('order_update_2')).toEqual({ name: 'order_update_2', changes: [] });
  });

  it('trims, and joins words split by runs of spaces or hyphens with one underscore', () => {
    expect(normalizeTemplateName('  spring   sale - 2026 ')).toEqual({ name: 'spring_sale_2026', changes: ['spaces-replaced', 'trimmed'] });
    expect(normalizeTemplateName('black-friday')).toEqual({ name: 'black_friday', changes: ['spaces-replaced'] });
  });

  it('drops characters Meta refuses without leaving an underscore at the end', () => {
    expect(normalizeTemplateName('Promo !')).toEqual({ name: 'promo', changes: ['lowercased', 'characters-removed', 'trimmed'] });
    expect(normalizeTemplateName('50%_off')).toEqual({ name: '50_off', changes: ['characters-removed'] });
  });

  it('spells out letters that have no accent to remove', () => {
    expect(normalizeTemplateName('Sœur_Straße_Łódź').name).toBe('soeur_strasse_lodz');
    expect(normalizeTemplateName('Ñandú').changes).toEqual(['lowercased', 'accents-removed']);
  });

  it('gives an empty name when nothing usable is left', () => {
    expect(normalizeTemplateName('😀 !!!')).toEqual({ name: '', changes: ['characters-removed', 'trimmed'] });
    expect(normalizeTemplateName('')).toEqual({ name: '', changes: [] });
  });

  it('lists changes in a fixed order and is idempotent', () => {
    const once = normalizeTemplateName('  Été -- PROMO!! ');
    expect(once.changes).toEqual(NAME_CHANGES.filter((change) => once.changes.includes(change)));
    expect(normalizeTemplateName(once.name)).toEqual({ name: once.name, changes: [] });
  });

  it('does not cut long names: the length rule reports them', () => {
    expect(normalizeTemplateName('a'.repeat(600)).name).toHaveLength(600);
  });
});

describe('isValidTemplateName', () => {
  it('accepts lowercase letters, digits and underscores up to 512 characters', () => {
    expect(isValidTemplateName('order_update_2')).toBe(true);
    expect(isValidTemplateName('a'.repeat(512))).toBe(true);
  });

  it('refuses anything else', () => {
    for (const name of ['', 'Order', 'order-update', 'été', 'a b', 'a'.repeat(513)]) expect(isValidTemplateName(name), name).toBe(false);
  });
});
