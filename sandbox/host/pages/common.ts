import { el } from '../dom';

/** Bits shared by the pages: status badges, loading and error states. */

export function statusBadge(status: string | undefined): HTMLElement {
  const value = status ?? 'new';
  return el('span', { class: `status-badge status-badge--${value}` }, value.charAt(0).toUpperCase() + value.slice(1));
}

export function loading(what: string): HTMLElement {
  return el('p', { class: 'loading', role: 'status' }, `Loading ${what}…`);
}

export function failure(what: string, error: unknown): HTMLElement {
  const detail = error instanceof Error ? error.message : String(error);
  return el('div', { class: 'page-error', role: 'alert' }, el('p', {}, `Could not load ${what}.`), el('p', { class: 'hint' }, detail));
}

/** "WhatsApp", "Email"… from a via channel. */
export function channelLabel(channel: string | number | undefined): string {
  const value = String(channel ?? 'web');
  const labels: Record<string, string> = {
    whatsapp: 'WhatsApp',
    native_messaging: 'Messaging',
    sunshine_conversations_api: 'Conversations API',
    email: 'Email',
    web: 'Web form',
    api: 'API',
    sms: 'SMS',
  };
  return labels[value] ?? value.replace(/_/g, ' ');
}
