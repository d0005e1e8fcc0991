import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { sendError, sendText } from './http';
import { contentTypeOf, resolveFile } from './staticFiles';

/**
 * The app server: the stand-in for Zendesk's app asset host (`*.apps.zdusercontent.com`). It serves
 * the built app directory as it is, on its own origin, so that the app runs in a cross-origin
 * iframe as in production.
 */

/** The SDK URL the app's HTML loads in production. */
export const ZAF_SDK_CDN_URL = /https:\/\/static\.zdassets\.com\/zendesk_app_framework_sdk\/2\.0\/zaf_sdk(?:\.min)?\.js/g;

/** Where the app server serves its local copy of the SDK. */
export const LOCAL_ZAF_SDK_PATH = '/__sandbox/zaf_sdk.min.js';

export interface AppServerOptions {
  distDir: string;
  /** The SDK script served at `LOCAL_ZAF_SDK_PATH`. */
  zafSdkCode: string;
}

export function createAppServer({ distDir, zafSdkCode }: AppServerOptions): Server {
  return createServer((request, response) => {
    const pathname = new URL(request.url ?? '/', 'http://app.invalid').pathname;
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      sendText(response, 405, 'Method not allowed');
      return;
    }
    serve(pathname)
      .then(({ status, body, contentType }) => {
        response.writeHead(status, { 'content-type': contentType, 'cache-control': 'no-store' });
        response.end(request.method === 'HEAD' ? undefined : body);
      })
      .catch((error: unknown) => sendError(response, error));
  });

  async function serve(pathname: string): Promise<{ status: number; body: Buffer | string; contentType: string }> {
    if (pathname === LOCAL_ZAF_SDK_PATH) {
      return { status: 200, body: zafSdkCode, contentType: 'text/javascript; charset=utf-8' };
    }
    const filePath = await resolveFile(distDir, pathname);
    if (!filePath) return { status: 404, body: `Not found: ${pathname}`, contentType: 'text/plain; charset=utf-8' };
    const contentType = contentTypeOf(filePath);
    if (path.extname(filePath).toLowerCase() === '.html') {
      return { status: 200, body: withLocalZafSdk(await readFile(filePath, 'utf8')), contentType };
    }
    return { status: 200, body: await readFile(filePath), contentType };
  }
}

/**
 * The sandbox works offline, and Zendesk only supports loading the SDK from its CDN, so the app's
 * HTML keeps the CDN URL (what gets packaged and reviewed) and the sandbox points it at a local
 * bundle of the same SDK instead. Every other byte the app server sends is the built file itself.
 */
export function withLocalZafSdk(html: string): string {
  return html.replace(ZAF_SDK_CDN_URL, LOCAL_ZAF_SDK_PATH);
}
