import { describe, expect, it } from 'vitest';
import { SEEDED_INTEGRATION_IDS, type MessageTemplate } from '../../emulator/sunshine/state';
import { componentsFor, sunshineHarness, whatsAppNotification, type SunshineHarness } from './sunshine.support';

interface TemplateList {
  messageTemplates: MessageTemplate[];
  after?: string;
  before?: string;
}

const FRANCE = SEEDED_INTEGRATION_IDS.whatsappFrance;
const BRASIL = SEEDED_INTEGRATION_IDS.whatsappBrasil;
const US = SEEDED_INTEGRATION_IDS.whatsappUs;

async function listAll(harness: SunshineHarness, integrationId: string, query = 'limit=25'): Promise<TemplateList[]> {
  const pages: TemplateList[] = [];
  let cursor: string | undefined;
  do {
    const reply = await harness.call('GET', `${harness.templatesPath(integrationId)}?${query}${cursor ? `&after=${cursor}` : ''}`);
    expect(reply.status).toBe(200);
    const page = reply.json<TemplateList>();
    pages.push(page);
    cursor = page.after;
    expect(pages.length).toBeLessThan(100);
  } while (cursor);
  return pages;
}

function validBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 'delivery_window',
    language: 'fr',
    category: 'UTILITY',
    components: [
      { type: 'HEADER', format: 'TEXT', text: 'Livraison {{1}}', example: { header_text: ['#42'] } },
      { type: 'BODY', text: 'Bonjour {{1}}, votre livraison arrive entre {{2}} et {{3}}.', example: { body_text: [['Clarice', '9h', '11h']] } },
      { type: 'FOOTER', text: 'Herald Shop' },
      {
        type: 'BUTTONS',
        buttons: [
          { type: 'URL', text: 'Suivre', url: 'https://shop.herald.example.com/track/{{1}}', example: ['https://shop.herald.example.com/track/42'] },
          { type: 'PHONE_NUMBER', text: 'Appeler', phone_number: '+33644980142' },
        ],
      },
    ],
    ...overrides,
  };
}

function withComponents(...components: unknown[]): Record<string, unknown> {
  return validBody({ components });
}

const BODY = { type: 'BODY', text: 'Bonjour' };

