import type { Emulator } from '../../emulator/index';
import { publicSettings } from '../../emulator/installation';
import { currentSettings, proxyZafRequest, type AppRequestRecord, type Installation } from '../../emulator/zafProxy';
import { groupJson } from '../../emulator/zendesk/groups';
import { userJson } from '../../emulator/zendesk/userRecord';
import { toZafUser } from '../../sandbox/host/zaf/shapes';
import type { RestGroup, RestUser } from '../../sandbox/zendeskTypes';
import type { ZafClient, ZafContext, ZafMetadata, ZafResult } from '../../src/zaf/types';

export interface FakeZafClient extends ZafClient {
  /** The requests as the app posted them, before Zendesk's proxy touched them. */
  readonly appRequests: AppRequestRecord[];
  readonly invocations: Array<{ name: string; args: unknown[] }>;
}

/**
 * A ZAF client for Node tests: `request` goes through the same emulated Zendesk proxy as the
 * sandbox, `metadata` reads the installation's current settings (non-secure ones), `currentUser`
 * is the installation's signed-in agent shaped as the sandbox shapes it (groups included), and
 * `get` answers other paths from a plain map, which also overrides `currentUser`. Browser tests
 * use the real SDK instead.
 */
export function createFakeZafClient(options: {
  emulator: Emulator;
  installation: Installation;
  location?: string;
  data?: Record<string, unknown>;
}): FakeZafClient {
  const { emulator, installation } = options;
  const appRequests: AppRequestRecord[] = [];
  const invocations: Array<{ name: string; args: unknown[] }> = [];
  const context: ZafContext = {
    instanceGuid: 'test-instance',
    product: 'support',
    location: options.location ?? 'nav_bar',
    account: { subdomain: emulator.config.subdomain },
  };
  const registered = installation as Installation & { appId?: number };

  const metadata = (): ZafMetadata => {
    const record = installation.id === undefined ? undefined : emulator.zendesk.installations.get(installation.id);
    const visible = publicSettings(installation.manifest, currentSettings(emulator, installation));
    return {
      appId: registered.appId ?? 1001,
      installationId: installation.id ?? 2002,
      name: 'Herald',
      version: '0.1.0',
      settings: record ? { title: record.title, ...visible } : visible,
    };
  };

  /** `currentUser` as ZAF gives it: the signed-in agent, with their groups (`[{ id, name }]`). */
  const currentUser = (): unknown => {
    const user = emulator.zendesk.users.get(installation.currentUserId);
    if (!user) throw new Error(`Could not find user ${installation.currentUserId}`);
    const origin = emulator.config.zendeskOrigin;
    const groups = emulator.zendesk.groups.groupsOf(user.id).map((group) => groupJson(group, origin) as unknown as RestGroup);
    return toZafUser(userJson(user, origin) as unknown as RestUser, [], groups);
  };

  return {
    appRequests,
    invocations,
    async get(path): Promise<ZafResult> {
      const paths = Array.isArray(path) ? path : [path];
      const result: ZafResult = { errors: {} };
      for (const item of paths) {
        if (options.data && item in options.data) {
          result[item] = options.data[item];
          continue;
        }
        try {
          if (item !== 'currentUser' && !item.startsWith('currentUser.')) throw new Error(`Could not find ${item}`);
          result[item] = walk(currentUser(), item.split('.').slice(1), item);
        } catch (error) {
          result.errors![item] = { message: error instanceof Error ? error.message : String(error), name: 'APIUnavailable' };
        }
      }
      return result;
    },
    async set() {
      return { errors: {} };
    },
    async invoke(name, ...args) {
      invocations.push({ name, args });
      return { errors: {} };
    },
    on() {},
    off() {},
    trigger() {},
    async request(requestOptions) {
      const result = await proxyZafRequest(emulator, installation, requestOptions, (record) => appRequests.push(record));
      if (!result.ok) throw result.payload;
      return result.payload;
    },
    async metadata() {
      return metadata();
    },
    async context() {
      return context;
    },
  };
}

function walk(value: unknown, segments: string[], path: string): unknown {
  let current = value;
  for (const segment of segments) {
    if (current === null || typeof current !== 'object' || !(segment in current)) throw new Error(`Could not find ${path}`);
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}
