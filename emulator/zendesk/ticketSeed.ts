import type { CountryCode } from './countries';
import { DEFAULT_GROUP_ID, TicketStore, viaFor, type TicketRecord, type TicketStatus, type Via } from './tickets';
import { MINUTE } from './time';
import type { UserRecord } from './userRecord';
import type { UserStore } from './users';

/**
 * Five tickets with stable ids for the agent-side features: three WhatsApp conversations whose
 * requester last wrote 2 h, 23 h and 3 days ago (window open, about to close, closed), an email
 * ticket and an SMS conversation.
 */

export const SEEDED_TICKET_IDS = {
  whatsappOpenWindow: 101,
  whatsappClosingWindow: 102,
  whatsappClosedWindow: 103,
  email: 104,
  sms: 105,
} as const;

/** Our WhatsApp and SMS business numbers as the messaging source shows them. */
const WHATSAPP_BUSINESS_NUMBER = '+33186950000';
const SMS_BUSINESS_NUMBER = '+12025550147';

/**
 * Messaging tickets (WhatsApp, SMS through Sunshine Conversations) come in through the
 * `native_messaging` via type of Zendesk's "Via types" table. The spec types `source` as a
 * free-form object; the Via object reference documents `from`, `to` and `rel`. We put the channel
 * integration in `rel` ("whatsapp", "twilio"), the customer in `from` and our business number in
 * `to`: the hint a client needs to tell a WhatsApp conversation from an SMS one.
 */
function messagingVia(integration: 'whatsapp' | 'twilio', customer: UserRecord): Via {
  return {
    channel: 'native_messaging',
    source: {
      from: { name: customer.name, phone: customer.phone },
      to: { name: 'Herald Demo', phone: integration === 'whatsapp' ? WHATSAPP_BUSINESS_NUMBER : SMS_BUSINESS_NUMBER },
      rel: integration,
    },
  };
}

function emailVia(customer: UserRecord, supportAddress: string): Via {
  return {
    channel: 'email',
    source: { from: { address: customer.email, name: customer.name }, to: { address: supportAddress, name: 'Herald Demo' }, rel: null },
  };
}

interface Message {
  /** Minutes before the seed time. */
  ago: number;
  fromCustomer: boolean;
  body: string;
  public?: boolean;
}

interface TicketPlan {
  id: number;
  subject: string;
  status: TicketStatus;
  country: CountryCode;
  channel: 'whatsapp' | 'twilio' | 'email';
  assigneeId: number;
  tags: string[];
  messages: Message[];
}

const PLANS: readonly TicketPlan[] = [
  {
    id: SEEDED_TICKET_IDS.whatsappOpenWindow,
    subject: 'Commande 48213 non reçue',
    status: 'open',
    country: 'FR',
    channel: 'whatsapp',
    assigneeId: 2,
    tags: ['whatsapp', 'livraison'],
    messages: [
      { ago: 190, fromCustomer: true, body: "Bonjour, ma commande 48213 n'est toujours pas arrivée." },
      { ago: 175, fromCustomer: false, body: 'Bonjour, je regarde cela tout de suite.' },
      { ago: 120, fromCustomer: true, body: 'Merci ! Le suivi indique « en transit » depuis lundi.' },
      { ago: 95, fromCustomer: false, body: 'Relancé le transporteur par téléphone.', public: false },
      { ago: 90, fromCustomer: false, body: 'Le transporteur confirme une livraison demain avant 13 h.' },
    ],
  },
  {
    id: SEEDED_TICKET_IDS.whatsappClosingWindow,
    subject: 'Exchange a jacket for a larger size',
    status: 'pending',
    country: 'GB',
    channel: 'whatsapp',
    assigneeId: 3,
    tags: ['whatsapp', 'exchange'],
    messages: [
      { ago: 26 * 60, fromCustomer: true, body: 'Hi, can I exchange my jacket for a size L?' },
      { ago: 25 * 60, fromCustomer: false, body: 'Of course! Could you send me your order number?' },
      { ago: 23 * 60, fromCustomer: true, body: "It's 51877, thanks." },
      { ago: 22 * 60 + 30, fromCustomer: false, body: 'Thanks, I have started the exchange. You will get a return label by email.' },
    ],
  },
  {
    id: SEEDED_TICKET_IDS.whatsappClosedWindow,
    subject: 'Reembolso pendiente',
    status: 'pending',
    country: 'ES',
    channel: 'whatsapp',
    assigneeId: 2,
    tags: ['whatsapp', 'reembolso'],
    messages: [
      { ago: 4 * 24 * 60, fromCustomer: true, body: 'Hola, todavía no he recibido el reembolso de mi pedido.' },
      { ago: 4 * 24 * 60 - 45, fromCustomer: false, body: 'Hola, lo comprobamos con contabilidad.' },
      { ago: 3 * 24 * 60, fromCustomer: true, body: 'Vale, quedo a la espera.' },
      { ago: 2 * 24 * 60, fromCustomer: false, body: 'El reembolso se ha emitido hoy; tardará de 3 a 5 días.' },
    ],
  },
  {
    id: SEEDED_TICKET_IDS.email,
    subject: 'Facture introuvable',
    status: 'open',
    country: 'FR',
    channel: 'email',
    assigneeId: 3,
    tags: ['facturation'],
    messages: [
      { ago: 2 * 24 * 60, fromCustomer: true, body: 'Bonjour, je ne trouve pas la facture de ma dernière commande dans mon espace client.' },
      { ago: 24 * 60, fromCustomer: false, body: 'Bonjour, vous la trouverez en pièce jointe. Bonne journée !' },
    ],
  },
  {
    id: SEEDED_TICKET_IDS.sms,
    subject: 'Delivery time slot',
    status: 'open',
    country: 'US',
    channel: 'twilio',
    assigneeId: 2,
    tags: ['sms'],
    messages: [
      { ago: 70, fromCustomer: true, body: 'Can you deliver after 6pm tomorrow?' },
      { ago: 65, fromCustomer: false, body: 'Let me check with the driver.' },
      { ago: 50, fromCustomer: true, body: 'Great, thanks. Please text me back.' },
    ],
  },
];

