import { describe, expect, it } from 'vitest';
import type { TemplateDraft } from '../../../../src/core/template/model';
import { toPositional } from '../../../../src/core/template/placeholders';
import {
  TEMPLATE_RULE_CHECKS,
  TEMPLATE_RULES,
  bodyLength,
  bodyRequired,
  buttonCount,
  buttonsNotMixed,
  buttonTextLength,
  buttonTextRequired,
  categoryKnown,
  categoryNotAuthentication,
  checkTemplate,
  edgeVariablesHaveSamples,
  footerLength,
  footerStatic,
  headerMediaUrl,
  headerTextLength,
  headerTextRequired,
  headerVariableCount,
  languageKnown,
  languageRequired,
  nameLength,
  nameRequired,
  parameterValueProblem,
  phoneButtonCount,
  phoneButtonNumber,
  placeholdersClosed,
  placeholdersNotEmpty,
  positionalVariableProblems,
  samplesAreValidParameters,
  smsBodyLength,
  urlButtonCount,
  urlButtonUrl,
  urlButtonVariablePosition,
  variablesNotAdjacent,
  variablesSequential,
  type TemplateProblem,
  type TemplateRule,
  type TemplateRuleId,
} from '../../../../src/core/template/rules';
import { phoneButton, quickReply, urlButton, validDraft } from './fixtures';

const WHATSAPP = { whatsapp: true, sms: false };
const SMS = { whatsapp: false, sms: true };
const BOTH = { whatsapp: true, sms: true };

interface RuleCase {
  check: TemplateRule;
  /** What the rule is about, for the test's name. */
  about: string;
  passing: TemplateDraft;
  failing: TemplateDraft;
  problems: TemplateProblem[];
}

