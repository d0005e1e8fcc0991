import { readdirSync, readFileSync, statSync } from 'node:fs';
import { FROZEN_PARTS } from '../../../src/app/campaigns/frozenView';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../../../translations/en.json';
import fr from '../../../translations/fr.json';
import manifest from '../../../manifest.json';
import { FAILURE_CAUSES } from '../../../src/core/failure/failureCause';
import { INTEGRATION_STATES, MESSAGING_TYPES } from '../../../src/api/sunshine/integrations';
import { AUDIENCE_QUERY_PROBLEMS } from '../../../src/core/audience/audienceQuery';
import { OPT_IN_STATUSES } from '../../../src/core/contact/optInRule';
import { TICKET_CHANNELS } from '../../../src/core/contact/ticketChannel';
import { PHONE_PROBLEMS, PHONE_REPAIRS, PHONE_STATUSES } from '../../../src/core/phone/normalizePhone';
import { INVALID_NUMBER, RETRIES_EXHAUSTED, STOP_REASONS } from '../../../src/core/sending/errorPolicy';
import { RECIPIENT_STATES, SKIP_REASONS, UNVERIFIED_CAUSES } from '../../../src/core/sending/states';
import { CAMPAIGN_STATUSES } from '../../../src/core/campaign/lifecycle';
import { SCHEDULE_PROBLEMS } from '../../../src/core/campaign/schedule';
import { WIZARD_STEPS } from '../../../src/ui/campaigns/wizard/wizardState';
import { createTranslator } from '../../../src/ui/i18n/messages';
import { SECTIONS } from '../../../src/ui/locations/NavBarApp';
import { VERDICTS } from '../../../src/ui/sections/SettingsSection';
import { SETTING_PROBLEMS } from '../../../src/core/settings/settings';

function flatten(node: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (value: unknown, key: string) => {
    if (typeof value === 'string') out.set(key, value);
    else for (const [child, inner] of Object.entries(value as object)) walk(inner, key ? `${key}.${child}` : child);
  };
  walk(node, prefix);
  return out;
}

const english = flatten(en);
const french = flatten(fr);
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1] ?? '').sort();
const exists = (catalogue: Map<string, string>, key: string) => catalogue.has(key) || catalogue.has(`${key}.other`);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    return statSync(full).isDirectory() ? sourceFiles(full) : /\.tsx?$/.test(entry) ? [full] : [];
  });
}

