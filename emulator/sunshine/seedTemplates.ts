import { SEEDED_INTEGRATION_IDS } from './seedIntegrations';
import type { RejectionReason, TemplateCategory, TemplateComponent, TemplateStatus } from './types';

/**
 * The seeded WhatsApp message templates: a catalogue of logical templates (one name, one category,
 * texts in several languages), then which translation each WhatsApp integration holds and in which
 * status. The same name lives on several integrations with different statuses, as on real accounts
 * where each number belongs to its own WhatsApp Business Account.
 */

type SeedLanguage = 'en_US' | 'en_GB' | 'fr' | 'pt_BR' | 'es';

/** en_GB reuses the en_US text. */
type Localized = Record<Exclude<SeedLanguage, 'en_GB'>, string>;

function local(text: Localized, language: SeedLanguage): string {
  return language === 'en_GB' ? text.en_US : text[language];
}

interface LogicalTemplate {
  category: TemplateCategory;
  components(language: SeedLanguage): TemplateComponent[];
}

const SHOP = 'https://shop.herald.example.com';
const CDN = 'https://cdn.herald.example.com';

const CATALOGUE: Record<string, LogicalTemplate> = {
  order_update: {
    category: 'UTILITY',
    components: (language) => [
      {
        type: 'HEADER',
        format: 'TEXT',
        text: local({ en_US: 'Order {{1}}', fr: 'Commande {{1}}', pt_BR: 'Pedido {{1}}', es: 'Pedido {{1}}' }, language),
        example: { header_text: ['#10482'] },
      },
      {
        type: 'BODY',
        text: local(
          {
            en_US: 'Hello {{1}}, your order {{2}} has shipped and should arrive on {{3}}.',
            fr: 'Bonjour {{1}}, votre commande {{2}} a été expédiée et devrait arriver le {{3}}.',
            pt_BR: 'Olá {{1}}, seu pedido {{2}} foi enviado e deve chegar em {{3}}.',
            es: 'Hola {{1}}, tu pedido {{2}} fue enviado y debería llegar el {{3}}.',
          },
          language,
        ),
        example: { body_text: [['Clarice', '#10482', '24/11']] },
      },
      { type: 'FOOTER', text: 'Herald Shop' },
      {
        type: 'BUTTONS',
        buttons: [
          {
            type: 'URL',
            text: local({ en_US: 'Track my order', fr: 'Suivre ma commande', pt_BR: 'Rastrear pedido', es: 'Seguir mi pedido' }, language),
            url: `${SHOP}/orders/{{1}}`,
            example: [`${SHOP}/orders/10482`],
          },
        ],
      },
    ],
  },
  spring_sale: {
    category: 'MARKETING',
    components: (language) => [
      { type: 'HEADER', format: 'IMAGE', example: { header_handle: [`${CDN}/campaigns/spring-sale.jpg`] } },
      {
        type: 'BODY',
        text: local(
          {
            en_US: 'Hi {{1}}! Our spring sale starts today: {{2}} off everything until Sunday.',
            fr: "Bonjour {{1}} ! Nos soldes de printemps commencent aujourd'hui : {{2}} sur tout jusqu'à dimanche.",
            pt_BR: 'Oi {{1}}! Nossa liquidação de primavera começa hoje: {{2}} de desconto em tudo até domingo.',
            es: '¡Hola {{1}}! Nuestras rebajas de primavera empiezan hoy: {{2}} en todo hasta el domingo.',
          },
          language,
        ),
        example: { body_text: [['Clarice', '20%']] },
      },
      {
        type: 'FOOTER',
        text: local(
          { en_US: 'Reply STOP to opt out', fr: 'Répondez STOP pour vous désabonner', pt_BR: 'Responda SAIR para cancelar', es: 'Responde BAJA para darte de baja' },
          language,
        ),
      },
      {
        type: 'BUTTONS',
        buttons: [
          { type: 'QUICK_REPLY', text: local({ en_US: 'Show me', fr: 'Je veux voir', pt_BR: 'Quero ver', es: 'Quiero verlo' }, language) },
          { type: 'QUICK_REPLY', text: local({ en_US: 'Not interested', fr: 'Pas intéressé', pt_BR: 'Não tenho interesse', es: 'No me interesa' }, language) },
        ],
      },
    ],
  },
  appointment_reminder: {
    category: 'UTILITY',
    components: (language) => [
      {
        type: 'BODY',
        text: local(
          {
            en_US: 'Reminder: your appointment with {{1}} is on {{2}}. Reply to this message to change it.',
            fr: 'Rappel : votre rendez-vous avec {{1}} est prévu le {{2}}. Répondez à ce message pour le modifier.',
            pt_BR: 'Lembrete: sua consulta com {{1}} está marcada para {{2}}. Responda a esta mensagem para alterá-la.',
            es: 'Recordatorio: tu cita con {{1}} es el {{2}}. Responde a este mensaje para cambiarla.',
          },
          language,
        ),
        example: { body_text: [['Dr Martin', '24/11 10:00']] },
      },
      {
        type: 'BUTTONS',
        buttons: [
          { type: 'PHONE_NUMBER', text: local({ en_US: 'Call us', fr: 'Nous appeler', pt_BR: 'Ligar para nós', es: 'Llámanos' }, language), phone_number: '+33644980142' },
          {
            type: 'URL',
            text: local({ en_US: 'Manage booking', fr: 'Gérer le rendez-vous', pt_BR: 'Gerenciar consulta', es: 'Gestionar cita' }, language),
            url: `${SHOP}/appointments`,
          },
        ],
      },
    ],
  },
  verification_code: {
    category: 'AUTHENTICATION',
    // Meta builds authentication templates itself; the copy-code button comes back as a URL button.
    components: (language) => [
      {
        type: 'BODY',
        text: local(
          {
            en_US: '*{{1}}* is your verification code. For your security, do not share this code.',
            fr: '*{{1}}* est votre code de vérification. Pour votre sécurité, ne le partagez pas.',
            pt_BR: '*{{1}}* é seu código de verificação. Para sua segurança, não o compartilhe.',
            es: '*{{1}}* es tu código de verificación. Por tu seguridad, no lo compartas.',
          },
          language,
        ),
        example: { body_text: [['482913']] },
      },
      {
        type: 'BUTTONS',
        buttons: [
          {
            type: 'URL',
            text: local({ en_US: 'Copy code', fr: 'Copier le code', pt_BR: 'Copiar código', es: 'Copiar código' }, language),
            url: 'https://www.whatsapp.com/otp/code/?otp_type=COPY_CODE&code=otp{{1}}',
            example: ['https://www.whatsapp.com/otp/code/?otp_type=COPY_CODE&code=otp482913'],
          },
        ],
      },
    ],
  },
  invoice_available: {
    category: 'UTILITY',
    components: (language) => [
      { type: 'HEADER', format: 'DOCUMENT', example: { header_handle: [`${CDN}/samples/invoice.pdf`] } },
      {
        type: 'BODY',
        text: local(
          {
            en_US: 'Your invoice {{1}} is available. Thank you for your purchase!',
            fr: 'Votre facture {{1}} est disponible. Merci pour votre achat !',
            pt_BR: 'Sua fatura {{1}} está disponível. Obrigado pela sua compra!',
            es: 'Tu factura {{1}} está disponible. ¡Gracias por tu compra!',
          },
          language,
        ),
        example: { body_text: [['INV-2026-0042']] },
      },
    ],
  },
  product_video: {
    category: 'MARKETING',
    components: (language) => [
      { type: 'HEADER', format: 'VIDEO', example: { header_handle: [`${CDN}/campaigns/new-collection.mp4`] } },
      {
        type: 'BODY',
        text: local(
          {
            en_US: 'Discover our new collection in 30 seconds.',
            fr: 'Découvrez notre nouvelle collection en 30 secondes.',
            pt_BR: 'Descubra nossa nova coleção em 30 segundos.',
            es: 'Descubre nuestra nueva colección en 30 segundos.',
          },
          language,
        ),
      },
      {
        type: 'BUTTONS',
        buttons: [
          { type: 'URL', text: local({ en_US: 'See more', fr: 'Voir plus', pt_BR: 'Ver mais', es: 'Ver más' }, language), url: `${SHOP}/collection` },
        ],
      },
    ],
  },
  welcome_back: {
    category: 'MARKETING',
    components: (language) => [
      {
        type: 'BODY',
        text: local(
          {
            en_US: 'We miss you, {{1}}! Here is {{2}} off your next order with the code {{3}}.',
            fr: 'Vous nous manquez, {{1}} ! Profitez de {{2}} sur votre prochaine commande avec le code {{3}}.',
            pt_BR: 'Sentimos sua falta, {{1}}! Ganhe {{2}} no seu próximo pedido com o código {{3}}.',
            es: '¡Te echamos de menos, {{1}}! Tienes {{2}} en tu próximo pedido con el código {{3}}.',
          },
          language,
        ),
        example: { body_text: [['Clarice', '15%', 'BACK15']] },
      },
    ],
  },
  survey_feedback: {
    category: 'UTILITY',
    components: (language) => [
      {
        type: 'BODY',
        text: local(
          {
            en_US: 'How did we do, {{1}}? Rate your last conversation with us.',
            fr: 'Comment nous sommes-nous débrouillés, {{1}} ? Notez votre dernière conversation avec nous.',
            pt_BR: 'Como nos saímos, {{1}}? Avalie sua última conversa conosco.',
            es: '¿Qué tal lo hicimos, {{1}}? Valora tu última conversación con nosotros.',
          },
          language,
        ),
        example: { body_text: [['Clarice']] },
      },
      {
        type: 'BUTTONS',
        buttons: [
          { type: 'QUICK_REPLY', text: local({ en_US: 'Great', fr: 'Très bien', pt_BR: 'Ótimo', es: 'Genial' }, language) },
          { type: 'QUICK_REPLY', text: local({ en_US: 'Could be better', fr: 'Peut mieux faire', pt_BR: 'Pode melhorar', es: 'Puede mejorar' }, language) },
        ],
      },
    ],
  },
  loyalty_points: {
    category: 'MARKETING',
    components: (language) => [
      {
        type: 'BODY',
        text: local(
          {
            en_US: '{{1}}, you have {{2}} loyalty points. Use them before {{3}}!',
            fr: '{{1}}, vous avez {{2}} points de fidélité. Utilisez-les avant le {{3}} !',
            pt_BR: '{{1}}, você tem {{2}} pontos de fidelidade. Use-os antes de {{3}}!',
            es: '{{1}}, tienes {{2}} puntos de fidelidad. ¡Úsalos antes del {{3}}!',
          },
          language,
        ),
        example: { body_text: [['Clarice', '1200', '31/12']] },
      },
    ],
  },
  black_friday: {
    category: 'MARKETING',
    components: (language) => [
      { type: 'HEADER', format: 'TEXT', text: 'Black Friday' },
      {
        type: 'BODY',
        text: local(
          {
            en_US: 'Black Friday is here, {{1}}: up to {{2}} off.',
            fr: 'Le Black Friday est là, {{1}} : jusqu’à {{2}} de réduction.',
            pt_BR: 'A Black Friday chegou, {{1}}: até {{2}} de desconto.',
            es: 'Llegó el Black Friday, {{1}}: hasta {{2}} de descuento.',
          },
          language,
        ),
        example: { body_text: [['Clarice', '50%']] },
      },
      {
        type: 'BUTTONS',
        buttons: [
          { type: 'QUICK_REPLY', text: local({ en_US: 'Show me the deals', fr: 'Voir les offres', pt_BR: 'Ver as ofertas', es: 'Ver las ofertas' }, language) },
          { type: 'QUICK_REPLY', text: local({ en_US: 'Stop promotions', fr: 'Stop promotions', pt_BR: 'Parar promoções', es: 'Parar promociones' }, language) },
        ],
      },
    ],
  },
  old_newsletter: {
    category: 'MARKETING',
    components: (language) => [
      {
        type: 'BODY',
        text: local(
          {
            en_US: 'Our monthly newsletter is out. Read it on our website.',
            fr: 'Notre lettre mensuelle est parue. Lisez-la sur notre site.',
            pt_BR: 'Nossa newsletter mensal saiu. Leia em nosso site.',
            es: 'Nuestro boletín mensual ya está disponible. Léelo en nuestra web.',
          },
          language,
        ),
      },
    ],
  },
};

