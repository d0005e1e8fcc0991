import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type InlineConfig } from 'vite';

/**
 * Scripts the sandbox builds in memory when it starts, with Vite's build API: the ZAF SDK for the
 * app iframe and the host page. Each is built once per process and shared by every sandbox.
 */

const sandboxDir = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

let zafSdk: Promise<string> | undefined;
let hostPage: Promise<string> | undefined;

/**
 * The real SDK code of the npm package `zendesk_app_framework_sdk` (CommonJS), as a classic script
 * that defines `window.ZAFClient` like the CDN's `zaf_sdk.min.js`.
 */
export function bundleZafSdk(): Promise<string> {
  zafSdk ??= bundleIife(require.resolve('zendesk_app_framework_sdk'), 'ZAFClient', 'zaf_sdk.js');
  return zafSdk;
}

/** The host page's script (`sandbox/host/main.ts` and what it imports), as a classic script. */
export function bundleHostPage(): Promise<string> {
  hostPage ??= bundleIife(path.join(sandboxDir, 'host', 'main.ts'), 'HeraldSandboxHost', 'host.js', 'inline');
  return hostPage;
}

async function bundleIife(entry: string, globalName: string, fileName: string, sourcemap: 'inline' | false = false): Promise<string> {
  const config: InlineConfig = {
    // The app's own vite.config.ts is for the app, not for these bundles.
    configFile: false,
    envDir: false,
    root: path.dirname(entry),
    publicDir: false,
    logLevel: 'warn',
    build: {
      write: false,
      emptyOutDir: false,
      minify: false,
      sourcemap,
      target: 'es2022',
      lib: { entry, name: globalName, formats: ['iife'], fileName: () => fileName },
    },
  };
  const result = await build(config);
  const outputs = Array.isArray(result) ? result : [result];
  for (const output of outputs) {
    if (!('output' in output)) continue;
    const chunk = output.output.find((file) => file.type === 'chunk' && file.fileName === fileName);
    if (chunk && chunk.type === 'chunk') return chunk.code;
  }
  throw new Error(`Vite produced no ${fileName} for ${entry}`);
}