/** A failing and a passing draft for every rule, with exactly what the failing one reports. */
const CASES: Record<TemplateRuleId, RuleCase> = {
  'name-required': {
    check: nameRequired,
    about: 'a name that normalises to nothing',
    passing: validDraft({ name: 'Soldes !' }),
    failing: validDraft({ name: ' !!! ' }),
    problems: [{ rule: 'name-required', field: 'name', vars: {} }],
  },
  'name-too-long': {
    check: nameLength,
    about: 'a name over 512 characters once normalised',
    passing: validDraft({ name: `${'a'.repeat(512)}!!!` }),
    failing: validDraft({ name: 'A'.repeat(513) }),
    problems: [{ rule: 'name-too-long', field: 'name', vars: { length: 513, max: 512 } }],
  },
  'language-required': {
    check: languageRequired,
    about: 'no language',
    passing: validDraft({ language: 'pt_BR' }),
    failing: validDraft({ language: '  ' }),
    problems: [{ rule: 'language-required', field: 'language', vars: {} }],
  },
  'language-unknown': {
    check: languageKnown,
    about: 'a BCP 47 tag instead of a Meta code',
    passing: validDraft({ language: 'en_US' }),
    failing: validDraft({ language: 'fr-FR' }),
    problems: [{ rule: 'language-unknown', field: 'language', vars: { language: 'fr-FR' } }],
  },
  'category-authentication': {
    check: categoryNotAuthentication,
    about: 'an authentication template',
    passing: validDraft({ category: 'UTILITY' }),
    failing: validDraft({ category: 'AUTHENTICATION' }),
    problems: [{ rule: 'category-authentication', field: 'category', vars: {} }],
  },
  'category-unknown': {
    check: categoryKnown,
    about: 'a legacy category read back from storage',
    passing: validDraft({ category: 'MARKETING' }),
    failing: validDraft({ category: 'ALERT_UPDATE' as TemplateDraft['category'] }),
    problems: [{ rule: 'category-unknown', field: 'category', vars: { category: 'ALERT_UPDATE' } }],
  },
  'header-text-required': {
    check: headerTextRequired,
    about: 'a text header with no text',
    passing: validDraft({ header: { kind: 'text', text: 'Soldes' } }),
    failing: validDraft({ header: { kind: 'text', text: '  ' } }),
    problems: [{ rule: 'header-text-required', field: 'header', vars: {} }],
  },
  'header-text-too-long': {
    check: headerTextLength,
    about: 'a header over 60 characters, counted in positional form',
    // 55 + `{{1}}` = 60, however long the sample.
    passing: validDraft({ header: { kind: 'text', text: `${'x'.repeat(55)}{{a sample much longer than the header itself}}` } }),
    failing: validDraft({ header: { kind: 'text', text: 'x'.repeat(61) } }),
    problems: [{ rule: 'header-text-too-long', field: 'header', vars: { length: 61, max: 60 } }],
  },
  'header-too-many-variables': {
    check: headerVariableCount,
    about: 'a header with two variables',
    passing: validDraft({ header: { kind: 'text', text: 'Commande {{#10482}}' } }),
    failing: validDraft({ header: { kind: 'text', text: 'Bonjour {{Clarice}}, commande {{#10482}}' } }),
    problems: [{ rule: 'header-too-many-variables', field: 'header', vars: { variables: 2, max: 1 } }],
  },
  'header-media-url-invalid': {
    check: headerMediaUrl,
    about: 'a media header that is not a hosted https:// URL',
    passing: validDraft({ header: { kind: 'image', url: 'https://cdn.example.com/soldes.jpg' } }),
    failing: validDraft({ header: { kind: 'video', url: 'http://cdn.example.com/soldes.mp4' } }),
    problems: [{ rule: 'header-media-url-invalid', field: 'header', vars: { kind: 'video', url: 'http://cdn.example.com/soldes.mp4' } }],
  },
  'body-required': {
    check: bodyRequired,
    about: 'a blank body',
    passing: validDraft({ body: 'Bonjour' }),
    failing: validDraft({ body: ' \n ' }),
    problems: [{ rule: 'body-required', field: 'body', vars: {} }],
  },
  'body-too-long': {
    check: bodyLength,
    about: 'a body over 1024 characters, counted in positional form',
    // 1000 + `{{1}}` = 1005 for Meta, though the editor shows 1104 characters.
    passing: validDraft({ body: `${'a'.repeat(1000)}{{${'s'.repeat(100)}}}` }),
    failing: validDraft({ body: 'a'.repeat(1020) + '{{Clarice}}' }),
    problems: [{ rule: 'body-too-long', field: 'body', vars: { length: 1025, max: 1024 } }],
  },
  'footer-too-long': {
    check: footerLength,
    about: 'a footer over 60 characters',
    passing: validDraft({ footer: 'f'.repeat(60) }),
    failing: validDraft({ footer: 'f'.repeat(61) }),
    problems: [{ rule: 'footer-too-long', field: 'footer', vars: { length: 61, max: 60 } }],
  },
  'footer-not-static': {
    check: footerStatic,
    about: 'a placeholder in the footer',
    passing: validDraft({ footer: 'Répondez STOP pour vous désabonner' }),
    failing: validDraft({ footer: 'Votre code : {{PROMO10}}' }),
    problems: [{ rule: 'footer-not-static', field: 'footer', vars: {} }],
  },
  'buttons-too-many': {
    check: buttonCount,
    about: 'more than 10 buttons',
    passing: validDraft({ buttons: Array.from({ length: 10 }, (_, index) => quickReply(`Choix ${index + 1}`)) }),
    failing: validDraft({ buttons: Array.from({ length: 11 }, (_, index) => quickReply(`Choix ${index + 1}`)) }),
    problems: [{ rule: 'buttons-too-many', field: 'buttons', vars: { total: 11, max: 10 } }],
  },
  'buttons-too-many-url': {
    check: urlButtonCount,
    about: 'more than 2 URL buttons',
    passing: validDraft({ buttons: [urlButton('https://shop.example.com/a'), urlButton('https://shop.example.com/b')] }),
    failing: validDraft({ buttons: ['a', 'b', 'c'].map((page) => urlButton(`https://shop.example.com/${page}`)) }),
    problems: [{ rule: 'buttons-too-many-url', field: 'buttons', vars: { total: 3, max: 2 } }],
  },
  'buttons-too-many-phone': {
    check: phoneButtonCount,
    about: 'more than 1 phone button',
    passing: validDraft({ buttons: [phoneButton('+33644980142')] }),
    failing: validDraft({ buttons: [phoneButton('+33644980142'), phoneButton('+12125550100')] }),
    problems: [{ rule: 'buttons-too-many-phone', field: 'buttons', vars: { total: 2, max: 1 } }],
  },
  'buttons-mixed': {
    check: buttonsNotMixed,
    about: 'quick replies and call-to-action buttons together',
    passing: validDraft({ buttons: [urlButton('https://shop.example.com'), phoneButton('+33644980142')] }),
    failing: validDraft({ buttons: [quickReply('Oui'), phoneButton('+33644980142')] }),
    problems: [{ rule: 'buttons-mixed', field: 'buttons', vars: {} }],
  },
  'button-text-required': {
    check: buttonTextRequired,
    about: 'a button with no text',
    passing: validDraft({ buttons: [quickReply('Oui'), quickReply('Non')] }),
    failing: validDraft({ buttons: [quickReply('Oui'), quickReply('  ')] }),
    problems: [{ rule: 'button-text-required', field: 'buttons', index: 1, vars: { button: 2 } }],
  },
  'button-text-too-long': {
    check: buttonTextLength,
    about: 'a button text over 25 characters',
    passing: validDraft({ buttons: [quickReply('t'.repeat(25))] }),
    failing: validDraft({ buttons: [quickReply('Oui'), quickReply('t'.repeat(26))] }),
    problems: [{ rule: 'button-text-too-long', field: 'buttons', index: 1, vars: { button: 2, length: 26, max: 25 } }],
  },
  'button-url-invalid': {
    check: urlButtonUrl,
    about: 'a link that is not https://',
    passing: validDraft({ buttons: [urlButton('https://shop.example.com/orders/{{10482}}')] }),
    failing: validDraft({ buttons: [urlButton('http://shop.example.com/orders')] }),
    problems: [{ rule: 'button-url-invalid', field: 'buttons', index: 0, vars: { button: 1, url: 'http://shop.example.com/orders' } }],
  },
  'button-url-variable-position': {
    check: urlButtonVariablePosition,
    about: 'a link variable that is not at the very end',
    passing: validDraft({ buttons: [urlButton('https://shop.example.com/orders/{{10482}}')] }),
    failing: validDraft({ buttons: [urlButton('https://shop.example.com/{{orders}}/list')] }),
    problems: [{ rule: 'button-url-variable-position', field: 'buttons', index: 0, vars: { button: 1, variables: 1 } }],
  },
  'button-phone-invalid': {
    check: phoneButtonNumber,
    about: 'a phone number that is not international',
    passing: validDraft({ buttons: [phoneButton('+33 6 44 98 01 42')] }),
    failing: validDraft({ buttons: [phoneButton('06 44 98 01 42')] }),
    problems: [{ rule: 'button-phone-invalid', field: 'buttons', index: 0, vars: { button: 1, phone: '06 44 98 01 42' } }],
  },
  'variables-not-sequential': {
    // Herald numbers the variables itself: a numbering that starts at 2 stands for a bug it must catch.
    check: (draft) => variablesSequential(draft, (text) => toPositional(text, 2)),
    about: 'positional variables that do not start at {{1}}',
    passing: validDraft({ body: 'Bonjour' }),
    failing: validDraft({ body: 'Bonjour {{Clarice}}, {{-20 %}} sur tout.' }),
    problems: [{ rule: 'variables-not-sequential', field: 'body', vars: { found: '{{2}}, {{3}}' } }],
  },
  'variables-adjacent': {
    check: variablesNotAdjacent,
    about: 'two variables with only spaces between them',
    passing: validDraft({ body: 'Bonjour {{Clarice}} et {{Martin}} !' }),
    failing: validDraft({ body: 'Bonjour {{Clarice}}  {{Martin}} !' }),
    problems: [{ rule: 'variables-adjacent', field: 'body', vars: { first: 'Clarice', second: 'Martin' } }],
  },
  'variable-at-edge-without-sample': {
    check: edgeVariablesHaveSamples,
    about: 'a body that starts with a variable without sample',
    passing: validDraft({ body: '{{Clarice}}, vos points expirent le {{31/12}}' }),
    failing: validDraft({ body: '{{ }}, vos points expirent bientôt' }),
    problems: [{ rule: 'variable-at-edge-without-sample', field: 'body', vars: { edge: 'start' } }],
  },
  'placeholder-empty': {
    check: placeholdersNotEmpty,
    about: 'empty and blank placeholders',
    passing: validDraft({ body: 'Bonjour {{Clarice}}' }),
    failing: validDraft({ body: 'Bonjour {{}}, votre code est {{   }}.' }),
    problems: [{ rule: 'placeholder-empty', field: 'body', vars: { empty: 2 } }],
  },
  'placeholder-unclosed': {
    check: placeholdersClosed,
    about: 'a {{ that is never closed',
    passing: validDraft({ body: 'Bonjour {{Clarice}}, à bientôt' }),
    failing: validDraft({ body: 'Bonjour {{Clarice, à bientôt sur notre site' }),
    problems: [{ rule: 'placeholder-unclosed', field: 'body', vars: { excerpt: '{{Clarice, à bientôt' } }],
  },
  'sample-invalid': {
    check: samplesAreValidParameters,
    about: 'a sample Meta would refuse as a parameter value',
    passing: validDraft({ body: 'Bonjour {{Clarice Martin}}' }),
    failing: validDraft({ body: 'Bonjour {{Clarice\nMartin}}' }),
    problems: [{ rule: 'sample-invalid', field: 'body', vars: { sample: 'Clarice\nMartin', reason: 'newline' } }],
  },
  'sms-body-too-long': {
    check: smsBodyLength,
    about: 'an SMS over 1600 characters, samples in place',
    passing: validDraft({ body: 'a'.repeat(1600) }),
    failing: validDraft({ body: `${'a'.repeat(1590)}{{Clarice Martin}}` }),
    problems: [{ rule: 'sms-body-too-long', field: 'body', vars: { length: 1604, max: 1600 } }],
  },
};