describe('v1.1 message templates: listing', () => {
  it('lists 300 generated templates over the three active WhatsApp integrations, page by page, without duplicates', async () => {
    const harness = sunshineHarness({ generatedTemplatesPerIntegration: 100 });
    const active = harness.state.whatsAppIntegrations().filter((integration) => integration.status === 'active');
    expect(active.map((integration) => integration.id)).toEqual([FRANCE, BRASIL, US]);
    let generated = 0;
    for (const integration of active) {
      const pages = await listAll(harness, integration.id);
      const ids = pages.flatMap((page) => page.messageTemplates.map((template) => template.id));
      const expected = harness.state.messageTemplates(integration.id).map((template) => template.id);
      expect(ids).toEqual(expected);
      expect(new Set(ids).size).toBe(ids.length);
      expect(pages).toHaveLength(Math.ceil(expected.length / 25));
      expect(pages.length).toBeGreaterThan(4);
      generated += pages.flatMap((page) => page.messageTemplates).filter((template) => template.name.startsWith('generated_')).length;
    }
    expect(generated).toBe(300);
  });

  it('walks back with the before cursor', async () => {
    const harness = sunshineHarness({ generatedTemplatesPerIntegration: 40 });
    const forward = await listAll(harness, FRANCE, 'limit=7');
    const last = forward[forward.length - 1];
    expect(last?.after).toBeUndefined();
    const backward: TemplateList[] = [];
    let cursor = last?.before;
    while (cursor) {
      const page = (await harness.call('GET', `${harness.templatesPath(FRANCE)}?limit=7&before=${cursor}`)).json<TemplateList>();
      backward.unshift(page);
      cursor = page.before;
    }
    const ids = [...backward, last].flatMap((page) => page?.messageTemplates.map((template) => template.id) ?? []);
    expect(ids).toEqual(harness.state.messageTemplates(FRANCE).map((template) => template.id));
  });

  it('filters by name: every translation of one template', async () => {
    const harness = sunshineHarness();
    const reply = await harness.call('GET', `${harness.templatesPath(US)}?name=order_update`);
    const languages = reply.json<TemplateList>().messageTemplates.map((template) => template.language);
    const expected = harness.state.messageTemplates(US).filter((template) => template.name === 'order_update').map((template) => template.language);
    expect(languages).toEqual(expected);
    expect(languages.length).toBeGreaterThan(1);
  });

  it('holds the same template name on several integrations with different statuses', () => {
    const { state } = sunshineHarness();
    const statuses = [FRANCE, BRASIL, US].map((id) => state.messageTemplates(id).find((template) => template.name === 'spring_sale')?.status);
    expect(statuses).toEqual(['APPROVED', 'PENDING', 'REJECTED']);
    const rejected = state.messageTemplates(US).find((template) => template.name === 'spring_sale');
    expect(rejected?.rejected_reason).toBeDefined();
  });

  it('seeds every status, category, header format and button type', () => {
    const { state } = sunshineHarness();
    const templates = state.whatsAppIntegrations().flatMap((integration) => state.messageTemplates(integration.id));
    expect(new Set(templates.map((template) => template.status))).toEqual(new Set(['APPROVED', 'PENDING', 'REJECTED', 'PAUSED', 'DISABLED']));
    expect(new Set(templates.map((template) => template.category))).toEqual(new Set(['MARKETING', 'UTILITY', 'AUTHENTICATION']));
    const components = templates.flatMap((template) => template.components);
    const headerFormats = components.flatMap((component) => (component.type === 'HEADER' ? [component.format] : []));
    expect(new Set(headerFormats)).toEqual(new Set(['TEXT', 'IMAGE', 'DOCUMENT', 'VIDEO']));
    const buttonTypes = components.flatMap((component) => (component.type === 'BUTTONS' ? component.buttons.map((button) => button.type) : []));
    expect(new Set(buttonTypes)).toEqual(new Set(['QUICK_REPLY', 'URL', 'PHONE_NUMBER']));
    expect(new Set(templates.map((template) => template.language))).toEqual(new Set(['en_US', 'en_GB', 'fr', 'pt_BR', 'es']));
  });

  it('refuses non-WhatsApp integrations (400), unknown ones (404), bad cursors and limits (400)', async () => {
    const harness = sunshineHarness();
    const sms = await harness.call('GET', harness.templatesPath(SEEDED_INTEGRATION_IDS.twilioSms));
    expect(sms.status).toBe(400);
    expect(sms.json<{ error: { description: string } }>().error.description).toContain('only on WhatsApp integrations');
    expect((await harness.call('GET', harness.templatesPath('ffffffffffffffffffffffff'))).body).toEqual({
      error: { code: 'integration_not_found', description: 'Integration not found' },
    });
    for (const query of ['after=notacursor!', 'limit=0', 'limit=101', 'after=MQ&before=MQ']) {
      expect((await harness.call('GET', `${harness.templatesPath(FRANCE)}?${query}`)).status, query).toBe(400);
    }
  });
});

