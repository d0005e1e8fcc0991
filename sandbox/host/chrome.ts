import { SANDBOX_LOCALES, type Bootstrap, type SandboxLocale } from '../apiTypes';
import { byId, el } from './dom';
import { navSectionOf, type Route } from './router';

/** The workspace around the pages: left nav, top bar (agent, language) and the sandbox panel. */

export interface ChromeActions {
  changeLocale(locale: SandboxLocale): void;
  changeAgent(agentId: number): void;
  reset(): void;
}

export function bindChrome(actions: ChromeActions): void {
  const localeSelect = byId<HTMLSelectElement>('locale-select');
  for (const locale of SANDBOX_LOCALES) localeSelect.append(el('option', { value: locale.code, lang: locale.code }, locale.label));
  localeSelect.addEventListener('change', () => actions.changeLocale(localeSelect.value as SandboxLocale));

  const agentSelect = byId<HTMLSelectElement>('agent-select');
  agentSelect.addEventListener('change', () => actions.changeAgent(Number(agentSelect.value)));

  byId('reset-button').addEventListener('click', () => actions.reset());

  const toggle = byId<HTMLButtonElement>('sandbox-toggle');
  toggle.addEventListener('click', () => {
    const expanded = toggle.getAttribute('aria-expanded') !== 'true';
    toggle.setAttribute('aria-expanded', String(expanded));
    byId('sandbox-panel').hidden = !expanded;
  });
}

export function updateChrome(bootstrap: Bootstrap): void {
  const { session, metadata } = bootstrap;
  const agentName = session.agent?.name ?? `Agent #${session.agentId}`;
  byId('agent-name').textContent = agentName;
  byId('agent-avatar').textContent = initials(agentName);
  byId('account-subdomain').textContent = `${bootstrap.account.subdomain}.zendesk.com`;

  byId<HTMLSelectElement>('locale-select').value = SANDBOX_LOCALES.some((locale) => locale.code === session.locale)
    ? session.locale
    : session.locale.split('-')[0] ?? 'en';

  const agentSelect = byId<HTMLSelectElement>('agent-select');
  agentSelect.replaceChildren(
    ...session.agents.map((agent) => el('option', { value: agent.id, selected: agent.id === session.agentId }, `${agent.name} (${agent.role ?? 'agent'})`)),
  );
  if (!session.agents.some((agent) => agent.id === session.agentId)) {
    agentSelect.append(el('option', { value: session.agentId, selected: true }, agentName));
  }

  const icon = byId<HTMLImageElement>('app-nav-icon');
  icon.src = `${bootstrap.appOrigin}/assets/icon_nav_bar.svg`;
  icon.onerror = () => icon.classList.add('is-missing');
  byId('app-nav-label').textContent = metadata.name;
}

export function highlightNav(route: Route): void {
  const section = navSectionOf(route);
  for (const link of document.querySelectorAll<HTMLAnchorElement>('[data-nav]')) {
    if (link.dataset.nav === section) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

export function setPageTitle(title: string): void {
  byId('page-title').textContent = title;
  document.title = `${title} · Herald sandbox`;
}

export function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase() ?? '')
    .join('');
}
