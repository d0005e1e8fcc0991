import { describe, expect, it } from 'vitest';
import { SEEDED_INTEGRATION_IDS, type Integration } from '../../emulator/sunshine/state';
import { sunshineHarness, type SunshineHarness } from './sunshine.support';

interface ListBody {
  integrations: Integration[];
  meta: { hasMore: boolean; afterCursor?: string; beforeCursor?: string };
  links: { next?: string; prev?: string };
}

/** Follows `links.next` (or `links.prev`) from `firstUrl` to the end; returns the pages seen. */
async function walk(harness: SunshineHarness, firstUrl: string, direction: 'next' | 'prev'): Promise<ListBody[]> {
  const pages: ListBody[] = [];
  let url: string | undefined = firstUrl;
  while (url) {
    const reply = await harness.call('GET', url);
    expect(reply.status, url).toBe(200);
    const page = reply.json<ListBody>();
    pages.push(page);
    url = page.links[direction];
    expect(pages.length).toBeLessThan(50);
  }
  return pages;
}

describe('v2 List Integrations', () => {
  it.each([1, 2, 3, 5, 25, 100])('pages to the end with page[size]=%i, in id order, without duplicates', async (size) => {
    const harness = sunshineHarness();
    const expected = harness.state.integrations().map((integration) => integration.id);
    const pages = await walk(harness, `${harness.base}${harness.integrationsPath}?page[size]=${size}`, 'next');
    const seen = pages.flatMap((page) => page.integrations.map((integration) => integration.id));
    expect(seen).toEqual(expected);
    expect(new Set(seen).size).toBe(seen.length);
    expect(pages).toHaveLength(Math.ceil(expected.length / size));
    pages.forEach((page, index) => {
      const last = index === pages.length - 1;
      expect(page.meta.hasMore).toBe(!last);
      expect(page.meta.afterCursor).toBe(last ? undefined : page.integrations[page.integrations.length - 1]?.id);
      expect(page.meta.beforeCursor).toBe(index === 0 ? undefined : page.integrations[0]?.id);
    });
  });

  it('walks back from the last page with links.prev and finds the same records', async () => {
    const harness = sunshineHarness();
    const expected = harness.state.integrations().map((integration) => integration.id);
    const forward = await walk(harness, `${harness.base}${harness.integrationsPath}?page[size]=2`, 'next');
    const lastPage = forward[forward.length - 1];
    const firstOfLast = lastPage?.integrations[0]?.id;
    expect(lastPage?.links.prev).toContain(`page[before]=${firstOfLast}`);
    const backward = await walk(harness, lastPage?.links.prev ?? '', 'prev');
    const seen = [...backward].reverse().flatMap((page) => page.integrations.map((integration) => integration.id));
    expect([...seen, ...(lastPage?.integrations.map((integration) => integration.id) ?? [])]).toEqual(expected);
  });

  it('answers 25 records by default and links on the host that was called', async () => {
    const harness = sunshineHarness();
    for (let index = 0; index < 30; index += 1) {
      harness.state.addIntegration({ type: 'twilio', status: 'active', displayName: `Extra SMS ${index}`, accountSid: `AC${index}` });
    }
    const total = harness.state.integrations().length;
    for (const base of harness.emulator.config.sunshineBaseUrls) {
      const reply = await harness.call('GET', harness.integrationsPath, { base });
      const page = reply.json<ListBody>();
      expect(page.integrations).toHaveLength(25);
      expect(page.links.next?.startsWith(`${base}/v2/apps/${harness.appId}/integrations?`)).toBe(true);
      const rest = await walk(harness, page.links.next ?? '', 'next');
      expect(rest.flatMap((next) => next.integrations)).toHaveLength(total - 25);
    }
  });

  it.each([
    ['whatsapp', ['whatsapp']],
    ['twilio,web', ['twilio', 'web']],
    ['whatsapp,twilio,messagebird', ['whatsapp', 'twilio', 'messagebird']],
    ['custom', ['custom']],
    ['messagebird', ['messagebird']],
  ])('filter[types]=%s returns those types only, and keeps the filter in its links', async (filter, types) => {
    const harness = sunshineHarness();
    const expected = harness.state.integrations().filter((integration) => types.includes(integration.type)).map((integration) => integration.id);
    const pages = await walk(harness, `${harness.base}${harness.integrationsPath}?page[size]=1&filter[types]=${filter}`, 'next');
    const seen = pages.flatMap((page) => page.integrations.map((integration) => integration.id));
    expect(seen).toEqual(expected);
    for (const page of pages) {
      if (page.links.next) expect(new URL(page.links.next).searchParams.get('filter[types]')).toBe(filter);
    }
  });

  it('the seed holds four WhatsApp numbers (one inactive), one Twilio SMS, one web and one custom integration', () => {
    const integrations = sunshineHarness().state.integrations();
    const summary = integrations.map((integration) => `${integration.type}:${integration.status}:${integration.displayName}`);
    expect(summary).toEqual([
      'whatsapp:active:Herald France',
      'whatsapp:active:Herald Brasil',
      'whatsapp:active:Herald US',
      'whatsapp:inactive:Herald UK (retired)',
      'twilio:active:Herald SMS',
      'web:active:Herald website',
      'custom:active:Herald delivery events',
    ]);
    const phones = integrations.flatMap((integration) => (integration.type === 'whatsapp' ? [integration.phoneNumber] : []));
    expect(phones.map((phone) => phone?.slice(0, 2))).toEqual(['33', '55', '12', '44']);
  });

  it.each([
    ['page[size]=0', 'page[size] must be an integer between 1 and 100'],
    ['page[size]=101', 'page[size] must be an integer between 1 and 100'],
    ['page[size]=ten', 'page[size] must be an integer between 1 and 100'],
    ['page[after]=short', 'page[after] must be a record id (24 hexadecimal characters)'],
    [`page[after]=${SEEDED_INTEGRATION_IDS.web}&page[before]=${SEEDED_INTEGRATION_IDS.custom}`, 'Only one of page[after] or page[before] may be provided'],
    ['filter[types]=whatsapp,fax', 'filter[types] holds an unknown integration type: fax'],
  ])('refuses %s with 400', async (query, title) => {
    const harness = sunshineHarness();
    const reply = await harness.call('GET', `${harness.integrationsPath}?${query}`);
    expect(reply.status).toBe(400);
    expect(reply.body).toEqual({ errors: [{ code: 'bad_request', title }] });
  });

  it('reports every bad parameter of one request', async () => {
    const harness = sunshineHarness();
    const reply = await harness.call('GET', `${harness.integrationsPath}?page[size]=0&filter[types]=fax`);
    expect(reply.json<{ errors: unknown[] }>().errors).toHaveLength(2);
  });

  it('an expired cursor (fault) is refused, once', async () => {
    const harness = sunshineHarness();
    // Fault paths match the pathname, which on the account host starts with /sc.
    harness.emulator.faults.add({ match: { service: 'sunshine', path: /\/integrations$/ }, fault: { kind: 'expireCursor' }, times: 1 });
    const first = await harness.call('GET', `${harness.integrationsPath}?page[size]=2`);
    expect(first.status).toBe(200);
    const next = first.json<ListBody>().links.next ?? '';
    expect((await harness.call('GET', next)).status).toBe(400);
    expect((await harness.call('GET', next)).status).toBe(200);
  });

  it('an integration added between two pages is found at the end, none repeated or skipped', async () => {
    const harness = sunshineHarness();
    const first = (await harness.call('GET', `${harness.integrationsPath}?page[size]=3`)).json<ListBody>();
    const added = harness.state.addIntegration({ type: 'messagebird', status: 'active', displayName: 'Late SMS', originator: '15555550100', webhookSecret: 'abc' });
    const rest = await walk(harness, first.links.next ?? '', 'next');
    const seen = [...first.integrations, ...rest.flatMap((page) => page.integrations)].map((integration) => integration.id);
    expect(seen).toEqual(harness.state.integrations().map((integration) => integration.id));
    expect(seen[seen.length - 1]).toBe(added.id);
  });
});

