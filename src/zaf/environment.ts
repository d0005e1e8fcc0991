import { getCurrentUser, type CurrentUser } from './data';
import { parseSettings, type SettingsResult } from '../core/settings/settings';
import type { ZafClient, ZafContext, ZafMetadata } from './types';

/** Everything a location needs to start: who, where, with which settings. */
export interface ZafEnvironment {
  client: ZafClient;
  context: ZafContext;
  metadata: ZafMetadata;
  currentUser: CurrentUser;
  settings: SettingsResult;
}

/** Waits for Zendesk to register the app (metadata and context come with it), then reads the agent. */
export async function loadEnvironment(client: ZafClient): Promise<ZafEnvironment> {
  const [metadata, context] = await Promise.all([client.metadata(), client.context()]);
  const currentUser = await getCurrentUser(client);
  return { client, context, metadata, currentUser, settings: parseSettings(metadata.settings ?? {}, context.account.subdomain) };
}
