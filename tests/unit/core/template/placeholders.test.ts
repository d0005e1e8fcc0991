import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  editorSamples,
  fillSamples,
  fromPositional,
  isUsableSample,
  parseEditorText,
  positionalVariables,
  toPositional,
} from '../../../../src/core/template/placeholders';

describe('parseEditorText', () => {
  it('reads placeholders as variables with their sample, the rest as text', () => {
    expect(parseEditorText('Bonjour {{Clarice}}, commande {{#10482}} !')).toEqual([
      { kind: 'text', text: 'Bonjour ' },
      { kind: 'variable', sample: 'Clarice' },
      { kind: 'text', text: ', commande ' },
      { kind: 'variable', sample: '#10482' },
      { kind: 'text', text: ' !' },
    ]);
  });

  it('keeps stray, nested and unclosed braces as literal text', () => {
    expect(parseEditorText('a { b } {{c')).toEqual([{ kind: 'text', text: 'a { b } {{c' }]);
    expect(parseEditorText('{{{x}}}')).toEqual([
      { kind: 'text', text: '{' },
      { kind: 'variable', sample: 'x' },
      { kind: 'text', text: '}' },
    ]);
    expect(parseEditorText('{{a{b}}')).toEqual([{ kind: 'text', text: '{{a{b}}' }]);
  });

  it('reads empty and multi-line placeholders as variables, for the rules to judge', () => {
    expect(parseEditorText('{{}}{{ }}{{a\nb}}')).toEqual([
      { kind: 'variable', sample: '' },
      { kind: 'variable', sample: ' ' },
      { kind: 'variable', sample: 'a\nb' },
    ]);
    expect(parseEditorText('')).toEqual([]);
  });
});

describe('toPositional', () => {
  it('numbers each occurrence in order and keeps its sample', () => {
    expect(toPositional('Bonjour {{Clarice}}, {{Clarice}} !')).toEqual({ text: 'Bonjour {{1}}, {{2}} !', samples: ['Clarice', 'Clarice'] });
  });

  it('can start at another number', () => {
    expect(toPositional('{{a}} {{b}}', 3)).toEqual({ text: '{{3}} {{4}}', samples: ['a', 'b'] });
  });

  it('leaves a text without placeholders as it is', () => {
    expect(toPositional('Prix : 10 € {en promo}')).toEqual({ text: 'Prix : 10 € {en promo}', samples: [] });
  });
});

describe('fromPositional', () => {
  it('puts each sample back in place', () => {
    expect(fromPositional('Hello {{1}}, order {{2}} ships on {{3}}.', ['Clarice', '#10482', '24/11'])).toBe('Hello {{Clarice}}, order {{#10482}} ships on {{24/11}}.');
  });

  it('keeps {{n}} when the sample is missing or cannot stand between braces', () => {
    expect(fromPositional('{{1}} {{2}} {{3}}', ['Clarice', undefined])).toBe('{{Clarice}} {{2}} {{3}}');
    expect(fromPositional('{{1}}', ['a}b'])).toBe('{{1}}');
  });

  it('leaves placeholders that are not positions alone', () => {
    expect(fromPositional('{{first_name}} {{0}}', ['Clarice'])).toBe('{{first_name}} {{0}}');
  });

  it('reads positions written with spaces', () => {
    expect(fromPositional('{{ 1 }}', ['Clarice'])).toBe('{{Clarice}}');
  });
});

describe('samples', () => {
  it('lists the samples in order', () => {
    expect(editorSamples('{{a}} x {{b}} {{}}')).toEqual(['a', 'b', '']);
  });

  it('fills placeholders with the values given, the samples otherwise', () => {
    expect(fillSamples('Bonjour {{Clarice}}, {{-20 %}} !')).toBe('Bonjour Clarice, -20 % !');
    expect(fillSamples('Bonjour {{Clarice}}, {{-20 %}} !', ['Martin'])).toBe('Bonjour Martin, -20 % !');
    expect(fillSamples('Bonjour {{Clarice}}, {{-20 %}} !', [undefined, '-30 %'])).toBe('Bonjour Clarice, -30 % !');
  });

  it('tells which samples can stand between braces', () => {
    expect(isUsableSample('Clarice')).toBe(true);
    expect(isUsableSample(' ')).toBe(true);
    expect(isUsableSample(undefined)).toBe(false);
    expect(isUsableSample('a{b')).toBe(false);
  });

  it('lists the positions of a positional text', () => {
    expect(positionalVariables('{{2}} {{1}} {{name}} {{2}}')).toEqual([2, 1, 2]);
  });
});

// --- Properties: the two syntaxes convert into each other without loss ---

/** Characters that make placeholders hard: braces, spaces, accents, emoji, newlines. */
const CHARACTERS = ['{', '}', '{', '}', 'a', 'Z', '7', ' ', '  ', 'é', 'ç', '😀', '👩‍👩‍👧', '\n', '\t', '_', '*', '#', '%'];
const literal = fc.string({ unit: fc.constantFrom(...CHARACTERS), maxLength: 12 });
const sample = fc.string({ unit: fc.constantFrom(...CHARACTERS.filter((char) => char !== '{' && char !== '}')), maxLength: 8 });
const placeholder = sample.map((value) => `{{${value}}}`);
const editorText = fc.array(fc.oneof(literal, placeholder, placeholder), { maxLength: 10 }).map((pieces) => pieces.join(''));

const PLACEHOLDER = /\{\{[^{}]*\}\}/;

/** Positional texts: literal pieces (braces allowed, but never forming a placeholder) around {{1}}…{{n}}, with samples. */
const positionalText = fc
  .array(fc.tuple(literal.filter((text) => !PLACEHOLDER.test(text)), sample), { maxLength: 6 })
  .chain((parts) =>
    literal
      .filter((text) => !PLACEHOLDER.test(text))
      .map((tail) => ({
        text: parts.map(([text], index) => `${text}{{${index + 1}}}`).join('') + tail,
        samples: parts.map(([, value]) => value),
      })),
  )
  // Literal braces next to a variable must not make the text declare other placeholders.
  .filter(({ text, samples }) => positionalVariables(text).join() === samples.map((_, index) => index + 1).join() && [...text.matchAll(/\{\{[^{}]*\}\}/g)].length === samples.length);

describe('placeholder properties', () => {
  it('editor text → positional → editor text gives back the same text', () => {
    fc.assert(
      fc.property(editorText, (text) => {
        const { text: positional, samples } = toPositional(text);
        expect(fromPositional(positional, samples)).toBe(text);
      }),
      { numRuns: 2000 },
    );
  });

  it('holds for any string at all', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const { text: positional, samples } = toPositional(text);
        expect(fromPositional(positional, samples)).toBe(text);
      }),
      { numRuns: 1000 },
    );
  });

  it('positional text + samples → editor text → positional gives back both', () => {
    fc.assert(
      fc.property(positionalText, ({ text, samples }) => {
        expect(toPositional(fromPositional(text, samples))).toEqual({ text, samples });
      }),
      { numRuns: 2000 },
    );
  });

  it('numbers the variables of any editor text 1..n in order', () => {
    fc.assert(
      fc.property(editorText, (text) => {
        const { text: positional, samples } = toPositional(text);
        expect(positionalVariables(positional)).toEqual(samples.map((_, index) => index + 1));
        expect(samples).toEqual(editorSamples(text));
      }),
      { numRuns: 1000 },
    );
  });
});