describe('v2 Get Integration and Get App', () => {
  it('returns each integration as the state holds it', async () => {
    const harness = sunshineHarness();
    for (const integration of harness.state.integrations()) {
      const reply = await harness.call('GET', `${harness.integrationsPath}/${integration.id}`);
      expect(reply.status).toBe(200);
      expect(reply.body).toEqual({ integration });
    }
  });

  it('answers 404 integration_not_found for an unknown integration', async () => {
    const harness = sunshineHarness();
    const reply = await harness.call('GET', `${harness.integrationsPath}/ffffffffffffffffffffffff`);
    expect(reply.status).toBe(404);
    expect(reply.body).toEqual({ errors: [{ code: 'integration_not_found', title: 'Integration not found' }] });
  });

  it('never returns write-only secrets such as the Twilio auth token', async () => {
    const harness = sunshineHarness();
    const reply = await harness.call('GET', `${harness.integrationsPath}/${SEEDED_INTEGRATION_IDS.twilioSms}`);
    expect(Object.keys(reply.json<{ integration: object }>().integration)).not.toContain('authToken');
  });

  it('returns the app with its subdomain and a display name', async () => {
    const harness = sunshineHarness({ appDisplayName: 'Herald QA' });
    const reply = await harness.call('GET', `/v2/apps/${harness.appId}`);
    expect(reply.json<{ app: Record<string, unknown> }>().app).toMatchObject({ id: harness.appId, displayName: 'Herald QA', subdomain: 'herald-demo' });
  });

  it('reads the state afresh after a reset', async () => {
    const harness = sunshineHarness();
    const added = harness.state.addIntegration({ type: 'twilio', status: 'active', displayName: 'Temporary', accountSid: 'AC1' });
    expect((await harness.call('GET', `${harness.integrationsPath}/${added.id}`)).status).toBe(200);
    harness.emulator.reset();
    expect((await harness.call('GET', `${harness.integrationsPath}/${added.id}`)).status).toBe(404);
    expect(harness.state.integrations()).toHaveLength(7);
  });
});
