import type { AppLocation, AppMetadata, Bootstrap } from '../../apiTypes';
import { resolveGet } from './getPaths';
import { hashForRouteTo } from '../router';
import { cssLength, notifyOptions, runInvokes, type InvokeHandler } from './invokes';
import {
  eventMessage,
  failureMessage,
  parseSdkMessage,
  registeredMessage,
  requestOutcomeMessage,
  resultMessage,
  type SdkCall,
  type SdkEvent,
  type ZafContext,
} from './messages';

/**
 * The host side of the ZAF protocol: creates the app iframes (one instance per location shown),
 * registers them when their SDK says hello, and answers their get/set/invoke calls and requests.
 * Messages are routed by the iframe that sent them (`event.source`) and accepted only from the app
 * server's origin.
 */

export interface AppInstance {
  readonly guid: string;
  readonly location: AppLocation | 'modal';
  readonly context: ZafContext;
  readonly iframe: HTMLIFrameElement;
  registered: boolean;
  visible: boolean;
  /** Event name → subscriber count, from the SDK's `iframe.on:*` / `iframe.off:*`. */
  readonly subscriptions: Map<string, number>;
}

export interface ModalFrame {
  /** Where the modal's iframe goes. */
  container: HTMLElement;
  close(): void;
  resize(size: { width?: string; height?: string }): void;
}

/** What the app host needs from the workspace around it. */
export interface AppHostServices {
  bootstrap(): Bootstrap;
  /** `client.metadata()` as the server has it now (settings may have changed since the bootstrap). */
  metadata(): Promise<AppMetadata>;
  notify(message: string, kind: string, options: { sticky: boolean; durationMs?: number }): void;
  navigate(hash: string): void;
  proxyRequest(instanceGuid: string, options: unknown): Promise<{ ok: boolean; payload: unknown }>;
  openModal(size: { width?: string; height?: string }, onClosedByUser: () => void): ModalFrame;
}

export type HookOutcome = { ok: true } | { ok: false; message: string };

/** How long a hook (e.g. `ticket.save`) waits for the app's reply. */
const HOOK_TIMEOUT_MS = 10_000;

const DEFAULT_SIDEBAR_HEIGHT = '200px';

interface PendingHook {
  instance: AppInstance;
  event: string;
  settle(outcome: HookOutcome): void;
}

export class AppHost {
  private readonly instancesByGuid = new Map<string, AppInstance>();
  private readonly modals = new Map<string, ModalFrame>();
  private pendingHooks: PendingHook[] = [];
  private readonly hostOrigin = window.location.origin;

  constructor(private readonly services: AppHostServices) {
    window.addEventListener('message', (event) => this.onMessage(event));
  }

  /** Creates an app iframe for `location` in `container` and returns its instance. */
  mount(location: AppLocation | 'modal', container: HTMLElement, ids: { ticketId?: number; userId?: number } = {}, url?: string): AppInstance {
    const bootstrap = this.services.bootstrap();
    const guid = crypto.randomUUID();
    const context: ZafContext = { product: 'support', location, instanceGuid: guid, account: { ...bootstrap.account }, ...ids };
    const iframe = document.createElement('iframe');
    iframe.src = this.frameUrl(url ?? bootstrap.locations[location]?.url ?? 'assets/index.html', guid);
    iframe.title = `${bootstrap.metadata.name} (${location.replaceAll('_', ' ')})`;
    iframe.className = `app-frame app-frame--${location}`;
    iframe.dataset.zafLocation = location;
    iframe.dataset.zafGuid = guid;
    if (location !== 'nav_bar' && location !== 'modal') iframe.style.height = DEFAULT_SIDEBAR_HEIGHT;
    const instance: AppInstance = { guid, location, context, iframe, registered: false, visible: true, subscriptions: new Map() };
    this.instancesByGuid.set(guid, instance);
    container.append(iframe);
    return instance;
  }

  /** Shows or hides an instance; the app learns it through `app.activated` / `app.deactivated`. */
  setVisible(instance: AppInstance, visible: boolean): void {
    if (instance.visible === visible) return;
    instance.visible = visible;
    if (instance.registered) this.post(instance, eventMessage(visible ? 'app.activated' : 'app.deactivated', { firstLoad: false }));
  }

  /** Tells a sidebar app that its panel was collapsed or expanded. */
  setExpanded(instance: AppInstance, expanded: boolean): void {
    if (instance.registered) this.post(instance, eventMessage(expanded ? 'app.expanded' : 'app.collapsed', {}));
    this.setVisible(instance, expanded);
  }

