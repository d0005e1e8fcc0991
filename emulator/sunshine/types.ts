/**
 * The records the Sunshine Conversations emulator keeps. Integrations follow the v2 OpenAPI
 * `integration` schemas (`whatsapp`, `twilio`, `messagebird`, `web`, `custom`) field for field;
 * message templates follow Meta's Business Management API shape, which SunCo v1.1 proxies.
 */

export interface SunshineApp {
  id: string;
  displayName: string;
  settings: {
    conversationRetentionSeconds: number;
    maskCreditCardNumbers: boolean;
    useAnimalNames: boolean;
    echoPostback: boolean;
    ignoreAutoConversationStart: boolean;
    multiConvoEnabled: boolean;
    appLocalizationEnabled: boolean;
  };
  metadata: Record<string, string | number | boolean> | null;
}

export type IntegrationStatus = 'active' | 'inactive' | 'error';

interface IntegrationBase {
  id: string;
  status: IntegrationStatus;
  displayName: string | null;
}

export interface WhatsAppIntegration extends IntegrationBase {
  type: 'whatsapp';
  /** Digits only, as in the spec's example (`15144441919`). */
  phoneNumber: string | null;
  hsmFallbackLanguage: string | null;
  /** The WhatsApp Business Account id. */
  accountId: string | null;
}

/** `authToken` is write-only in the spec: an integration never carries it back. */
export interface TwilioIntegration extends IntegrationBase {
  type: 'twilio';
  accountSid: string;
  phoneNumberSid?: string;
  messagingServiceSid?: string;
}

/** `accessKey` and `signingKey` are write-only in the spec. */
export interface MessageBirdIntegration extends IntegrationBase {
  type: 'messagebird';
  originator: string;
  webhookSecret: string;
}

export interface WebIntegration extends IntegrationBase {
  type: 'web';
  brandColor: string;
  conversationColor: string;
  actionColor: string;
  displayStyle: 'button' | 'tab';
  buttonWidth: string;
  buttonHeight: string;
  fixedIntroPane: boolean;
  businessName: string;
  integrationOrder: string[] | null;
  originWhitelist: string[] | null;
  canUserSeeConversationList: boolean;
  attachmentsEnabled: boolean;
}

export interface Webhook {
  id: string;
  version: 'v1' | 'v1.1' | 'v2';
  target: string;
  triggers: string[];
  secret: string;
  includeFullUser: boolean;
  includeFullSource: boolean;
}

export interface CustomIntegration extends IntegrationBase {
  type: 'custom';
  /**
   * The spec's `custom` schema holds exactly one webhook; more can be added with Create Webhook
   * and are listed there (the integration shows its first).
   */
  webhooks: Webhook[];
}

export type Integration = WhatsAppIntegration | TwilioIntegration | MessageBirdIntegration | WebIntegration | CustomIntegration;

export type IntegrationType = Integration['type'];

type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;
/** An integration before the emulator gives it an id. */
export type NewIntegration = WithoutId<Integration>;

/** Every type the v2 spec's `integration` discriminator knows: valid values of `filter[types]`. */
export const INTEGRATION_TYPES = [
  'android',
  'apple',
  'custom',
  'instagram',
  'ios',
  'line',
  'mailgun',
  'messagebird',
  'messenger',
  'telegram',
  'twilio',
  'twitter',
  'unity',
  'viber',
  'web',
  'whatsapp',
] as const;

/** Channels the Notification API can reach by phone number. */
export const SMS_INTEGRATION_TYPES = ['twilio', 'messagebird'] as const;

// --- WhatsApp message templates (Meta's upper-case component shape) ---

export const TEMPLATE_STATUSES = ['APPROVED', 'PENDING', 'REJECTED', 'PAUSED', 'DISABLED'] as const;
export type TemplateStatus = (typeof TEMPLATE_STATUSES)[number];

export const TEMPLATE_CATEGORIES = ['MARKETING', 'UTILITY', 'AUTHENTICATION'] as const;
export type TemplateCategory = (typeof TEMPLATE_CATEGORIES)[number];

/** Meta's `rejected_reason` values. */
export type RejectionReason =
  | 'ABUSIVE_CONTENT'
  | 'INCORRECT_CATEGORY'
  | 'INVALID_FORMAT'
  | 'PROMOTIONAL'
  | 'SCAM'
  | 'TAG_CONTENT_MISMATCH';

export type HeaderComponent =
  | { type: 'HEADER'; format: 'TEXT'; text: string; example?: { header_text: string[] } }
  | { type: 'HEADER'; format: 'IMAGE' | 'DOCUMENT' | 'VIDEO'; example: { header_handle: string[] } };

export interface BodyComponent {
  type: 'BODY';
  text: string;
  /** One row of sample values, one per `{{n}}`. */
  example?: { body_text: string[][] };
}

export interface FooterComponent {
  type: 'FOOTER';
  text: string;
}

export type TemplateButton =
  | { type: 'QUICK_REPLY'; text: string }
  | { type: 'URL'; text: string; url: string; example?: string[] }
  | { type: 'PHONE_NUMBER'; text: string; phone_number: string };

export interface ButtonsComponent {
  type: 'BUTTONS';
  buttons: TemplateButton[];
}

export type TemplateComponent = HeaderComponent | BodyComponent | FooterComponent | ButtonsComponent;

/** A template as the v1.1 `messageTemplates` endpoints return it. */
export interface MessageTemplate {
  id: string;
  name: string;
  language: string;
  status: TemplateStatus;
  category: TemplateCategory;
  components: TemplateComponent[];
  /** Only on REJECTED templates. */
  rejected_reason?: RejectionReason;
}

// --- Notifications ---

/** A notification the emulator accepted: what the app asked Sunshine Conversations to send. */
export interface NotificationRecord {
  /** The `_id` returned to the caller. */
  id: string;
  integrationId: string;
  integrationType: IntegrationType;
  destinationId: string;
  messageSchema: 'whatsapp' | undefined;
  /** The `message` object exactly as received. */
  message: Record<string, unknown>;
  author: Record<string, unknown>;
  /** The approved template it used, for WhatsApp notifications. */
  template: { id: string; name: string; language: string; category: TemplateCategory } | undefined;
  at: number;
}

/** What a test makes happen to the messages to one destination phone number. */
export interface DeliveryFailure {
  /** The call's HTTP status, when the failure is answered on the call. */
  status: number;
  /** Error code, a WhatsApp code such as `131026` for channel failures. */
  code: string;
  title: string;
  /** Only notifications using a template of these categories fail (the marketing cap spares utility). */
  categories?: readonly TemplateCategory[];
  /** Answered on the call (an error status) rather than later by a delivery-failure webhook. */
  synchronous?: boolean;
}

/** A notification that passed validation but was refused for its destination. */
export interface RefusedNotification {
  integrationId: string;
  destinationId: string;
  status: number;
  code: string;
  at: number;
}
