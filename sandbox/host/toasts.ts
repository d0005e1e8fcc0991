import { byId, el } from './dom';

/** Zendesk-style notifications in the top right corner, for `invoke('notify')` and the workspace. */

const DEFAULT_DURATION_MS = 5000;

const KIND_TITLES: Record<string, string> = {
  notice: 'Notice',
  success: 'Success',
  alert: 'Alert',
  error: 'Error',
};

export function showToast(message: string, kind = 'notice', options: { sticky?: boolean; durationMs?: number } = {}): HTMLElement {
  const known = kind in KIND_TITLES ? kind : 'notice';
  const close = el('button', { type: 'button', class: 'toast-close', 'aria-label': 'Dismiss notification' }, '×');
  const toast = el(
    'div',
    { class: `toast toast--${known}`, role: known === 'error' || known === 'alert' ? 'alert' : 'status', 'data-kind': known },
    el('strong', { class: 'toast-title' }, KIND_TITLES[known]),
    el('p', { class: 'toast-message' }, message),
    close,
  );
  close.addEventListener('click', () => toast.remove());
  byId('toasts').append(toast);
  if (!options.sticky) window.setTimeout(() => toast.remove(), options.durationMs ?? DEFAULT_DURATION_MS);
  return toast;
}
