import type { Random } from '../zendesk/random';

/** What a customer answers: a text, or a quick-reply button (its text and its `payload`). */
export interface CustomerReply {
  text: string;
  payload?: string;
}

/** What the customer means, for the emulator's truth (Sunshine itself never classifies a message). */
export type ReplyIntent = 'stop' | 'start' | 'other';

/**
 * The seeded answers, with how often each kind comes: opt-out words in English and French (and
 * a quick-reply button whose payload says it), a re-subscription, and questions for an agent.
 */
const SEEDED_REPLIES: ReadonlyArray<{ reply: CustomerReply; weight: number }> = [
  { reply: { text: 'STOP' }, weight: 12 },
  { reply: { text: 'Arrêt' }, weight: 8 },
  { reply: { text: 'Stop promotions', payload: 'stop promotions' }, weight: 8 },
  { reply: { text: 'START' }, weight: 4 },
  { reply: { text: 'What time do you open on Sunday?' }, weight: 20 },
  { reply: { text: 'Is delivery free?' }, weight: 16 },
  { reply: { text: 'Est-ce que ma commande est partie ?' }, weight: 16 },
  { reply: { text: 'Merci !' }, weight: 16 },
];

const TOTAL_WEIGHT = SEEDED_REPLIES.reduce((sum, entry) => sum + entry.weight, 0);

export function seededReply(random: Random): CustomerReply {
  let draw = random.next() * TOTAL_WEIGHT;
  for (const entry of SEEDED_REPLIES) {
    draw -= entry.weight;
    if (draw < 0) return { ...entry.reply };
  }
  return { ...(SEEDED_REPLIES[0] as { reply: CustomerReply }).reply };
}

/**
 * The words the truth counts as STOP and START: Herald's documented defaults (English and French),
 * compared as the whole message after trimming, case and accents. A test that configures other
 * words passes the intent with its reply.
 */
const STOP_WORDS = ['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'STOP PROMOTIONS', 'ARRET', 'ARRETER', 'DESABONNER', 'DESINSCRIPTION'];
const START_WORDS = ['START', 'UNSTOP', 'SUBSCRIBE', 'DEMARRER', 'REPRENDRE'];

export function intentOf(reply: CustomerReply): ReplyIntent {
  for (const said of [reply.payload, reply.text]) {
    if (said === undefined) continue;
    const normalized = said.normalize('NFD').replace(/\p{Diacritic}/gu, '').replace(/\s+/g, ' ').trim().toUpperCase().replace(/[.!?]+$/, '').trim();
    if (STOP_WORDS.includes(normalized)) return 'stop';
    if (START_WORDS.includes(normalized)) return 'start';
  }
  return 'other';
}