/** A clean, reachable WhatsApp customer: E.164 phone of their own, opted in, not suspended. */
export function isReachableCustomer(user: UserRecord): boolean {
  return (
    user.role === 'end-user' &&
    user.phone !== null &&
    /^\+[1-9]\d{7,14}$/.test(user.phone) &&
    !user.sharedPhoneNumber &&
    !user.suspended &&
    user.tags.includes('whatsapp_opt_in') &&
    !user.tags.includes('whatsapp_opt_out')
  );
}

/** Requesters are among the oldest customers (created long before their first message). */
const REQUESTER_SCAN = 5000;

function pickRequesters(users: UserStore): Map<number, UserRecord> {
  const chosen = new Map<number, UserRecord>();
  const taken = new Set<number>();
  const scan = Math.min(users.endUserCount, REQUESTER_SCAN);
  const candidates: UserRecord[] = [];
  for (let index = 0; index < scan; index++) {
    const user = users.get(users.firstEndUserId + index);
    if (user && isReachableCustomer(user)) candidates.push(user);
  }
  for (const plan of PLANS) {
    const match =
      candidates.find((user) => !taken.has(user.id) && user.country === plan.country) ?? candidates.find((user) => !taken.has(user.id));
    const requester = match ?? users.get(users.firstEndUserId) ?? users.get(1);
    if (!requester) throw new Error('The seed needs at least one user to request tickets');
    taken.add(requester.id);
    chosen.set(plan.id, requester);
  }
  return chosen;
}

export function seedTickets(users: UserStore, now: number, subdomain: string): TicketStore {
  const store = new TicketStore();
  const requesters = pickRequesters(users);
  for (const plan of PLANS) {
    const requester = requesters.get(plan.id) as UserRecord;
    const customerVia =
      plan.channel === 'email' ? emailVia(requester, `support@${subdomain}.zendesk.com`) : messagingVia(plan.channel, requester);
    const first = plan.messages[0] as Message;
    const ticket: TicketRecord = {
      id: plan.id,
      subject: plan.subject,
      status: plan.status,
      priority: 'normal',
      type: 'question',
      requesterId: requester.id,
      submitterId: requester.id,
      assigneeId: plan.assigneeId,
      groupId: DEFAULT_GROUP_ID,
      organizationId: requester.organizationId,
      tags: [...plan.tags],
      via: customerVia,
      createdAt: now - first.ago * MINUTE,
      updatedAt: now - first.ago * MINUTE,
      comments: [],
    };
    store.add(ticket);
    for (const message of plan.messages) {
      store.addComment(ticket, {
        authorId: message.fromCustomer ? requester.id : plan.assigneeId,
        body: message.body,
        htmlBody: `<div class="zd-comment" dir="auto"><p dir="auto">${escapeHtml(message.body)}</p></div>`,
        public: message.public ?? true,
        createdAt: now - message.ago * MINUTE,
        via: message.fromCustomer ? customerVia : viaFor('web'),
      });
    }
  }
  return store;
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