describe('translations', () => {
  it('has the same keys in English and French', () => {
    expect([...french.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it('has no empty string and the same placeholders in both languages', () => {
    for (const [key, text] of english) {
      expect(text.trim(), key).not.toBe('');
      expect(french.get(key)?.trim(), key).not.toBe('');
      // A plural "one" form may spell the number out in one language and not in the other.
      const comparable = (found: string[]) => (key.endsWith('.one') ? found.filter((name) => name !== 'count') : found);
      expect(comparable(placeholders(french.get(key) ?? '')), key).toEqual(comparable(placeholders(text)));
    }
  });

  it('follows French typography: a non-breaking space before : ; ! ? and inside « », and no English quotes', () => {
    const wrong = [...french].filter(([key, text]) => {
      // The unclosed-quote message names the straight quote character itself.
      const quotes = key === 'errors.listFile.unclosed-quote' ? false : /[“”"]/.test(text);
      return / [:;!?»]/.test(text) || /«(?![\u00a0\u202f])/.test(text) || /(?<![\u00a0\u202f])»/.test(text) || quotes;
    });
    expect(wrong.map(([key, text]) => `${key}: ${text}`)).toEqual([]);
  });

  it('labels and explains every manifest parameter in both languages', () => {
    for (const parameter of manifest.parameters) {
      for (const catalogue of [english, french]) {
        expect(catalogue.get(`app.parameters.${parameter.name}.label`), parameter.name).toBeTruthy();
        expect(catalogue.get(`app.parameters.${parameter.name}.helpText`), parameter.name).toBeTruthy();
      }
    }
  });

  it('has every key the source code asks for literally', () => {
    const root = path.resolve(__dirname, '../../../src');
    const missing: string[] = [];
    for (const file of sourceFiles(root)) {
      for (const match of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([a-z][\w.-]*)'/g)) {
        const key = match[1] ?? '';
        if (!exists(english, key)) missing.push(`${path.relative(root, file)}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('has plural forms for every key the source code asks for with a count', () => {
    // With a numeric `count`, the translator looks up `key.one` / `key.other`: a plain string shows the key itself.
    const root = path.resolve(__dirname, '../../../src');
    const singular: string[] = [];
    for (const file of sourceFiles(root)) {
      for (const match of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([a-z][\w.-]*)',\s*\{[^}]*\bcount\b/g)) {
        const key = match[1] ?? '';
        for (const [locale, catalogue] of [['en', english], ['fr', french]] as const) {
          if (!catalogue.has(`${key}.other`)) singular.push(`${locale} ${path.relative(root, file)}: ${key}`);
        }
      }
    }
    expect(singular).toEqual([]);
  });

  it('has every key of the families the code builds from values', () => {
    const families: Array<[string, readonly string[]]> = [
      ['errors', FAILURE_CAUSES],
      ['settings.sunshine.cause', FAILURE_CAUSES],
      ['settings.objects.cause', FAILURE_CAUSES],
      ['settings.problem', SETTING_PROBLEMS],
      ['settings.verdict', VERDICTS],
      ['contact.phoneStatus', PHONE_STATUSES],
      ['contact.repaired', PHONE_REPAIRS],
      ['contact.problem', PHONE_PROBLEMS],
      ['contact.consent', OPT_IN_STATUSES],
      ['ticket.channel', TICKET_CHANNELS],
      ['channels.type', MESSAGING_TYPES],
      ['channels.state', INTEGRATION_STATES],
      ['audiences.problem', AUDIENCE_QUERY_PROBLEMS],
      ['shell.section', SECTIONS],
      ['app.parameters', manifest.parameters.map((parameter) => `${parameter.name}.label`)],
      ['sending.stop', STOP_REASONS],
      ['campaigns.status', CAMPAIGN_STATUSES],
      ['campaigns.state', RECIPIENT_STATES],
      ['errors.schedule', SCHEDULE_PROBLEMS],
      ['errors.changedMeanwhile', CAMPAIGN_STATUSES],
      ['campaigns.page.frozenPart', FROZEN_PARTS],
      ['campaigns.page.scheduled', ['waiting', 'due', 'stale']],
      ['campaigns.wizard.step', WIZARD_STEPS],
      ['campaigns.channel', ['whatsapp', 'sms']],
      ['sending.skip', SKIP_REASONS],
      ['sending.unverified', UNVERIFIED_CAUSES],
      ['sending.failure', [RETRIES_EXHAUSTED, INVALID_NUMBER, 'whatsapp-131026', 'other']],
    ];
    const missing = families.flatMap(([prefix, values]) => values.map((value) => `${prefix}.${value}`).filter((key) => !exists(english, key)));
    expect(missing).toEqual([]);
  });
});

describe('createTranslator', () => {
  it('fills placeholders and formats numbers for the locale', () => {
    expect(createTranslator('en')('audiences.matches', { count: 12345 })).toBe('12,345 users match this search.');
    expect(createTranslator('fr')('audiences.matches', { count: 12345 })).toBe('12\u202f345 utilisateurs correspondent à cette recherche.');
  });

  it('follows each language plural rules', () => {
    expect(createTranslator('en')('audiences.matches', { count: 1 })).toBe('One user matches this search.');
    expect(createTranslator('en')('audiences.matches', { count: 0 })).toBe('0 users match this search.');
    // French uses the singular for 0 and 1.
    expect(createTranslator('fr')('audiences.matches', { count: 0 })).toBe('0 utilisateur correspond à cette recherche.');
    expect(createTranslator('fr')('audiences.matches', { count: 2 })).toBe('2 utilisateurs correspondent à cette recherche.');
  });
});