describe('each template rule', () => {
  it('has a test case and a check for every rule id', () => {
    expect(Object.keys(CASES).sort()).toEqual([...TEMPLATE_RULES].sort());
    expect(Object.keys(TEMPLATE_RULE_CHECKS).sort()).toEqual([...TEMPLATE_RULES].sort());
  });

  describe.each(Object.entries(CASES))('%s', (_rule, { check, about, passing, failing, problems }) => {
    it(`accepts a draft without ${about}`, () => {
      expect(check(passing)).toEqual([]);
    });

    it(`refuses ${about}`, () => {
      expect(check(failing)).toEqual(problems);
    });
  });
});

describe('rule details', () => {
  it('normalises the name before measuring it', () => {
    expect(nameRequired(validDraft({ name: "Soldes d'été" }))).toEqual([]);
    expect(nameRequired(validDraft({ name: '' }))).toHaveLength(1);
  });

  it('takes Meta language codes exactly, case included', () => {
    expect(languageKnown(validDraft({ language: 'en_us' }))).toMatchObject([{ rule: 'language-unknown' }]);
    expect(languageKnown(validDraft({ language: 'zh_CN' }))).toEqual([]);
    // An empty language is language-required's business only.
    expect(languageKnown(validDraft({ language: '' }))).toEqual([]);
  });

  it('refuses media on localhost, private networks, files and malformed URLs', () => {
    for (const url of ['', 'https://localhost/a.jpg', 'https://192.168.1.20/a.jpg', 'https://10.0.0.1/a.jpg', 'file:///C:/a.jpg', 'https://cdn example.com/a.jpg', 'https://intranet/a.jpg', 'cdn.example.com/a.jpg']) {
      expect(headerMediaUrl(validDraft({ header: { kind: 'document', url } })), url).toMatchObject([{ rule: 'header-media-url-invalid' }]);
    }
    expect(headerMediaUrl(validDraft({ header: { kind: 'document', url: 'https://8.8.8.8/invoice.pdf' } }))).toEqual([]);
  });

  it('ignores the header rules for other header kinds', () => {
    const image = validDraft({ header: { kind: 'image', url: 'https://cdn.example.com/a.jpg' } });
    expect([...headerTextRequired(image), ...headerTextLength(image), ...headerVariableCount(image)]).toEqual([]);
    expect(headerMediaUrl(validDraft({ header: { kind: 'text', text: 'Soldes' } }))).toEqual([]);
  });

  it('refuses a link whose variable would choose the site, and counts two variables', () => {
    expect(urlButtonUrl(validDraft({ buttons: [urlButton('https://{{shop.example.com}}')] }))).toMatchObject([{ rule: 'button-url-invalid' }]);
    expect(urlButtonUrl(validDraft({ buttons: [urlButton('https://shop.example.com/search?q={{jupe rouge}}')] }))).toMatchObject([
      { rule: 'button-url-invalid' },
    ]);
    expect(urlButtonVariablePosition(validDraft({ buttons: [urlButton('https://shop.example.com/{{a}}{{b}}')] }))).toEqual([
      { rule: 'button-url-variable-position', field: 'buttons', index: 0, vars: { button: 1, variables: 2 } },
    ]);
  });

  it('wants a phone number already international, not repaired', () => {
    expect(phoneButtonNumber(validDraft({ buttons: [phoneButton('0033644980142')] }))).toMatchObject([{ rule: 'button-phone-invalid' }]);
    expect(phoneButtonNumber(validDraft({ buttons: [phoneButton('')] }))).toMatchObject([{ rule: 'button-phone-invalid' }]);
  });

  it('finds adjacent variables with nothing at all between them, and each pair', () => {
    expect(variablesNotAdjacent(validDraft({ body: 'Code {{A}}{{B}} {{C}}.' }))).toEqual([
      { rule: 'variables-adjacent', field: 'body', vars: { first: 'A', second: 'B' } },
      { rule: 'variables-adjacent', field: 'body', vars: { first: 'B', second: 'C' } },
    ]);
  });

  it('refuses a body that ends with a variable without sample', () => {
    expect(edgeVariablesHaveSamples(validDraft({ body: 'Votre code : {{}}' }))).toEqual([
      { rule: 'variable-at-edge-without-sample', field: 'body', vars: { edge: 'end' } },
    ]);
    expect(edgeVariablesHaveSamples(validDraft({ body: 'Votre code : {{AB12}}' }))).toEqual([]);
  });

  it('checks placeholders in the header and in links too, naming the button', () => {
    const draft = validDraft({ header: { kind: 'text', text: 'Commande {{' }, buttons: [urlButton('https://shop.example.com/{{}}')] });
    expect(placeholdersClosed(draft)).toEqual([{ rule: 'placeholder-unclosed', field: 'header', vars: { excerpt: '{{' } }]);
    expect(placeholdersNotEmpty(draft)).toEqual([{ rule: 'placeholder-empty', field: 'buttons', index: 0, vars: { button: 1, empty: 1 } }]);
  });

  it('checks header samples as parameter values too, for each reason', () => {
    expect(samplesAreValidParameters(validDraft({ header: { kind: 'text', text: 'Commande {{A\tB}}' }, body: 'Bonjour {{A     B}}' }))).toEqual([
      { rule: 'sample-invalid', field: 'header', vars: { sample: 'A\tB', reason: 'tab' } },
      { rule: 'sample-invalid', field: 'body', vars: { sample: 'A     B', reason: 'spaces' } },
    ]);
  });

  it('checks the numbering of every text Herald submits', () => {
    const draft = validDraft({ header: { kind: 'text', text: 'Commande {{#1}}' }, buttons: [urlButton('https://shop.example.com/{{1}}')] });
    expect(variablesSequential(draft)).toEqual([]);
    expect(variablesSequential(draft, (text) => toPositional(text, 0)).map((problem) => problem.field)).toEqual(['header', 'body', 'buttons']);
  });

  it('counts SMS characters as the SMS preview does: extension characters take two', () => {
    expect(smsBodyLength(validDraft({ body: '€'.repeat(800) }))).toEqual([]);
    expect(smsBodyLength(validDraft({ body: '€'.repeat(801) }))).toEqual([{ rule: 'sms-body-too-long', field: 'body', vars: { length: 1602, max: 1600 } }]);
  });
});

