import type { Emulator } from '../../emulator/index';
import { publicSettings } from '../../emulator/installation';
import { proxyZafRequest, type AppRequestRecord, type Installation } from '../../emulator/zafProxy';
import type { ZafClient, ZafContext, ZafMetadata, ZafResult } from '../../src/zaf/types';

export interface FakeZafClient extends ZafClient {
  /** The requests as the app posted them, before Zendesk's proxy touched them. */
  readonly appRequests: AppRequestRecord[];
  readonly invocations: Array<{ name: string; args: unknown[] }>;
}

/**
 * A ZAF client for Node tests: `request` goes through the same emulated Zendesk proxy as the
 * sandbox, and `get` answers from a plain map. Browser tests use the real SDK instead.
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
  const metadata: ZafMetadata = {
    appId: 1001,
    installationId: 2002,
    name: 'Herald',
    version: '0.1.0',
    settings: publicSettings(installation.manifest, installation.settings),
  };

  return {
    appRequests,
    invocations,
    async get(path): Promise<ZafResult> {
      const paths = Array.isArray(path) ? path : [path];
      const result: ZafResult = { errors: {} };
      for (const item of paths) {
        if (options.data && item in options.data) result[item] = options.data[item];
        else result.errors![item] = { message: `Could not find ${item}`, name: 'APIUnavailable' };
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
      return metadata;
    },
    async context() {
      return context;
    },
  };
}
