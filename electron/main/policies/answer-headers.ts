/**
 * The headers of every answer on `app://paso/`: the kiosk build's files, the hub's answers the
 * shell passes on and the offline cache's copies of them. Pure, so each kind is tested without
 * Electron.
 *
 * The hub's answers are served from the kiosk's own origin, so whatever the hub (or someone
 * between it and the kiosk) sends would count as `'self'` for the page's policy: a relayed
 * `text/javascript` would be a script the page may run. So a relayed answer keeps its content
 * type only when it is one the kiosk's hub routes really give (JSON, the Ogg and MP3 sounds,
 * plain text), is never sniffed into anything else, and carries the kiosk's policy plus
 * `sandbox`: opened as a document it would have no script and no origin of its own.
 */

/** Content types the kiosk's hub routes answer with (core/protocol/api-routes.ts, /audio/). */
const relayableTypes = [/^application\/json(;|$)/i, /^audio\/(ogg|mpeg)$/i, /^text\/plain(;|$)/i];

/** The content type to pass on for a hub answer's own: itself when the kiosk expects it, otherwise plain bytes. */
export function relayedContentType(hubContentType: string | null): string {
  const type = hubContentType?.trim() ?? '';
  return relayableTypes.some((pattern) => pattern.test(type)) ? type : 'application/octet-stream';
}

/** Where an answer came from: the kiosk build, or the hub (live or from the offline cache). */
export type AnswerSource = 'build' | 'hub';

/**
 * The headers of one answer: its content type, the kiosk's Content-Security-Policy (with
 * `sandbox` for what came from the hub), `nosniff` and no referrer, plus `extra`.
 */
export function appAnswerHeaders(
  source: AnswerSource,
  contentType: string,
  kioskPolicy: string,
  extra: Readonly<Record<string, string>> = {},
): Record<string, string> {
  return {
    ...extra,
    'content-type': contentType,
    'content-security-policy': source === 'hub' ? `${kioskPolicy}; sandbox` : kioskPolicy,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  };
}