export interface SeededTemplate {
  integrationId: string;
  name: string;
  language: SeedLanguage;
  status: TemplateStatus;
  category: TemplateCategory;
  components: TemplateComponent[];
  rejectedReason?: RejectionReason;
}

type Assignment = [name: string, language: SeedLanguage, status: TemplateStatus, rejectedReason?: RejectionReason];

const ASSIGNMENTS: Record<string, Assignment[]> = {
  [SEEDED_INTEGRATION_IDS.whatsappFrance]: [
    ['order_update', 'fr', 'APPROVED'],
    ['order_update', 'en_US', 'APPROVED'],
    ['spring_sale', 'fr', 'APPROVED'],
    // The same template as on Herald US, where Meta rejected it: the catalogue shows both statuses.
    ['spring_sale', 'en_US', 'PENDING'],
    ['appointment_reminder', 'fr', 'APPROVED'],
    ['verification_code', 'fr', 'APPROVED'],
    ['invoice_available', 'fr', 'APPROVED'],
    ['welcome_back', 'fr', 'APPROVED'],
    ['product_video', 'fr', 'PENDING'],
    ['survey_feedback', 'fr', 'PENDING'],
    ['loyalty_points', 'fr', 'REJECTED', 'PROMOTIONAL'],
    ['black_friday', 'fr', 'PAUSED'],
    ['old_newsletter', 'fr', 'DISABLED'],
  ],
  [SEEDED_INTEGRATION_IDS.whatsappBrasil]: [
    ['order_update', 'pt_BR', 'APPROVED'],
    ['spring_sale', 'pt_BR', 'PENDING'],
    ['welcome_back', 'pt_BR', 'APPROVED'],
    ['verification_code', 'pt_BR', 'APPROVED'],
    ['loyalty_points', 'pt_BR', 'APPROVED'],
    ['black_friday', 'pt_BR', 'APPROVED'],
    ['appointment_reminder', 'pt_BR', 'REJECTED', 'INVALID_FORMAT'],
    ['product_video', 'pt_BR', 'DISABLED'],
  ],
  [SEEDED_INTEGRATION_IDS.whatsappUs]: [
    ['order_update', 'en_US', 'APPROVED'],
    ['order_update', 'es', 'APPROVED'],
    ['spring_sale', 'en_US', 'REJECTED', 'TAG_CONTENT_MISMATCH'],
    ['welcome_back', 'en_US', 'APPROVED'],
    ['welcome_back', 'es', 'PAUSED'],
    ['verification_code', 'en_US', 'APPROVED'],
    ['appointment_reminder', 'en_US', 'PENDING'],
    ['product_video', 'en_US', 'APPROVED'],
    ['invoice_available', 'en_US', 'APPROVED'],
    ['survey_feedback', 'es', 'APPROVED'],
    ['old_newsletter', 'en_US', 'DISABLED'],
  ],
  [SEEDED_INTEGRATION_IDS.whatsappRetired]: [
    ['order_update', 'en_GB', 'APPROVED'],
    ['spring_sale', 'en_GB', 'DISABLED'],
  ],
};

