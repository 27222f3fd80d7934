/**
 * Answers every request to `app://paso/…` with web-standard Request and Response only, so it runs
 * under vitest exactly as under Electron's `protocol.handle`. UI files come from the build folder;
 * the hub's answers come through the shell, and the cacheable ones are kept for when the hub is
 * away. Every answer, whatever its source, carries the kiosk's Content-Security-Policy and
 * `nosniff` (policies/answer-headers.ts).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { OfflineCache } from './offline-cache.js';
import { appAnswerHeaders, relayedContentType } from './policies/answer-headers.js';
import { hubRequestUrl, routeAppRequest } from './policies/app-routes.js';
import { kioskContentSecurityPolicy } from './policies/content-security.js';

/** What the handler needs from the world. */
export interface AppRequestHandlerOptions {
  /** The UI build folder (the one holding kiosk/ and assets/). */
  uiRoot: string;
  /** The hub's origin, e.g. `https://hub.example.org`. */
  hubOrigin: string;
  cache: OfflineCache;
  /** How to reach the hub (Electron's `net.fetch` in the app, Node's fetch in tests). */
  fetch: (url: string, init: RequestInit) => Promise<Response>;
  now?: () => Date;
  /** How long to wait for the hub before answering from the cache. */
  hubTimeoutMs?: number;
}

const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ogg': 'audio/ogg',
  '.mp3': 'audio/mpeg',
};

// Headers the kiosk page sends that the hub needs; cookies and anything else stay behind.
const forwardedHeaders = ['authorization', 'content-type', 'accept', 'accept-language'];

/** True when `file` lies inside `root` (after resolving), the second lock behind the path policy. */
export function isInsideFolder(root: string, file: string): boolean {
  const relative = path.relative(path.resolve(root), path.resolve(file));
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

/** Builds the `app://` handler. */
export function createAppRequestHandler(options: AppRequestHandlerOptions): (request: Request) => Promise<Response> {
  const now = options.now ?? (() => new Date());
  const csp = kioskContentSecurityPolicy(options.hubOrigin);
  const plain = (status: number, text: string): Response =>
    new Response(text, { status, headers: appAnswerHeaders('build', 'text/plain; charset=utf-8', csp) });

  async function serveFile(segments: readonly string[]): Promise<Response> {
    const file = path.join(options.uiRoot, ...segments);
    if (!isInsideFolder(options.uiRoot, file)) return plain(403, 'outside the kiosk build');
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      return plain(404, 'not found');
    }
    const type = contentTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    return new Response(new Uint8Array(body), { status: 200, headers: appAnswerHeaders('build', type, csp, { 'cache-control': 'no-cache' }) });
  }

  async function fromCache(pathAndQuery: string, why: string): Promise<Response> {
    const cached = await options.cache.get(pathAndQuery);
    if (!cached) return plain(503, `the hub cannot be reached (${why}) and nothing is cached for this`);
    // The type is checked again: the cache folder is on disk, and older entries were kept unchecked.
    return new Response(cached.body, {
      status: 200,
      headers: appAnswerHeaders('hub', relayedContentType(cached.contentType), csp, { 'x-paso-offline': cached.savedAt }),
    });
  }

  async function passToHub(request: Request, pathAndQuery: string, cacheable: boolean): Promise<Response> {
    const target = hubRequestUrl(options.hubOrigin, pathAndQuery);
    if (!target) return plain(403, 'not a hub address');
    const headers = new Headers();
    for (const name of forwardedHeaders) {
      const value = request.headers.get(name);
      if (value !== null) headers.set(name, value);
    }
    const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
    let answer: Response;
    try {
      answer = await options.fetch(target, {
        method: request.method,
        headers,
        body: hasBody ? await request.arrayBuffer() : null,
        redirect: 'error',
        signal: AbortSignal.timeout(options.hubTimeoutMs ?? 10_000),
      });
    } catch (error) {
      return cacheable ? fromCache(pathAndQuery, error instanceof Error ? error.message : 'no answer') : plain(502, 'the hub cannot be reached');
    }
    // A hub that answers but fails (5xx) is as good as away for what the cache can give.
    if (cacheable && answer.status >= 500) return fromCache(pathAndQuery, `it answered ${answer.status}`);
    const body = new Uint8Array(await answer.arrayBuffer());
    const contentType = relayedContentType(answer.headers.get('content-type'));
    if (cacheable && answer.status === 200) {
      // A cache that cannot be written (full disk, a race) costs the offline copy, never this answer.
      await options.cache.put(pathAndQuery, { body, contentType, savedAt: now().toISOString() }).catch(() => undefined);
    }
    return new Response(answer.status === 204 || answer.status === 304 ? null : body, {
      status: answer.status,
      headers: appAnswerHeaders('hub', contentType, csp),
    });
  }

  return async (request) => {
    const route = routeAppRequest(request.method, request.url);
    switch (route.kind) {
      case 'refused':
        return plain(404, `refused: ${route.reason}`);
      case 'file':
        return serveFile(route.segments);
      case 'hub':
        return passToHub(request, route.pathAndQuery, route.cacheable);
    }
  };
}
