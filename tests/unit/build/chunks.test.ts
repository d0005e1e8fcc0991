import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import en from '../../../translations/en.json';
import fr from '../../../translations/fr.json';

/**
 * How the build is cut (dist/ as `npm run build` leaves it): the first script holds the shell
 * alone; each location, nav-bar section and catalogue is a chunk downloaded on demand.
 */
const assets = path.resolve(__dirname, '../../../dist/assets');

let scripts: string[] = [];
const read = (file: string) => readFileSync(path.join(assets, file), 'utf8');

/** A chunk and every chunk it imports statically, i.e. what the browser downloads with it. */
function staticClosure(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const match of read(file).matchAll(/(?:\bfrom|\bimport)\s*"\.\/([^"]+\.js)"/g)) visit(match[1]!);
  };
  visit(entry);
  return seen;
}

const chunk = (prefix: string) => {
  const found = scripts.filter((file) => file.startsWith(`${prefix}-`));
  expect(found, prefix).toHaveLength(1);
  return found[0]!;
};
const named = (closure: Set<string>, prefixes: string[]) => [...closure].filter((file) => prefixes.some((prefix) => file.startsWith(`${prefix}-`)));

describe('the built chunks', () => {
  let entry = '';

  beforeAll(() => {
    if (!existsSync(assets)) throw new Error('dist/ is missing: run npm run build (npm test does it first)');
    scripts = readdirSync(assets).filter((file) => file.endsWith('.js'));
    entry = /<script type="module" crossorigin src="\.\/([\w-]+\.js)">/.exec(read('index.html'))?.[1] ?? '';
  });

  it('starts with the shell alone: no location, section or catalogue', () => {
    const closure = staticClosure(entry);
    expect(named(closure, ['NavBarApp', 'TicketSidebarApp', 'UserSidebarApp', 'CampaignsSection', 'TemplatesSection', 'AudiencesSection', 'SettingsSection', 'OutsideZendesk'])).toEqual([]);
    for (const file of closure) {
      const code = read(file);
      for (const text of [en.campaigns.intro, fr.campaigns.intro, en.ticket.label, fr.ticket.label]) expect(code.includes(text), `${text} in ${file}`).toBe(false);
    }
  });

  it('starts with one script, besides the bundler’s runtime', () => {
    expect([...staticClosure(entry)].filter((file) => file !== entry && !file.startsWith('rolldown-runtime-'))).toEqual([]);
  });

  it('gives the app code both sidebars import first one chunk', () => {
    const shared = chunk('sidebars');
    for (const location of ['TicketSidebarApp', 'UserSidebarApp']) expect(staticClosure(chunk(location)).has(shared), location).toBe(true);
    // Reading the ticket's comments and the user, which both sidebars do first, is in it.
    const code = read(shared);
    for (const endpoint of ['/comments', '/api/v2/users/']) expect(code.includes(endpoint), endpoint).toBe(true);
  });

  it('has each catalogue in a chunk of its own', () => {
    const holding = (text: string) => scripts.filter((file) => read(file).includes(JSON.stringify(text).slice(1, -1)) || read(file).includes(text));
    expect(holding(en.campaigns.intro)).toEqual([chunk('en')]);
    expect(holding(fr.campaigns.intro)).toEqual([chunk('fr')]);
  });

  it("gives a sidebar's first strings a small chunk of their own, without the nav bar's", () => {
    for (const [locale, catalogue] of [['en', en], ['fr', fr]] as const) {
      const first = chunk(`firstCatalogue-${locale}`);
      const code = read(first);
      expect(code.includes(catalogue.ticket.label), `${locale} ticket label`).toBe(true);
      expect(code.includes(catalogue.campaigns.intro.slice(0, 20)), `${locale} campaigns`).toBe(false);
      expect(code.length).toBeLessThan(read(chunk(locale)).length / 3);
    }
  });

  it('gives the sidebars none of the nav bar, and the ticket sidebar its re-engagement later', () => {
    for (const location of ['TicketSidebarApp', 'UserSidebarApp']) {
      const closure = staticClosure(chunk(location));
      expect(named(closure, ['NavBarApp', 'CampaignsSection', 'TemplatesSection', 'AudiencesSection', 'SettingsSection', 'CampaignWizard', 'CampaignPage', 'ReengagePanel', 'UserRecords']), location).toEqual([]);
    }
  });

  it('downloads the campaign wizard and page when opened, not with the campaign list', () => {
    expect(named(staticClosure(chunk('CampaignsSection')), ['CampaignWizard', 'CampaignPage', 'TemplatesSection'])).toEqual([]);
  });

  it("keeps the sending engine's clock in a worker script", () => {
    expect(scripts.filter((file) => file.startsWith('clockWorker-'))).toHaveLength(1);
  });
});
