import { beforeEach, describe, expect, it } from 'vitest';
import { createEmulator, ManualClock, type Emulator } from '../../emulator/index';
import { createInstallation } from '../../emulator/installation';
import { IntegrationsClient, type MessagingIntegration } from '../../src/api/sunshine/integrations';
import { MessageTemplatesClient } from '../../src/api/sunshine/messageTemplates';
import { SUNSHINE_AUTHORIZATION, ZafTransport } from '../../src/zaf/zafTransport';
import { CustomObjectRecordsClient, CustomObjectsClient } from '../../src/api/zendesk/customObjects';
import type { TemplateDraft } from '../../src/core/template/model';
import { HERALD_OBJECTS, SMS_TEMPLATE_OBJECT } from '../../src/store/heraldObjects';
import { missingHeraldObjects, setUpHeraldObjects } from '../../src/store/setup';
import { SmsTemplateStore } from '../../src/store/smsTemplates';
import { TemplateCatalogue, TemplateNameTakenError, type SubmissionTarget } from '../../src/store/templateCatalogue';
import { templateCreateRequestSchema } from '../contract/sunshine.schemas';
import { createFakeZafClient, type FakeZafClient } from '../support/fakeZafClient';
import { sunshineV1Contract } from '../support/openapi';

/** The template catalogue over the real transport, through the emulated Zendesk proxy, against the emulator. */

const DRAFT: TemplateDraft = {
  name: 'Soldes de printemps 2026',
  language: 'fr',
  category: 'MARKETING',
  header: { kind: 'image', url: 'https://cdn.herald.example/spring.jpg' },
  body: 'Bonjour {{Clarice}}, nos soldes commencent : {{-20 %}} sur tout le magasin jusqu’à dimanche.',
  footer: 'Répondez STOP pour ne plus recevoir nos offres',
  buttons: [
    { type: 'quick_reply', text: 'Voir les offres' },
    { type: 'quick_reply', text: 'Plus tard' },
  ],
};

interface Harness {
  emulator: Emulator;
  client: FakeZafClient;
  catalogue: TemplateCatalogue;
  customObjects: CustomObjectsClient;
  integrations: MessagingIntegration[];
}

async function harness(options: { generatedTemplatesPerIntegration?: number } = {}): Promise<Harness> {
  const emulator = createEmulator({ clock: new ManualClock(), sunshine: options, zendesk: { jobDelayMs: 0 } });
  const client = createFakeZafClient({ emulator, installation: createInstallation(emulator) });
  const transport = new ZafTransport(client);
  const sunshine = { baseUrl: `${emulator.config.zendeskOrigin}/sc`, appId: emulator.config.sunshine.appId };
  const smsStore = new SmsTemplateStore(new CustomObjectRecordsClient(transport, SMS_TEMPLATE_OBJECT.key));
  const catalogue = new TemplateCatalogue(new MessageTemplatesClient(transport, sunshine), smsStore, 'SMS (Herald)');
  const integrations = await new IntegrationsClient(transport, sunshine).listMessaging();
  return { emulator, client, catalogue, customObjects: new CustomObjectsClient(transport), integrations };
}

const activeWhatsApp = (h: Harness) => h.integrations.filter((integration) => integration.channel === 'whatsapp' && integration.status === 'active');

describe('the template catalogue', () => {
  it('lists 300 generated templates over 3 integrations completely, through several cursor pages', async () => {
    const h = await harness({ generatedTemplatesPerIntegration: 100 });
    const whatsapp = activeWhatsApp(h);
    expect(whatsapp).toHaveLength(3);
    const { templates, failures } = await h.catalogue.load(whatsapp);
    expect(failures).toEqual([]);
    for (const integration of whatsapp) {
      const expected = h.emulator.sunshine.messageTemplates(integration.id).map((template) => `${template.name}:${template.language}`).sort();
      const listed = templates.filter((template) => template.entries.some((entry) => entry.integrationId === integration.id)).map((template) => template.key).sort();
      expect(listed).toEqual(expected);
      expect(expected.filter((key) => key.startsWith('generated_'))).toHaveLength(100);
    }
    const pages = h.client.appRequests.filter((request) => request.url.includes('/messageTemplates'));
    expect(pages.length).toBeGreaterThanOrEqual(3 * 2);
    expect(pages.every((request) => request.secure && request.headers.Authorization === SUNSHINE_AUTHORIZATION)).toBe(true);
  });

  it('groups one template over several integrations with each status', async () => {
    const h = await harness();
    const { templates } = await h.catalogue.load(activeWhatsApp(h));
    const spread = templates.find((template) => new Set(template.entries.map((entry) => entry.status)).size > 1);
    expect(spread).toBeDefined();
    for (const entry of spread!.entries) {
      const stored = h.emulator.sunshine.messageTemplate(entry.integrationId!, spread!.name, spread!.language);
      expect(entry.status).toBe(stored?.status);
    }
  });

  it('says SMS templates need setup until Herald’s objects exist, then sets them up idempotently', async () => {
    const h = await harness();
    expect((await h.catalogue.load([])).smsNotSetUp).toBe(true);
    expect((await missingHeraldObjects(h.customObjects)).map((piece) => piece.object)).toEqual(HERALD_OBJECTS.map((object) => object.key));
    expect(await setUpHeraldObjects(h.customObjects)).toEqual({
      createdObjects: HERALD_OBJECTS.map((object) => object.key),
      createdFields: HERALD_OBJECTS.flatMap((object) => object.fields.map((field) => `${object.key}.${field.key}`)),
    });
    expect(await setUpHeraldObjects(h.customObjects)).toEqual({ createdObjects: [], createdFields: [] });
    expect(await missingHeraldObjects(h.customObjects)).toEqual([]);
    expect((await h.catalogue.load([])).smsNotSetUp).toBe(false);
  });
});

