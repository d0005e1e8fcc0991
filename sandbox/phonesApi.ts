import { z } from 'zod';
import type { Emulator, PhoneView } from '../emulator/index';
import type { PhoneEntry, PhoneReply } from './apiTypes';
import { HttpError } from './http';
import type { PhoneBook } from './phoneBook';

/**
 * The Phones view's server side: each number's WhatsApp as the customer's phone shows it
 * (`emulator.phones()`), and what the customer does there (`reply`, `read`), which the emulator
 * turns into Sunshine's webhooks. WhatsApp only: the emulator's customers answer and read there.
 */

/** What these endpoints use of the sandbox's state. */
interface Phones {
  readonly emulator: Emulator;
  readonly phoneBook: PhoneBook;
}

export const phoneReplySchema = z.object({ phone: z.string().min(2), text: z.string().trim().min(1).max(4096), payload: z.string().max(256).optional() });
export const phoneReadSchema = z.object({ phone: z.string().min(2) });

export function phoneEntries(state: Phones): PhoneEntry[] {
  const byPhone = new Map<string, PhoneView[]>();
  for (const view of state.emulator.phones()) {
    if (view.channel !== 'whatsapp') continue;
    byPhone.set(view.phone, [...(byPhone.get(view.phone) ?? []), view]);
  }
  return [...byPhone].map(([phone, views]) => {
    const user = state.phoneBook.userOf(phone);
    const messages = views
      .flatMap((view) => view.messages)
      .sort((a, b) => a.at - b.at)
      .map(({ from, text, at, status, code, quickReplies }) => ({
        from,
        text,
        at: new Date(at).toISOString(),
        status,
        ...(code === undefined ? {} : { code }),
        ...(quickReplies === undefined ? {} : { quickReplies }),
      }));
    return { phone, ...(user ? { user } : {}), messages };
  });
}

/** The customer answers (text, or a quick reply's text and payload): 404 when nothing was ever sent to the number. */
export function replyOnPhone(state: Phones, reply: PhoneReply): void {
  onPhone(reply.phone, () => state.emulator.reply(reply.phone, reply.payload === undefined ? reply.text.trim() : { text: reply.text.trim(), payload: reply.payload }));
}

export function readOnPhone(state: Phones, phone: string): void {
  onPhone(phone, () => state.emulator.read(phone));
}

function onPhone(phone: string, act: () => void): void {
  try {
    act();
  } catch (error) {
    if (error instanceof Error && /No WhatsApp conversation/.test(error.message)) throw new HttpError(404, `Nothing was sent on WhatsApp to ${phone} yet`);
    throw error;
  }
}
