import { createServer, type IncomingMessage, type Server } from 'node:http';
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { sendError, sendText } from './http';
import { contentTypeOf, resolveFile } from './staticFiles';

/**
 * The app server: the stand-in for Zendesk's app asset host (`*.apps.zdusercontent.com`). It serves
 * the built app directory as it is, on its own origin, so that the app runs in a cross-origin
 * iframe as in production; like that host's CDN, it gzips text files for clients that accept it.
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

const gzipAsync = promisify(gzip);

/** Content types worth compressing: text, scripts, JSON and SVG (images and fonts already are). */
const COMPRESSIBLE = /^(?:text\/|application\/json|image\/svg\+xml)/;

export function createAppServer({ distDir, zafSdkCode }: AppServerOptions): Server {
  return createServer((request, response) => {
    const pathname = new URL(request.url ?? '/', 'http://app.invalid').pathname;
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      sendText(response, 405, 'Method not allowed');
      return;
    }
    serve(pathname)
      .then(async ({ status, body, contentType }) => {
        const headers: Record<string, string> = { 'content-type': contentType, 'cache-control': 'no-store' };
        let bytes = typeof body === 'string' ? Buffer.from(body) : body;
        if (COMPRESSIBLE.test(contentType)) {
          // The answer depends on Accept-Encoding, whichever form it takes: caches must know.
          headers.vary = 'accept-encoding';
          if (acceptsGzip(request)) {
            bytes = await gzipAsync(bytes);
            headers['content-encoding'] = 'gzip';
          }
        }
        headers['content-length'] = String(bytes.length);
        response.writeHead(status, headers);
        response.end(request.method === 'HEAD' ? undefined : bytes);
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
 * Whether the client takes a gzip body: `gzip` (or `*`) in Accept-Encoding with a non-zero
 * quality. `identity` is always acceptable, so a client that says nothing gets the file as it is.
 */
export function acceptsGzip(request: Pick<IncomingMessage, 'headers'>): boolean {
  const header = request.headers['accept-encoding'];
  if (!header) return false;
  const codings = new Map<string, number>();
  for (const part of (Array.isArray(header) ? header.join(',') : header).split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const quality = params.map((param) => /^\s*q\s*=\s*([\d.]+)\s*$/.exec(param)?.[1]).find((value) => value !== undefined);
    codings.set(name.trim(), quality === undefined ? 1 : Number(quality));
  }
  const gzipQuality = codings.get('gzip') ?? codings.get('x-gzip') ?? codings.get('*');
  return gzipQuality !== undefined && gzipQuality > 0;
}

/**
 * The sandbox works offline, and Zendesk only supports loading the SDK from its CDN, so the app's
 * HTML keeps the CDN URL (what gets packaged and reviewed) and the sandbox points it at a local
 * bundle of the same SDK instead. Every other byte the app server sends is the built file itself
 * (gzip-encoded for clients that ask for it).
 */
export function withLocalZafSdk(html: string): string {
  return html.replace(ZAF_SDK_CDN_URL, LOCAL_ZAF_SDK_PATH);
}
