import { el } from './dom';
import type { ModalFrame } from './zaf/appHost';

/** The dialog that holds a modal app instance (`invoke('instances.create', { location: 'modal' })`). */
export function openModal(title: string, size: { width?: string; height?: string }, onClosedByUser: () => void): ModalFrame {
  const previousFocus = document.activeElement instanceof HTMLElement ? document.activeElement : undefined;
  const closeButton = el('button', { type: 'button', class: 'modal-close', 'aria-label': 'Close' }, '×');
  const body = el('div', { class: 'modal-body' });
  const titleId = `modal-title-${crypto.randomUUID()}`;
  const dialog = el(
    'div',
    { class: 'modal', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': titleId, tabindex: '-1' },
    el('header', { class: 'modal-header' }, el('h2', { id: titleId }, title), closeButton),
    body,
  );
  dialog.style.width = size.width ?? '650px';
  body.style.height = size.height ?? '400px';
  const backdrop = el('div', { class: 'modal-backdrop' }, dialog);

  let open = true;
  const close = () => {
    if (!open) return;
    open = false;
    backdrop.remove();
    document.removeEventListener('keydown', onKeydown);
    previousFocus?.focus();
  };
  const closeByUser = () => {
    close();
    onClosedByUser();
  };
  function onKeydown(event: KeyboardEvent): void {
    if (event.key === 'Escape') closeByUser();
  }
  closeButton.addEventListener('click', closeByUser);
  document.addEventListener('keydown', onKeydown);
  document.body.append(backdrop);
  dialog.focus();
  const resize = ({ width, height }: { width?: string; height?: string }) => {
    if (width !== undefined) dialog.style.width = width;
    if (height !== undefined) body.style.height = height;
  };
  return { container: body, close, resize };
}