export function seedTemplates(): SeededTemplate[] {
  const seeded: SeededTemplate[] = [];
  for (const [integrationId, assignments] of Object.entries(ASSIGNMENTS)) {
    for (const [name, language, status, rejectedReason] of assignments) {
      const logical = CATALOGUE[name];
      if (!logical) throw new Error(`Seed names an unknown template: ${name}`);
      seeded.push({ integrationId, name, language, status, category: logical.category, components: logical.components(language), rejectedReason });
    }
  }
  return seeded;
}

const GENERATED_LANGUAGES: SeedLanguage[] = ['en_US', 'fr', 'pt_BR', 'es'];

/**
 * `count` filler templates for one integration, for pagination: mostly approved, with every other
 * status sprinkled in at fixed positions, and 0 to 3 body variables.
 */
export function generateTemplates(integrationId: string, count: number): SeededTemplate[] {
  const generated: SeededTemplate[] = [];
  for (let index = 1; index <= count; index += 1) {
    const variables = index % 4;
    const placeholders = Array.from({ length: variables }, (_, position) => `{{${position + 1}}}`);
    const text = variables === 0 ? `Generated message number ${index}.` : `Generated message number ${index} for ${placeholders.join(', ')}.`;
    const status: TemplateStatus = index % 10 === 0 ? 'PENDING' : index % 10 === 5 ? 'REJECTED' : index % 25 === 3 ? 'PAUSED' : index % 25 === 7 ? 'DISABLED' : 'APPROVED';
    generated.push({
      integrationId,
      name: `generated_${String(index).padStart(4, '0')}`,
      language: GENERATED_LANGUAGES[index % GENERATED_LANGUAGES.length] ?? 'en_US',
      status,
      category: index % 3 === 0 ? 'UTILITY' : 'MARKETING',
      components: [
        variables === 0
          ? { type: 'BODY', text }
          : { type: 'BODY', text, example: { body_text: [placeholders.map((_, position) => `sample ${position + 1}`)] } },
      ],
      rejectedReason: status === 'REJECTED' ? 'INVALID_FORMAT' : undefined,
    });
  }
  return generated;
}