describe('positionalVariableProblems', () => {
  it('accepts variables that run from {{1}} with no gap, in any order, repeated or not', () => {
    expect(positionalVariableProblems('Hello')).toEqual([]);
    expect(positionalVariableProblems('{{1}} {{2}} {{3}}')).toEqual([]);
    expect(positionalVariableProblems('{{2}} {{1}} {{1}}')).toEqual([]);
  });

  it('finds gaps, a numbering that does not start at 1 and placeholders that are not numbers', () => {
    expect(positionalVariableProblems('{{1}} {{3}}')).toEqual([{ kind: 'not-sequential', found: [1, 3] }]);
    expect(positionalVariableProblems('{{2}}')).toEqual([{ kind: 'not-sequential', found: [2] }]);
    expect(positionalVariableProblems('{{1}} {{name}}')).toEqual([{ kind: 'not-numbered', placeholder: '{{name}}' }]);
    expect(positionalVariableProblems('{{0}}')).toEqual([{ kind: 'not-numbered', placeholder: '{{0}}' }]);
  });

  it('holds for every positional text toPositional makes', () => {
    expect(positionalVariableProblems(toPositional('{{a}} {{b}} {{a}} {{}}').text)).toEqual([]);
  });
});

describe('parameterValueProblem', () => {
  it('accepts ordinary values, up to four spaces in a row', () => {
    expect(parameterValueProblem('Clarice Martin')).toBeUndefined();
    expect(parameterValueProblem('A    B')).toBeUndefined();
    expect(parameterValueProblem('')).toBeUndefined();
  });

  it('refuses newlines, tabs and five spaces in a row', () => {
    expect(parameterValueProblem('a\nb')).toBe('newline');
    expect(parameterValueProblem('a\r\nb')).toBe('newline');
    expect(parameterValueProblem('a\tb')).toBe('tab');
    expect(parameterValueProblem('a     b')).toBe('spaces');
  });
});