describe('v1.1 message templates: creation', () => {
  it('creates a PENDING template that the list then shows', async () => {
    const harness = sunshineHarness();
    const before = harness.state.messageTemplates(FRANCE).length;
    const reply = await harness.call('POST', harness.templatesPath(FRANCE), { body: validBody() });
    expect(reply.status).toBe(201);
    const created = reply.json<{ messageTemplate: MessageTemplate }>().messageTemplate;
    expect(created).toMatchObject({ name: 'delivery_window', language: 'fr', status: 'PENDING', category: 'UTILITY' });
    expect(created.components).toEqual(validBody().components);
    expect(harness.state.messageTemplates(FRANCE)).toHaveLength(before + 1);
    const listed = (await harness.call('GET', `${harness.templatesPath(FRANCE)}?name=delivery_window`)).json<TemplateList>();
    expect(listed.messageTemplates).toEqual([created]);
  });

  it('refuses a duplicate name and language (409) but accepts the same name in another language', async () => {
    const harness = sunshineHarness();
    expect((await harness.call('POST', harness.templatesPath(FRANCE), { body: validBody() })).status).toBe(201);
    const duplicate = await harness.call('POST', harness.templatesPath(FRANCE), { body: validBody() });
    expect(duplicate.status).toBe(409);
    expect(duplicate.json<{ error: { description: string } }>().error.description).toBe(
      'A message template named "delivery_window" already exists in language fr on this integration',
    );
    expect((await harness.call('POST', harness.templatesPath(FRANCE), { body: validBody({ language: 'en_US' }) })).status).toBe(201);
    expect((await harness.call('POST', harness.templatesPath(BRASIL), { body: validBody() })).status).toBe(201);
    const seeded = harness.state.messageTemplates(FRANCE)[0];
    const seededDuplicate = await harness.call('POST', harness.templatesPath(FRANCE), { body: validBody({ name: seeded?.name, language: seeded?.language }) });
    expect(seededDuplicate.status).toBe(409);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['an upper-case name', validBody({ name: 'Delivery Window' }), 'name "Delivery Window" may only contain lowercase letters, digits and underscores'],
    ['a name too long', validBody({ name: 'a'.repeat(513) }), 'name is 513 characters long; the maximum is 512'],
    ['no name', validBody({ name: undefined }), 'name is required'],
    ['a bad language', validBody({ language: 'French' }), 'language "French" is not a WhatsApp language code'],
    ['a legacy category', validBody({ category: 'ALERT_UPDATE' }), 'category "ALERT_UPDATE" must be MARKETING, UTILITY or AUTHENTICATION'],
    ['no category', validBody({ category: undefined }), 'category is required'],
    ['no components', validBody({ components: undefined }), 'components must be an array'],
    ['no body', withComponents({ type: 'FOOTER', text: 'x' }), 'a BODY component is required'],
    ['an empty body', withComponents({ type: 'BODY', text: '' }), 'BODY text is required'],
    ['a body too long', withComponents({ type: 'BODY', text: 'x'.repeat(1025) }), 'BODY text is 1025 characters long; the maximum is 1024'],
    ['variables without samples', withComponents({ type: 'BODY', text: 'Hi {{1}} and {{2}}' }), 'BODY text uses 2 variables: example.body_text must hold one row of 2 sample values'],
    ['too few samples', withComponents({ type: 'BODY', text: 'Hi {{1}} and {{2}}', example: { body_text: [['a']] } }), 'example.body_text must hold one row of 2 sample values'],
    ['a gap in variables', withComponents({ type: 'BODY', text: 'Hi {{1}} {{3}}', example: { body_text: [['a', 'b', 'c']] } }), 'BODY text variables must run from {{1}} with no gap (found {{1}}, {{3}})'],
    ['a named variable', withComponents({ type: 'BODY', text: 'Bonjour {{Clarice}}' }), 'BODY text uses "{{Clarice}}": variables must be numbered'],
    ['two bodies', withComponents(BODY, BODY), 'a template has at most one BODY component'],
    ['an unknown component', withComponents(BODY, { type: 'CAROUSEL' }), 'components[1].type must be HEADER, BODY, FOOTER or BUTTONS'],
    ['a header too long', withComponents(BODY, { type: 'HEADER', format: 'TEXT', text: 'h'.repeat(61) }), 'HEADER text is 61 characters long; the maximum is 60'],
    ['two header variables', withComponents(BODY, { type: 'HEADER', format: 'TEXT', text: '{{1}} {{2}}', example: { header_text: ['a'] } }), 'HEADER text may use one variable at most'],
    ['a header variable without sample', withComponents(BODY, { type: 'HEADER', format: 'TEXT', text: 'Hi {{1}}' }), 'example.header_text must hold its sample value'],
    ['an image header without sample', withComponents(BODY, { type: 'HEADER', format: 'IMAGE' }), 'HEADER IMAGE needs a sample'],
    ['a location header', withComponents(BODY, { type: 'HEADER', format: 'LOCATION' }), 'HEADER format must be TEXT, IMAGE, DOCUMENT or VIDEO'],
    ['a footer variable', withComponents(BODY, { type: 'FOOTER', text: 'Bye {{1}}' }), 'FOOTER text cannot contain variables'],
    ['a footer too long', withComponents(BODY, { type: 'FOOTER', text: 'f'.repeat(61) }), 'FOOTER text is 61 characters long; the maximum is 60'],
    ['no buttons', withComponents(BODY, { type: 'BUTTONS', buttons: [] }), 'BUTTONS must hold at least one button'],
    ['a long button text', withComponents(BODY, { type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'b'.repeat(26) }] }), 'BUTTONS[0] text is 26 characters long; the maximum is 25'],
    [
      'three URL buttons',
      withComponents(BODY, { type: 'BUTTONS', buttons: [1, 2, 3].map((n) => ({ type: 'URL', text: `Link ${n}`, url: `https://a.example/${n}` })) }),
      'BUTTONS holds 3 URL buttons; the maximum is 2',
    ],
    [
      'two phone buttons',
      withComponents(BODY, { type: 'BUTTONS', buttons: [1, 2].map((n) => ({ type: 'PHONE_NUMBER', text: `Call ${n}`, phone_number: '+33644980142' })) }),
      'BUTTONS holds 2 PHONE_NUMBER buttons; the maximum is 1',
    ],
    ['a bad phone', withComponents(BODY, { type: 'BUTTONS', buttons: [{ type: 'PHONE_NUMBER', text: 'Call', phone_number: '0644980142' }] }), 'BUTTONS[0] phone_number must be an international number'],
    [
      'interleaved quick replies',
      withComponents(BODY, {
        type: 'BUTTONS',
        buttons: [
          { type: 'QUICK_REPLY', text: 'Yes' },
          { type: 'URL', text: 'Site', url: 'https://a.example' },
          { type: 'QUICK_REPLY', text: 'No' },
        ],
      }),
      'QUICK_REPLY buttons must be grouped together',
    ],
    ['a URL variable without sample', withComponents(BODY, { type: 'BUTTONS', buttons: [{ type: 'URL', text: 'Go', url: 'https://a.example/{{1}}' }] }), 'BUTTONS[0] url uses a variable: example must hold one sample URL'],
    ['a URL variable in the middle', withComponents(BODY, { type: 'BUTTONS', buttons: [{ type: 'URL', text: 'Go', url: 'https://a.example/{{1}}/x', example: ['x'] }] }), 'url may hold one variable, {{1}}, at its end only'],
    ['an unknown button type', withComponents(BODY, { type: 'BUTTONS', buttons: [{ type: 'OTP', text: 'Copy' }] }), 'BUTTONS[0] type must be QUICK_REPLY, URL or PHONE_NUMBER'],
  ])('refuses %s with a precise 400', async (_label, body, description) => {
    const harness = sunshineHarness();
    const before = harness.state.messageTemplates(FRANCE).length;
    const reply = await harness.call('POST', harness.templatesPath(FRANCE), { body });
    expect(reply.status).toBe(400);
    const error = reply.json<{ error: { code: string; description: string } }>().error;
    expect(error.code).toBe('bad_request');
    expect(error.description).toContain(description);
    expect(harness.state.messageTemplates(FRANCE)).toHaveLength(before);
  });

  it('accepts quick replies grouped after call-to-action buttons, and templates without header or footer', async () => {
    const harness = sunshineHarness();
    const grouped = withComponents(BODY, {
      type: 'BUTTONS',
      buttons: [
        { type: 'URL', text: 'Site', url: 'https://a.example' },
        { type: 'QUICK_REPLY', text: 'Yes' },
        { type: 'QUICK_REPLY', text: 'No' },
      ],
    });
    expect((await harness.call('POST', harness.templatesPath(FRANCE), { body: grouped })).status).toBe(201);
    expect((await harness.call('POST', harness.templatesPath(FRANCE), { body: validBody({ name: 'body_only', components: [BODY] }) })).status).toBe(201);
  });

  it('refuses a request that is not JSON (415) or not parseable (400)', async () => {
    const harness = sunshineHarness();
    const form = await harness.call('POST', harness.templatesPath(FRANCE), {
      rawBody: 'name=x',
      headers: { authorization: harness.authorization, 'content-type': 'application/x-www-form-urlencoded; charset=UTF-8' },
    });
    expect(form.status).toBe(415);
    const broken = await harness.call('POST', harness.templatesPath(FRANCE), { rawBody: '{"name":' });
    expect(broken.status).toBe(400);
  });

  it('refuses creation on a non-WhatsApp integration', async () => {
    const harness = sunshineHarness();
    expect((await harness.call('POST', harness.templatesPath(SEEDED_INTEGRATION_IDS.twilioSms), { body: validBody() })).status).toBe(400);
  });

  it('refuses creations on an integration a test closed, until it reopens it', async () => {
    const harness = sunshineHarness();
    harness.state.refuseTemplateCreations(FRANCE);
    const refused = await harness.call('POST', harness.templatesPath(FRANCE), { body: validBody() });
    expect(refused.status).toBe(403);
    expect(refused.json<{ error: { code: string } }>().error.code).toBe('forbidden');
    expect(harness.state.messageTemplate(FRANCE, 'delivery_window', 'fr')).toBeUndefined();
    expect((await harness.call('POST', harness.templatesPath(BRASIL), { body: validBody() })).status).toBe(201);

    harness.state.refuseTemplateCreations(FRANCE, { status: 429, code: 'too_many_requests', description: 'Slow down' });
    expect((await harness.call('POST', harness.templatesPath(FRANCE), { body: validBody() })).body).toEqual({
      error: { code: 'too_many_requests', description: 'Slow down' },
    });
    harness.state.allowTemplateCreations(FRANCE);
    expect((await harness.call('POST', harness.templatesPath(FRANCE), { body: validBody() })).status).toBe(201);
  });
});