  destroy(instance: AppInstance): void {
    if (!this.instancesByGuid.delete(instance.guid)) return;
    instance.iframe.remove();
    for (const hook of this.pendingHooks.filter((pending) => pending.instance === instance)) {
      hook.settle({ ok: false, message: 'The app was closed' });
    }
    const modal = this.modals.get(instance.guid);
    if (modal) {
      this.modals.delete(instance.guid);
      modal.close();
    }
  }

  /** Removes every app iframe, e.g. before reloading the apps with new settings. */
  destroyAll(): void {
    for (const instance of [...this.instancesByGuid.values()]) this.destroy(instance);
  }

  isLive(instance: AppInstance): boolean {
    return this.instancesByGuid.get(instance.guid) === instance;
  }

  /**
   * Fires a hook event (`ticket.save`, …) that the app may veto. Resolves at once when the app
   * has no handler for it, otherwise with the app's reply (or a failure after a timeout).
   */
  runHook(instance: AppInstance, event: string, data: unknown = {}): Promise<HookOutcome> {
    if (!instance.registered || (instance.subscriptions.get(event) ?? 0) === 0) return Promise.resolve({ ok: true });
    return new Promise((resolve) => {
      const pending: PendingHook = {
        instance,
        event,
        settle: (outcome) => {
          window.clearTimeout(timer);
          this.pendingHooks = this.pendingHooks.filter((candidate) => candidate !== pending);
          resolve(outcome);
        },
      };
      const timer = window.setTimeout(() => pending.settle({ ok: false, message: `${event} hook timed out` }), HOOK_TIMEOUT_MS);
      this.pendingHooks.push(pending);
      this.post(instance, eventMessage(event, data, true));
    });
  }

  private frameUrl(url: string, guid: string): string {
    const frameUrl = new URL(url, this.services.bootstrap().appOrigin + '/');
    frameUrl.searchParams.set('origin', this.hostOrigin);
    frameUrl.searchParams.set('app_guid', guid);
    return frameUrl.toString();
  }

  private post(instance: AppInstance, message: unknown): void {
    instance.iframe.contentWindow?.postMessage(JSON.stringify(message), this.services.bootstrap().appOrigin);
  }

  private onMessage(event: MessageEvent): void {
    if (event.origin !== this.services.bootstrap().appOrigin) return;
    const source = [...this.instancesByGuid.values()].find((instance) => instance.iframe.contentWindow === event.source);
    if (!source) return;
    const message = parseSdkMessage(event.data);
    if (!message) return;
    // A client made with `client.instance(guid)` talks through its own frame on behalf of another instance.
    const target = (message.instanceGuid && this.instancesByGuid.get(message.instanceGuid)) || source;
    if (message.kind === 'call') void this.answerCall(source, target, message);
    else this.onEvent(source, target, message);
  }

  private onEvent(source: AppInstance, target: AppInstance, message: SdkEvent): void {
    const { key } = message;
    if (key === 'iframe.handshake') {
      this.register(source);
    } else if (key.startsWith('iframe.on:') || key.startsWith('iframe.off:')) {
      const count = (message.message as { subscriberCount?: unknown } | undefined)?.subscriberCount;
      const name = key.slice(key.indexOf(':') + 1);
      if (typeof count === 'number' && count > 0) target.subscriptions.set(name, count);
      else target.subscriptions.delete(name);
    } else if (key.startsWith('iframe.reply:')) {
      const name = key.slice('iframe.reply:'.length);
      const pending = this.pendingHooks.find((hook) => hook.instance === source && hook.event === name);
      const refusal = message.error?.msg;
      pending?.settle(message.error ? { ok: false, message: typeof refusal === 'string' && refusal ? refusal : `${name} was cancelled by the app` } : { ok: true });
    } else if (key.startsWith('iframe.trigger:')) {
      const name = key.slice('iframe.trigger:'.length);
      for (const instance of this.instancesByGuid.values()) {
        if (instance.registered) this.post(instance, eventMessage(name, message.message));
      }
    } else if (/^request:\d+$/.test(key)) {
      void this.proxyRequest(source, key, message.message);
    }
    // Anything else (`__track__` metrics, `session.live`, custom messages) needs no answer.
  }

  /**
   * Answers the SDK's handshake with the installation's metadata as it is now, so that an app
   * frame that reloads after a settings change (made through the Apps API from inside the app, or
   * on the admin page) starts with the new settings. The SDK holds the app's calls until then.
   */
  private register(instance: AppInstance): void {
    void this.services
      .metadata()
      .catch(() => this.services.bootstrap().metadata)
      .then((metadata) => {
        if (!this.isLive(instance)) return;
        instance.registered = true;
        this.post(instance, registeredMessage(metadata, instance.context));
        if (instance.visible) this.post(instance, eventMessage('app.activated', { firstLoad: true }));
      });
  }

