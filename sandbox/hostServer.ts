import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sendError, sendText } from './http';
import { handleSandboxApi, type SandboxState } from './sandboxApi';

/** The host server: the page that plays Zendesk's agent workspace, and the `/__sandbox/*` API. */

const hostDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'host');

export interface HostServerOptions {
  state: SandboxState;
  /** The host page's bundled script. */
  hostScript: string;
}

export function createHostServer({ state, hostScript }: HostServerOptions): Server {
  return createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://host.invalid');
    handle(url).catch((error: unknown) => sendError(response, error));

    async function handle(requestUrl: URL): Promise<void> {
      if (await handleSandboxApi(state, request, response, requestUrl)) return;
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        sendText(response, 405, 'Method not allowed');
        return;
      }
      switch (requestUrl.pathname) {
        case '/':
        case '/index.html':
          // Read on each request so that editing the page markup needs no restart.
          sendText(response, 200, await readFile(path.join(hostDir, 'index.html'), 'utf8'), 'text/html; charset=utf-8');
          return;
        case '/host.css':
          sendText(response, 200, await readFile(path.join(hostDir, 'styles.css'), 'utf8'), 'text/css; charset=utf-8');
          return;
        case '/host.js':
          sendText(response, 200, hostScript, 'text/javascript; charset=utf-8');
          return;
        case '/favicon.ico':
          response.writeHead(204).end();
          return;
        default:
          sendText(response, 404, `Not found: ${requestUrl.pathname}`);
      }
    }
  });
}