describe('checkTemplate', () => {
  it('accepts a valid draft on both channels', () => {
    expect(checkTemplate(validDraft(), BOTH)).toEqual([]);
  });

  it('returns every problem at once, in the order of the fields', () => {
    const draft: TemplateDraft = {
      name: '  ',
      language: 'french',
      category: 'AUTHENTICATION',
      header: { kind: 'text', text: 'Bonjour {{Clarice}} {{Martin}}, une offre rien que pour vous deux ce week-end' },
      body: '{{}} {{Martin}} {{Clarice',
      footer: 'Code {{PROMO}}',
      buttons: [quickReply('Oui'), urlButton('http://shop.example.com/{{a}}/b', 'Voir le site de la boutique en ligne'), phoneButton('12')],
    };
    expect(checkTemplate(draft, WHATSAPP)).toEqual([
      { rule: 'name-required', field: 'name', vars: {} },
      { rule: 'language-unknown', field: 'language', vars: { language: 'french' } },
      { rule: 'category-authentication', field: 'category', vars: {} },
      { rule: 'header-text-too-long', field: 'header', vars: { length: 66, max: 60 } },
      { rule: 'header-too-many-variables', field: 'header', vars: { variables: 2, max: 1 } },
      { rule: 'variables-adjacent', field: 'body', vars: { first: '', second: 'Martin' } },
      { rule: 'variable-at-edge-without-sample', field: 'body', vars: { edge: 'start' } },
      { rule: 'placeholder-empty', field: 'body', vars: { empty: 1 } },
      { rule: 'placeholder-unclosed', field: 'body', vars: { excerpt: '{{Clarice' } },
      { rule: 'footer-not-static', field: 'footer', vars: {} },
      { rule: 'buttons-mixed', field: 'buttons', vars: {} },
      { rule: 'button-text-too-long', field: 'buttons', index: 1, vars: { button: 2, length: 36, max: 25 } },
      { rule: 'button-url-invalid', field: 'buttons', index: 1, vars: { button: 2, url: 'http://shop.example.com/{{a}}/b' } },
      { rule: 'button-url-variable-position', field: 'buttons', index: 1, vars: { button: 2, variables: 1 } },
      { rule: 'button-phone-invalid', field: 'buttons', index: 2, vars: { button: 3, phone: '12' } },
    ]);
  });

  it('checks the draft as it will be submitted: trimmed', () => {
    expect(checkTemplate(validDraft({ body: '  {{}} bonjour \n' }), WHATSAPP).map((problem) => problem.rule)).toEqual([
      'variable-at-edge-without-sample',
      'placeholder-empty',
    ]);
    expect(checkTemplate(validDraft({ footer: `  ${'f'.repeat(60)}  ` }), WHATSAPP)).toEqual([]);
  });

  it('skips the WhatsApp-only rules for an SMS-only template, header, footer and buttons included', () => {
    const draft = validDraft({
      language: 'fr-FR',
      category: 'AUTHENTICATION',
      header: { kind: 'image', url: 'nope' },
      body: `Bonjour {{Clarice}} {{Martin}} ${'a'.repeat(1100)}`,
      footer: 'Code {{PROMO}}',
      buttons: [quickReply('')],
    });
    expect(checkTemplate(draft, SMS)).toEqual([]);
    expect(checkTemplate(draft, WHATSAPP).length).toBeGreaterThan(5);
  });

  it('applies the SMS rules only when SMS is a channel', () => {
    const long = validDraft({ body: 'a'.repeat(1700) });
    expect(checkTemplate(long, SMS).map((problem) => problem.rule)).toEqual(['sms-body-too-long']);
    expect(checkTemplate(long, WHATSAPP).map((problem) => problem.rule)).toEqual(['body-too-long']);
    expect(checkTemplate(long, BOTH).map((problem) => problem.rule)).toEqual(['body-too-long', 'sms-body-too-long']);
  });

  it('still checks what every channel needs: a name, a language, a body, well-formed placeholders', () => {
    const draft = validDraft({ name: '', language: '', body: '' });
    const rules = ['name-required', 'language-required', 'body-required'];
    expect(checkTemplate(draft, SMS).map((problem) => problem.rule)).toEqual(rules);
    expect(checkTemplate(draft, WHATSAPP).map((problem) => problem.rule)).toEqual(rules);
    expect(checkTemplate(validDraft({ body: 'Bonjour {{' }), SMS).map((problem) => problem.rule)).toEqual(['placeholder-unclosed']);
  });
});