  private async proxyRequest(source: AppInstance, requestKey: string, options: unknown): Promise<void> {
    let outcome: { ok: boolean; payload: unknown };
    try {
      outcome = await this.services.proxyRequest(source.guid, options);
    } catch (error) {
      outcome = { ok: false, payload: { status: 0, statusText: 'error', responseText: error instanceof Error ? error.message : String(error) } };
    }
    if (this.isLive(source)) this.post(source, requestOutcomeMessage(requestKey, outcome.ok, outcome.payload));
  }

  private async answerCall(source: AppInstance, target: AppInstance, call: SdkCall): Promise<void> {
    let reply: unknown;
    try {
      reply = resultMessage(call.id, await this.resultOf(target, call));
    } catch (error) {
      reply = failureMessage(call.id, { message: error instanceof Error ? error.message : String(error), name: 'Error' });
    }
    // Replies go to the frame whose SDK holds the pending promise.
    if (this.isLive(source)) this.post(source, reply);
  }

  private async resultOf(target: AppInstance, call: SdkCall): Promise<Record<string, unknown>> {
    switch (call.request) {
      case 'get': {
        if (!Array.isArray(call.params) || !call.params.every((path) => typeof path === 'string')) {
          throw new Error('get expects a list of paths');
        }
        return resolveGet(call.params, {
          context: target.context,
          locale: this.services.bootstrap().session.locale,
          instances: () => Object.fromEntries([...this.instancesByGuid.values()].map((instance) => [instance.guid, instance.context])),
        });
      }
      case 'set': {
        const errors: Record<string, { message: string; name: string }> = {};
        for (const path of Object.keys((call.params as Record<string, unknown> | null) ?? {})) {
          errors[path] = { message: `The sandbox cannot set "${path}"`, name: 'NotSupportedError' };
        }
        return { errors };
      }
      case 'invoke':
        return runInvokes(call.params, this.invokeHandlers(target));
    }
  }

  private invokeHandlers(target: AppInstance): Record<string, InvokeHandler> {
    return {
      resize: ([size]) => this.resize(target, size),
      notify: ([message, kind, options]) => {
        this.services.notify(String(message ?? ''), typeof kind === 'string' ? kind : 'notice', notifyOptions(options));
      },
      routeTo: (args) => this.services.navigate(hashForRouteTo(args)),
      track: () => undefined,
      'instances.create': ([options]) => [this.createModal(options)],
      destroy: () => this.destroy(target),
    };
  }

  private resize(instance: AppInstance, size: unknown): void {
    if (typeof size !== 'object' || size === null) throw new Error('resize expects { width, height }');
    const { width, height } = size as { width?: unknown; height?: unknown };
    // The nav bar app always fills the main area, as in Zendesk.
    if (instance.location === 'nav_bar') return;
    const css = { width: width === undefined ? undefined : cssLength(width), height: height === undefined ? undefined : cssLength(height) };
    const modal = this.modals.get(instance.guid);
    if (modal) {
      modal.resize(css);
      return;
    }
    if (css.height !== undefined) instance.iframe.style.height = css.height;
    if (css.width !== undefined) instance.iframe.style.width = css.width;
  }

  private createModal(options: unknown): ZafContext {
    const { location, url, size } = (options ?? {}) as { location?: unknown; url?: unknown; size?: { width?: unknown; height?: unknown } };
    if (location !== 'modal') throw new Error(`The sandbox can only create modal instances, not ${String(location)}`);
    if (typeof url !== 'string' || url === '') throw new Error('instances.create needs a url');
    const appOrigin = this.services.bootstrap().appOrigin;
    if (new URL(url, appOrigin + '/').origin !== appOrigin) throw new Error('A modal url must be on the app origin');
    const modalSize = {
      width: size?.width === undefined ? undefined : cssLength(size.width),
      height: size?.height === undefined ? undefined : cssLength(size.height),
    };
    // Closing the dialog (Escape, ×) ends the instance; the dialog is opened first to hold the iframe.
    const modal = this.services.openModal(modalSize, () => this.destroy(instance));
    const instance = this.mount('modal', modal.container, {}, url);
    this.modals.set(instance.guid, modal);
    for (const other of this.instancesByGuid.values()) {
      if (other.registered && other !== instance) this.post(other, eventMessage('instance.created', instance.context));
    }
    return instance.context;
  }
}