describe('v1.1 message templates: approval and deletion', () => {
  it('a template approved later by a test hook can then be sent', async () => {
    const harness = sunshineHarness();
    await harness.call('POST', harness.templatesPath(FRANCE), { body: validBody() });
    const pending = harness.state.messageTemplate(FRANCE, 'delivery_window', 'fr');
    if (!pending) throw new Error('template not created');
    const body = whatsAppNotification(FRANCE, '+33612345678', { name: 'delivery_window', language: 'fr', components: componentsFor(pending) });
    expect((await harness.call('POST', harness.notificationsPath, { body })).status).toBe(400);
    const approved = harness.state.setTemplateStatus(FRANCE, 'delivery_window', 'fr', 'APPROVED');
    expect(approved.status).toBe('APPROVED');
    const listed = (await harness.call('GET', `${harness.templatesPath(FRANCE)}?name=delivery_window`)).json<TemplateList>();
    expect(listed.messageTemplates[0]?.status).toBe('APPROVED');
    expect((await harness.call('POST', harness.notificationsPath, { body })).status).toBe(201);
  });

  it('a rejection carries its reason, which goes away when the status changes again', () => {
    const { state } = sunshineHarness();
    expect(state.setTemplateStatus(FRANCE, 'order_update', 'fr', 'REJECTED', 'SCAM').rejected_reason).toBe('SCAM');
    expect(state.setTemplateStatus(FRANCE, 'order_update', 'fr', 'APPROVED').rejected_reason).toBeUndefined();
    expect(() => state.setTemplateStatus(FRANCE, 'no_such', 'fr', 'APPROVED')).toThrow();
  });

  it('approves created templates after the configured delay on the emulator clock', async () => {
    const harness = sunshineHarness({ templateApprovalDelayMs: 60_000 });
    await harness.call('POST', harness.templatesPath(FRANCE), { body: validBody() });
    harness.clock.advance(59_999);
    expect(harness.state.messageTemplate(FRANCE, 'delivery_window', 'fr')?.status).toBe('PENDING');
    harness.clock.advance(1);
    const listed = (await harness.call('GET', `${harness.templatesPath(FRANCE)}?name=delivery_window`)).json<TemplateList>();
    expect(listed.messageTemplates[0]?.status).toBe('APPROVED');
  });

  it('deletes every language of a name, then answers 404', async () => {
    const harness = sunshineHarness();
    const languages = harness.state.messageTemplates(US).filter((template) => template.name === 'order_update');
    expect(languages.length).toBeGreaterThan(1);
    const others = harness.state.messageTemplates(US).length - languages.length;
    const reply = await harness.call('DELETE', `${harness.templatesPath(US)}/order_update`);
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({});
    expect(harness.state.messageTemplates(US)).toHaveLength(others);
    expect(harness.state.messageTemplates(FRANCE).some((template) => template.name === 'order_update')).toBe(true);
    const again = await harness.call('DELETE', `${harness.templatesPath(US)}/order_update`);
    expect(again.status).toBe(404);
    expect(again.body).toEqual({ error: { code: 'not_found', description: 'No message template named "order_update" on this integration' } });
  });

  it('deleting the record a cursor points at neither repeats nor skips the remaining templates', async () => {
    const harness = sunshineHarness({ generatedTemplatesPerIntegration: 30 });
    const first = (await harness.call('GET', `${harness.templatesPath(FRANCE)}?limit=10`)).json<TemplateList>();
    const cursorRecord = first.messageTemplates[first.messageTemplates.length - 1];
    await harness.call('DELETE', `${harness.templatesPath(FRANCE)}/${cursorRecord?.name}`);
    const seen = first.messageTemplates.filter((template) => template.id !== cursorRecord?.id).map((template) => template.id);
    let cursor = first.after;
    while (cursor) {
      const page = (await harness.call('GET', `${harness.templatesPath(FRANCE)}?limit=10&after=${cursor}`)).json<TemplateList>();
      seen.push(...page.messageTemplates.map((template) => template.id));
      cursor = page.after;
    }
    expect(seen).toEqual(harness.state.messageTemplates(FRANCE).map((template) => template.id));
  });
});
