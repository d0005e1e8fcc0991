import { SANDBOX_LOCALES, type Bootstrap, type SandboxLocale } from '../apiTypes';
import { bindChrome, highlightNav, setPageTitle, updateChrome } from './chrome';
import { byId, el } from './dom';
import { openModal } from './modal';
import { adminPage } from './pages/adminPage';
import { customersPage } from './pages/customersPage';
import type { PageContext } from './pages/page';
import { phonesPage } from './pages/phonesPage';
import { ticketPage } from './pages/ticketPage';
import { ticketsPage } from './pages/ticketsPage';
import { userPage } from './pages/userPage';
import { DEFAULT_HASH, parseRoute, type Route } from './router';
import { sandboxClient } from './sandboxClient';
import { showToast } from './toasts';
import { AppHost, type AppInstance } from './zaf/appHost';

/**
 * The agent workspace: follows the hash route, shows the pages, and owns the app host. The nav bar
 * app is created the first time it is opened and then kept alive while the agent browses elsewhere,
 * as Zendesk does; sidebar apps live as long as their ticket or user page.
 */
export class Workspace {
  private readonly apps: AppHost;
  private navBarInstance: AppInstance | undefined;
  private leaveCallbacks: Array<() => void> = [];
  private renderCount = 0;

  constructor(private bootstrap: Bootstrap) {
    this.apps = new AppHost({
      bootstrap: () => this.bootstrap,
      metadata: () => sandboxClient.metadata(),
      notify: (message, kind, options) => showToast(message, kind, options),
      navigate: (hash) => {
        window.location.hash = hash;
      },
      proxyRequest: (instanceGuid, options) => sandboxClient.proxyRequest(instanceGuid, options),
      openModal: (size, onClosedByUser) => openModal(this.bootstrap.metadata.name, size, onClosedByUser),
    });
  }

  start(): void {
    bindChrome({
      changeLocale: (locale) => void this.changeSession({ locale }, `Language: ${SANDBOX_LOCALES.find((known) => known.code === locale)?.label ?? locale}.`),
      changeAgent: (agentId) => void this.changeSession({ agentId }, undefined),
      reset: () => void this.reset(),
    });
    updateChrome(this.bootstrap);
    window.addEventListener('hashchange', () => this.render());
    if (!window.location.hash) window.location.replace(DEFAULT_HASH);
    this.render();
    document.body.dataset.sandboxReady = 'true';
  }

  /** Closes every app instance and opens the current page again with fresh metadata and session. */
  async reloadApps(): Promise<void> {
    this.bootstrap = await sandboxClient.bootstrap();
    updateChrome(this.bootstrap);
    this.leavePage();
    this.apps.destroyAll();
    this.navBarInstance = undefined;
    byId('nav-bar-app').replaceChildren();
    this.render();
  }

  private render(): void {
    const route = parseRoute(window.location.hash);
    this.leavePage();
    const renderId = ++this.renderCount;
    highlightNav(route);
    const page = byId('page');
    page.replaceChildren();
    this.showNavBarApp(route.name === 'navBarApp');
    page.hidden = route.name === 'navBarApp';
    const context: PageContext = {
      container: page,
      apps: this.apps,
      bootstrap: () => this.bootstrap,
      setTitle: (title) => {
        if (renderId === this.renderCount) setPageTitle(title);
      },
      isCurrent: () => renderId === this.renderCount,
      onLeave: (cleanup) => this.leaveCallbacks.push(cleanup),
      reloadApps: () => this.reloadApps(),
    };
    void this.renderRoute(route, context);
  }

  private async renderRoute(route: Route, page: PageContext): Promise<void> {
    switch (route.name) {
      case 'navBarApp':
        page.setTitle(this.bootstrap.metadata.name);
        return;
      case 'tickets':
        return ticketsPage(page);
      case 'ticket':
        return ticketPage(page, route.id);
      case 'customers':
        return customersPage(page);
      case 'user':
        return userPage(page, route.id);
      case 'admin':
        return adminPage(page);
      case 'phones':
        return phonesPage(page);
      case 'notFound':
        page.setTitle('Not found');
        page.container.append(el('p', { class: 'card' }, `Nothing at ${route.hash}. `, el('a', { href: DEFAULT_HASH }, 'Go to the tickets')));
        return;
    }
  }

  private showNavBarApp(shown: boolean): void {
    const container = byId('nav-bar-app');
    container.hidden = !shown;
    if (shown && !this.navBarInstance) {
      if (!this.bootstrap.locations.nav_bar) {
        container.replaceChildren(el('p', { class: 'card' }, `${this.bootstrap.metadata.name} has no nav_bar location.`));
        return;
      }
      // Nav bar apps load the first time the agent opens them.
      this.navBarInstance = this.apps.mount('nav_bar', container);
      return;
    }
    if (this.navBarInstance) this.apps.setVisible(this.navBarInstance, shown);
  }

  private leavePage(): void {
    const callbacks = this.leaveCallbacks;
    this.leaveCallbacks = [];
    for (const callback of callbacks) callback();
  }

  private async changeSession(update: { agentId?: number; locale?: SandboxLocale }, message: string | undefined): Promise<void> {
    try {
      await sandboxClient.updateSession(update);
      await this.reloadApps();
      showToast(message ?? `Signed in as ${this.bootstrap.session.agent?.name ?? `agent #${this.bootstrap.session.agentId}`}.`, 'success');
    } catch (error) {
      showToast(`Could not change the session: ${error instanceof Error ? error.message : String(error)}`, 'error');
      updateChrome(this.bootstrap);
    }
  }

  private async reset(): Promise<void> {
    try {
      await sandboxClient.reset();
      await this.reloadApps();
      showToast('The sandbox was reset.', 'success');
    } catch (error) {
      showToast(`Could not reset the sandbox: ${error instanceof Error ? error.message : String(error)}`, 'error');
    }
  }
}
