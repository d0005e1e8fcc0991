import { seededIntegrationId, webhookId } from './ids';
import type { Integration, SunshineApp } from './types';

/**
 * The seeded integrations, by role. Ids are fixed (not derived from the clock) so that the sandbox's
 * settings and the tests can name them across restarts and resets.
 */
export const SEEDED_INTEGRATION_IDS = {
  whatsappFrance: seededIntegrationId(1),
  whatsappBrasil: seededIntegrationId(2),
  whatsappUs: seededIntegrationId(3),
  whatsappRetired: seededIntegrationId(4),
  twilioSms: seededIntegrationId(5),
  web: seededIntegrationId(6),
  custom: seededIntegrationId(7),
} as const;

export function seedApp(appId: string, displayName: string): SunshineApp {
  return {
    id: appId,
    displayName,
    settings: {
      conversationRetentionSeconds: 0,
      maskCreditCardNumbers: true,
      useAnimalNames: false,
      echoPostback: false,
      ignoreAutoConversationStart: false,
      multiConvoEnabled: true,
      appLocalizationEnabled: false,
    },
    metadata: null,
  };
}

export function seedIntegrations(): Integration[] {
  const ids = SEEDED_INTEGRATION_IDS;
  return [
    {
      id: ids.whatsappFrance,
      type: 'whatsapp',
      status: 'active',
      displayName: 'Herald France',
      // +33 6 39 98 … is set aside by ARCEP for fiction.
      phoneNumber: '33644980142',
      hsmFallbackLanguage: 'fr',
      accountId: '104218857729301',
    },
    {
      id: ids.whatsappBrasil,
      type: 'whatsapp',
      status: 'active',
      displayName: 'Herald Brasil',
      phoneNumber: '5511955550123',
      hsmFallbackLanguage: 'pt_BR',
      accountId: '104218857729302',
    },
    {
      id: ids.whatsappUs,
      type: 'whatsapp',
      status: 'active',
      displayName: 'Herald US',
      // 555-01xx numbers are reserved for fiction in the North American plan.
      phoneNumber: '12025550188',
      hsmFallbackLanguage: 'en_US',
      accountId: '104218857729303',
    },
    {
      id: ids.whatsappRetired,
      type: 'whatsapp',
      status: 'inactive',
      displayName: 'Herald UK (retired)',
      // 07700 900xxx is Ofcom's range for drama.
      phoneNumber: '447700900123',
      hsmFallbackLanguage: 'en_GB',
      accountId: '104218857729304',
    },
    {
      id: ids.twilioSms,
      type: 'twilio',
      status: 'active',
      displayName: 'Herald SMS',
      accountSid: 'AC5e8b1f0c2d3a4b5c6d7e8f9a0b1c2d3e',
      phoneNumberSid: 'PN0f1e2d3c4b5a69788796a5b4c3d2e1f0',
    },
    {
      id: ids.web,
      type: 'web',
      status: 'active',
      displayName: 'Herald website',
      brandColor: '1f73b7',
      conversationColor: '1f73b7',
      actionColor: '038153',
      displayStyle: 'button',
      buttonWidth: '58',
      buttonHeight: '58',
      fixedIntroPane: false,
      businessName: 'Herald',
      integrationOrder: null,
      originWhitelist: ['https://herald.example.com'],
      canUserSeeConversationList: true,
      attachmentsEnabled: true,
    },
    {
      id: ids.custom,
      type: 'custom',
      status: 'active',
      displayName: 'Herald delivery events',
      webhooks: [
        {
          id: webhookId(1),
          version: 'v2',
          target: 'https://herald.example.com/sunco/webhooks',
          triggers: ['conversation:message:delivery:channel', 'conversation:message:delivery:user', 'conversation:message:delivery:failure'],
          secret: '8c1f4e2a9b7d3c5e6f0a1b2c3d4e5f60',
          includeFullUser: false,
          includeFullSource: false,
        },
      ],
    },
  ];
}
