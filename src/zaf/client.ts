import type { ZafClient } from './types';

/**
 * The ZAF client of this page, or null when the page runs outside Zendesk: the SDK script is absent
 * (blocked, offline) or the URL has no `origin`/`app_guid` because nobody framed us.
 */
export function initZafClient(scope: Pick<Window, 'ZAFClient'> = window): ZafClient | null {
  const factory = scope.ZAFClient;
  if (!factory || typeof factory.init !== 'function') return null;
  const client = factory.init();
  return client === false ? null : client;
}

/**
 * Resolves once Zendesk has registered the app. The SDK queues every call until then; metadata and
 * context are cached from the registration, so waiting on `metadata()` is waiting on registration.
 */
export async function whenRegistered(client: ZafClient): Promise<void> {
  await client.metadata();
}
