import type { AppLocation } from '../../apiTypes';
import { el } from '../dom';
import type { AppInstance } from '../zaf/appHost';
import type { PageContext } from './page';

/**
 * The right-hand apps panel of a ticket or user page: one card for the app, collapsible, holding
 * the app's iframe for `location`. The instance is closed when the agent leaves the page.
 */
export function renderAppsPanel(page: PageContext, location: AppLocation, ids: { ticketId?: number; userId?: number }): {
  panel: HTMLElement;
  instance: AppInstance | undefined;
} {
  const { metadata, locations } = page.bootstrap();
  const panel = el('aside', { class: 'apps-panel', 'aria-label': 'Apps' }, el('h2', { class: 'apps-panel-title' }, 'Apps'));
  if (!locations[location]) {
    panel.append(el('p', { class: 'hint' }, `${metadata.name} has no ${location} location.`));
    return { panel, instance: undefined };
  }

  const bodyId = `app-card-body-${location}`;
  const toggle = el('button', { type: 'button', class: 'app-card-toggle', 'aria-expanded': 'true', 'aria-controls': bodyId }, metadata.name);
  const body = el('div', { class: 'app-card-body', id: bodyId });
  panel.append(el('section', { class: 'app-card', 'aria-label': `${metadata.name} app` }, el('h3', { class: 'app-card-title' }, toggle), body));

  const instance = page.apps.mount(location, body, ids);
  toggle.addEventListener('click', () => {
    const expanded = toggle.getAttribute('aria-expanded') !== 'true';
    toggle.setAttribute('aria-expanded', String(expanded));
    body.hidden = !expanded;
    page.apps.setExpanded(instance, expanded);
  });
  page.onLeave(() => page.apps.destroy(instance));
  return { panel, instance };
}
