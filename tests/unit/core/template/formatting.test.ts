import { describe, expect, it } from 'vitest';
import { parseWhatsAppFormatting, type FormattedNode } from '../../../../src/core/template/formatting';

const text = (value: string): FormattedNode => ({ kind: 'text', text: value });
const bold = (...children: FormattedNode[]): FormattedNode => ({ kind: 'bold', children });
const italic = (...children: FormattedNode[]): FormattedNode => ({ kind: 'italic', children });
const strike = (...children: FormattedNode[]): FormattedNode => ({ kind: 'strike', children });
const mono = (value: string): FormattedNode => ({ kind: 'mono', text: value });

describe('parseWhatsAppFormatting', () => {
  it('reads bold, italic, strike and monospace', () => {
    expect(parseWhatsAppFormatting('*Soldes* _ce week-end_ ~hier~ ```CODE10```')).toEqual([
      bold(text('Soldes')),
      text(' '),
      italic(text('ce week-end')),
      text(' '),
      strike(text('hier')),
      text(' '),
      mono('CODE10'),
    ]);
  });

  it('nests styles', () => {
    expect(parseWhatsAppFormatting('*bold _and italic_ and ~struck~*')).toEqual([bold(text('bold '), italic(text('and italic')), text(' and '), strike(text('struck')))]);
    expect(parseWhatsAppFormatting('_*both*_')).toEqual([italic(bold(text('both')))]);
  });

  it('formats only at word boundaries, as WhatsApp does', () => {
    expect(parseWhatsAppFormatting('2*3*4')).toEqual([text('2*3*4')]);
    expect(parseWhatsAppFormatting('* a *')).toEqual([text('* a *')]);
    expect(parseWhatsAppFormatting('snake_case_name')).toEqual([text('snake_case_name')]);
    expect(parseWhatsAppFormatting('a*b* c')).toEqual([text('a*b* c')]);
    expect(parseWhatsAppFormatting('*a*b')).toEqual([text('*a*b')]);
    expect(parseWhatsAppFormatting('(*note*), fin.')).toEqual([text('('), bold(text('note')), text('), fin.')]);
  });

  it('formats next to accents and emoji like next to spaces and letters', () => {
    expect(parseWhatsAppFormatting('été*x*')).toEqual([text('été*x*')]);
    expect(parseWhatsAppFormatting('😀*fête*😀')).toEqual([text('😀'), bold(text('fête')), text('😀')]);
  });

  it('keeps unmatched and empty marks as text', () => {
    expect(parseWhatsAppFormatting('*pas fermé')).toEqual([text('*pas fermé')]);
    expect(parseWhatsAppFormatting('** et __ et ~~')).toEqual([text('** et __ et ~~')]);
    expect(parseWhatsAppFormatting('```pas fermé')).toEqual([text('```pas fermé')]);
    expect(parseWhatsAppFormatting('*a _b* c_')).toEqual([bold(text('a _b')), text(' c_')]);
  });

  it('keeps newlines in text, does not style across lines, lets monospace span lines', () => {
    expect(parseWhatsAppFormatting('Ligne 1\n*Ligne 2*\n')).toEqual([text('Ligne 1\n'), bold(text('Ligne 2')), text('\n')]);
    expect(parseWhatsAppFormatting('*début\nfin*')).toEqual([text('*début\nfin*')]);
    expect(parseWhatsAppFormatting('```a\nb```')).toEqual([mono('a\nb')]);
  });

  it('does not format inside monospace', () => {
    expect(parseWhatsAppFormatting('```*pas gras*```')).toEqual([mono('*pas gras*')]);
  });

  it('treats HTML as text', () => {
    expect(parseWhatsAppFormatting('<script>alert(1)</script> *<b>x</b>*')).toEqual([text('<script>alert(1)</script> '), bold(text('<b>x</b>'))]);
  });

  it('gives nothing for an empty text', () => {
    expect(parseWhatsAppFormatting('')).toEqual([]);
  });

  it('reads a long value in time proportional to its length, whatever marks it holds', () => {
    // Opening marks that never close, on one line: each used to scan the rest of the line.
    const adversarial = (size: number) => ['*a ', '_b ', '~c ', '*_~d ', '```e '].join('').repeat(Math.ceil(size / 16)).slice(0, size);
    const time = (size: number) => {
      const value = adversarial(size);
      const started = performance.now();
      const nodes = parseWhatsAppFormatting(value);
      const elapsed = performance.now() - started;
      expect(nodes.length).toBeGreaterThan(0);
      return elapsed;
    };
    time(5_000); // warm-up
    const small = Math.max(time(10_000), 1);
    const large = time(100_000);
    // Ten times the text: about ten times the time. Quadratic work would take about a hundred.
    expect(large / small).toBeLessThan(35);
  });
});