describe('creating a template', () => {
  let h: Harness;
  let targets: SubmissionTarget[];

  beforeEach(async () => {
    h = await harness();
    await setUpHeraldObjects(h.customObjects);
    const [france, brasil] = activeWhatsApp(h);
    targets = [
      { channel: 'whatsapp', integration: france! },
      { channel: 'whatsapp', integration: brasil! },
      { channel: 'sms' },
    ];
  });

  it('creates a WhatsApp + SMS template end to end: PENDING on each number, READY as SMS', async () => {
    const outcomes = await h.catalogue.submit(DRAFT, targets);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['created', 'created', 'created']);
    const { templates } = await h.catalogue.load(activeWhatsApp(h));
    const created = templates.find((template) => template.name === 'soldes_de_printemps_2026' && template.language === 'fr');
    expect(created?.entries.map((entry) => [entry.integrationName, entry.status])).toEqual(
      expect.arrayContaining([
        [targets[0]!.channel === 'whatsapp' ? targets[0]!.integration.displayName : '', 'PENDING'],
        ['SMS (Herald)', 'READY'],
      ]),
    );
    expect(created?.entries).toHaveLength(3);
    expect(created?.content.variables.map((variable) => variable.sample)).toEqual(['Clarice', '-20 %']);
  });

  it('sends request bodies that are Meta’s template shape, with the samples Meta requires', async () => {
    await h.catalogue.submit(DRAFT, targets);
    const posts = h.client.appRequests.filter((request) => request.method === 'POST' && request.url.endsWith('/messageTemplates'));
    expect(posts).toHaveLength(2);
    // The v1 contract has no messageTemplates operation (its Template* definitions are Smooch's own
    // shorthand templates), so bodies are checked against Meta's shape from the reference, §1.5.
    // When the official contract gains the operation, this fails and the check must move to it.
    expect(sunshineV1Contract().operationFor('POST', posts[0]!.url)).toBeUndefined();
    for (const post of posts) {
      const body = JSON.parse(post.data ?? '{}') as unknown;
      const checked = templateCreateRequestSchema.safeParse(body);
      expect(checked.success, JSON.stringify(checked.error?.issues)).toBe(true);
      expect(body).toMatchObject({
        name: 'soldes_de_printemps_2026',
        components: expect.arrayContaining([
          { type: 'HEADER', format: 'IMAGE', example: { header_handle: ['https://cdn.herald.example/spring.jpg'] } },
          expect.objectContaining({ type: 'BODY', example: { body_text: [['Clarice', '-20 %']] } }),
        ]),
      });
    }
  });

  it('keeps the others when one integration refuses, says which and why, and retries without duplicates', async () => {
    const brasil = targets[1]!;
    if (brasil.channel !== 'whatsapp') throw new Error('the second target is a WhatsApp number');
    h.emulator.sunshine.refuseTemplateCreations(brasil.integration.id);
    const first = await h.catalogue.submit(DRAFT, targets);
    expect(first.map((outcome) => outcome.status)).toEqual(['created', 'failed', 'created']);
    const failure = first[1];
    expect(failure?.status === 'failed' && failure.target).toBe(brasil);
    expect(failure?.status === 'failed' && (failure.error as { status?: number }).status).toBeGreaterThanOrEqual(400);

    h.emulator.sunshine.allowTemplateCreations(brasil.integration.id);
    const retry = await h.catalogue.submit(DRAFT, targets);
    expect(retry.map((outcome) => outcome.status)).toEqual(['already-there', 'created', 'already-there']);
    for (const target of targets) {
      if (target.channel !== 'whatsapp') continue;
      expect(h.emulator.sunshine.messageTemplates(target.integration.id).filter((template) => template.name === 'soldes_de_printemps_2026')).toHaveLength(1);
    }
    const smsRecords = h.emulator.zendesk.customObjects.records(SMS_TEMPLATE_OBJECT.key);
    expect([...smsRecords].length).toBe(1);
  });

  it('refuses to take over another template that already uses the name', async () => {
    await h.catalogue.submit(DRAFT, targets);
    const outcomes = await h.catalogue.submit({ ...DRAFT, body: 'Un autre texte pour {{Clarice}} et {{vous}}.' }, targets);
    expect(outcomes.every((outcome) => outcome.status === 'failed' && outcome.error instanceof TemplateNameTakenError)).toBe(true);
  });

  it('deletes a template by name everywhere', async () => {
    await h.catalogue.submit(DRAFT, targets);
    const whatsapp = targets.flatMap((target) => (target.channel === 'whatsapp' ? [target.integration] : []));
    const outcomes = await h.catalogue.remove('soldes_de_printemps_2026', whatsapp, true);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['deleted', 'deleted', 'deleted']);
    const { templates } = await h.catalogue.load(activeWhatsApp(h));
    expect(templates.find((template) => template.name === 'soldes_de_printemps_2026')).toBeUndefined();
  });
});
