import type { PhoneEntry } from '../../apiTypes';
import { el } from '../dom';
import { sandboxClient } from '../sandboxClient';
import { failure, loading } from './common';
import type { Page } from './page';

/**
 * `#/phones`: each customer's WhatsApp as their phone shows it (✓ sent, ✓✓ delivered, ✓✓ read in
 * blue, failed with WhatsApp's code), read again every 2 s; the customer may answer (typed, or a
 * quick reply) or read the conversation, which the emulator turns into Sunshine's webhooks.
 */

const REFRESH_MS = 2_000;

type PhoneMessage = PhoneEntry['messages'][number];

/** What each message list shows now. */
const drawnLists = new WeakMap<HTMLElement, string>();

/** The phone shown, kept while the agent goes elsewhere and comes back. */
let selected: string | undefined;

export const phonesPage: Page = async (page) => {
  page.setTitle('Phones');
  page.container.append(loading('the phones'));
  let phones: PhoneEntry[];
  try {
    phones = await sandboxClient.phones();
  } catch (error) {
    if (page.isCurrent()) page.container.replaceChildren(failure('the phones', error));
    return;
  }
  if (!page.isCurrent()) return;

  const list = el('ul', { class: 'phone-list', 'aria-label': 'Customers messaged on WhatsApp' });
  const empty = el('p', { class: 'hint' }, 'No WhatsApp message sent yet: launch a campaign or a re-engagement, and each customer it reaches shows here.');
  const conversation = el('section', { class: 'card phone', 'aria-labelledby': 'phone-heading' });
  const announcer = el('div', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite' });
  page.container.replaceChildren(
    el(
      'p',
      { class: 'hint' },
      'What each customer sees on WhatsApp, read again every 2 seconds. Their replies and reads reach Herald through the Herald service, as Sunshine’s webhooks.',
    ),
    el('div', { class: 'phones' }, el('section', { class: 'card phone-picker', 'aria-label': 'Phones' }, empty, list), conversation),
    announcer,
  );

  const buttons = new Map<string, HTMLButtonElement>();
  let shown: { phone: string; count: number } | undefined;

  const render = () => {
    empty.hidden = phones.length > 0;
    if (selected === undefined || !phones.some((entry) => entry.phone === selected)) selected = phones[0]?.phone;
    for (const entry of phones) {
      let button = buttons.get(entry.phone);
      if (!button) {
        button = el('button', { type: 'button', class: 'phone-pick' });
        button.addEventListener('click', () => {
          selected = entry.phone;
          render();
          document.getElementById('phone-reply')?.focus();
        });
        buttons.set(entry.phone, button);
        list.append(el('li', {}, button));
      }
      const last = entry.messages.at(-1);
      button.replaceChildren(el('span', { class: 'phone-name' }, nameOf(entry)), el('span', { class: 'hint' }, `${entry.phone}${last ? ` · ${statusWords(last)}` : ''}`));
      if (entry.phone === selected) button.setAttribute('aria-current', 'true');
      else button.removeAttribute('aria-current');
    }
    const entry = phones.find((candidate) => candidate.phone === selected);
    if (!entry) {
      conversation.hidden = true;
      return;
    }
    conversation.hidden = false;
    if (shown?.phone === entry.phone && entry.messages.length > shown.count) {
      const fresh = entry.messages.slice(shown.count);
      announcer.textContent = fresh.map((message) => `${message.from === 'customer' ? nameOf(entry) : 'Business'}: ${message.text}`).join('. ');
    }
    shown = { phone: entry.phone, count: entry.messages.length };
    renderConversation(conversation, entry, act);
  };

  const act = async (work: () => Promise<PhoneEntry[]>) => {
    try {
      phones = await work();
      if (page.isCurrent()) render();
    } catch (error) {
      const problem = document.getElementById('phone-problem');
      if (problem) problem.textContent = error instanceof Error ? error.message : String(error);
    }
  };

  render();
  const timer = window.setInterval(() => {
    sandboxClient.phones().then(
      (fresh) => {
        if (!page.isCurrent()) return;
        phones = fresh;
        render();
      },
      () => undefined,
    );
  }, REFRESH_MS);
  page.onLeave(() => window.clearInterval(timer));
};

/** The conversation of one phone: its messages (rebuilt), and a reply form kept as it is (focus, typed text). */
function renderConversation(section: HTMLElement, entry: PhoneEntry, act: (work: () => Promise<PhoneEntry[]>) => Promise<void>): void {
  let heading = section.querySelector<HTMLHeadingElement>('#phone-heading');
  let messages = section.querySelector<HTMLOListElement>('.phone-messages');
  let form = section.querySelector<HTMLFormElement>('form');
  if (!heading || !messages || !form) {
    heading = el('h2', { id: 'phone-heading' });
    messages = el('ol', { class: 'phone-messages', 'aria-label': 'Messages, newest last' });
    const input = el('input', { id: 'phone-reply', type: 'text', autocomplete: 'off', maxlength: 4096 });
    const label = el('label', { class: 'field-label', for: 'phone-reply' }, 'Reply as the customer');
    const readButton = el('button', { type: 'button', class: 'button' }, 'Read');
    form = el(
      'form',
      { class: 'phone-reply' },
      label,
      el('div', { class: 'phone-reply-row' }, input, el('button', { type: 'submit', class: 'button button--primary' }, 'Send'), readButton),
      el('p', { id: 'phone-problem', class: 'page-error', role: 'alert' }),
    );
    const phoneOfForm = () => form?.dataset.phone ?? '';
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const text = input.value.trim();
      if (text === '') return;
      void act(() => sandboxClient.replyOnPhone({ phone: phoneOfForm(), text })).then(() => {
        input.value = '';
      });
    });
    readButton.addEventListener('click', () => void act(() => sandboxClient.readOnPhone(phoneOfForm())));
    section.replaceChildren(heading, messages, form);
  }
  heading.textContent = `${nameOf(entry)} · ${entry.phone}`;
  if (form.dataset.phone !== entry.phone) {
    form.dataset.phone = entry.phone;
    const problem = form.querySelector('#phone-problem');
    if (problem) problem.textContent = '';
  }
  form.querySelector('label')!.textContent = `Reply as ${nameOf(entry)}`;
  // Rebuilt only when something changed, so that a focused quick reply keeps the focus.
  const drawn = JSON.stringify([entry.phone, entry.messages]);
  if (drawnLists.get(messages) === drawn) return;
  drawnLists.set(messages, drawn);
  const lastBusiness = entry.messages.reduce((last, message, index) => (message.from === 'business' ? index : last), -1);
  messages.replaceChildren(
    ...entry.messages.map((message, index) =>
      el(
        'li',
        { class: `phone-message phone-message--${message.from}` },
        el('p', { class: 'phone-text' }, message.text),
        el(
          'p',
          { class: 'phone-meta' },
          el('time', { datetime: message.at }, new Date(message.at).toLocaleTimeString('en', { hour: '2-digit', minute: '2-digit', second: '2-digit' })),
          message.from === 'business' ? el('span', { class: `phone-status phone-status--${message.status}` }, statusWords(message)) : null,
        ),
        index === lastBusiness && message.quickReplies
          ? el(
              'div',
              { class: 'phone-quick-replies', role: 'group', 'aria-label': 'Quick replies' },
              ...message.quickReplies.map((quick) => {
                const button = el('button', { type: 'button', class: 'button' }, quick.text);
                button.addEventListener('click', () => void act(() => sandboxClient.replyOnPhone({ phone: entry.phone, text: quick.text, payload: quick.payload })));
                return button;
              }),
            )
          : null,
      ),
    ),
  );
}

function nameOf(entry: PhoneEntry): string {
  return entry.user?.name ?? 'Unknown customer';
}

/** The ticks as the phone draws them, with their words for a screen reader and a test. */
function statusWords(message: PhoneMessage): string {
  switch (message.status) {
    case 'sent':
      return '✓ Sent';
    case 'delivered':
      return '✓✓ Delivered';
    case 'read':
      return '✓✓ Read';
    case 'failed':
      return `Failed (${message.code ?? 'no code'})`;
  }
}
