/**
 * How a request to `app://paso/…` is answered: a file of the kiosk's UI build, a request passed on
 * to the hub, or a refusal. Pure: it reads only the URL, so every traversal trick (`..`, `%2e%2e`,
 * backslashes, NUL, encoded slashes) is tested without Electron. The caller still checks that the
 * joined file path stays inside the build folder, as a second lock.
 */
import { appOrigin, hasOrigin, parseUrl } from './app-origin.js';

/** The decision for one request. */
export type AppRoute = { kind: 'file'; segments: string[] } | { kind: 'hub'; pathAndQuery: string; cacheable: boolean } | { kind: 'refused'; reason: string };

// Folders of the UI build the kiosk may load: its page and the shared bundles. The volunteer and
// staff UIs are in the same build but are none of the kiosk's business.
const fileRoots = new Set(['kiosk', 'assets']);

// Hub paths the kiosk page uses (core/protocol/http.ts); the staff API and anything else are
// refused here, so a compromised page cannot use the shell to reach them.
const hubPaths = [/^\/health$/, /^\/api\/procedures$/, /^\/api\/kiosk\/[a-z0-9/-]+$/, /^\/api\/volunteer\/[a-z0-9/-]+$/, /^\/audio\/[A-Za-z0-9._/-]+$/];

// Answers kept for offline use: who the kiosk is, the published procedures, and the spoken audio.
const cacheablePaths = [/^\/api\/kiosk\/me$/, /^\/api\/procedures$/, /^\/audio\//];

function refused(reason: string): AppRoute {
  return { kind: 'refused', reason };
}

/** Decodes one path segment, or undefined when it is malformed or dangerous once decoded. */
function safeSegment(raw: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return undefined;
  }
  if (decoded === '.' || decoded === '..') return undefined;
  // A slash or backslash inside a segment would become a separator on disk; NUL ends C strings;
  // a colon could name a Windows drive or stream.
  if (/[/\\\0:]/.test(decoded)) return undefined;
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[\u0000-\u001f\u007f]/.test(decoded)) return undefined;
  return decoded;
}

/** Decides how to answer `method url` on the app protocol. */
export function routeAppRequest(method: string, url: string): AppRoute {
  if (!hasOrigin(url, appOrigin)) return refused("not the kiosk's own origin");
  const parsed = parseUrl(url);
  if (!parsed) return refused('not a URL');
  const rawSegments = parsed.pathname.split('/').slice(1);
  const segments: string[] = [];
  for (const [index, raw] of rawSegments.entries()) {
    // Only the last segment may be empty ("/kiosk/" means the folder's index.html).
    if (raw === '' && index !== rawSegments.length - 1) return refused('an empty path segment');
    if (raw === '') continue;
    const segment = safeSegment(raw);
    if (segment === undefined) return refused(`a path segment that could leave the build folder: "${raw}"`);
    segments.push(segment);
  }
  const first = segments[0];
  if (first !== undefined && fileRoots.has(first)) {
    if (method !== 'GET' && method !== 'HEAD') return refused('the UI files are read-only');
    return { kind: 'file', segments: parsed.pathname.endsWith('/') ? [...segments, 'index.html'] : segments };
  }
  if (hubPaths.some((pattern) => pattern.test(parsed.pathname))) {
    return {
      kind: 'hub',
      pathAndQuery: parsed.pathname + parsed.search,
      cacheable: method === 'GET' && cacheablePaths.some((pattern) => pattern.test(parsed.pathname)),
    };
  }
  return refused('not part of the kiosk');
}

/** The hub URL for a routed path, or undefined if joining would leave the hub's origin. */
export function hubRequestUrl(hubOrigin: string, pathAndQuery: string): string | undefined {
  const joined = parseUrl(`${hubOrigin}${pathAndQuery}`);
  const hub = parseUrl(hubOrigin);
  if (!joined || !hub || joined.origin !== hub.origin || joined.username !== '' || joined.password !== '') return undefined;
  return joined.href;
}
