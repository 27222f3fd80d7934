/**
 * Where the kiosk's own pages live: `app://paso/`, served by the shell from the UI build. Every
 * other policy compares against this origin, parsed, never by string prefix.
 */

/** The scheme the shell registers (privileged, standard, secure). */
export const appScheme = 'app';
/** The only host of that scheme. */
export const appHost = 'paso';
/** The kiosk pages' origin. */
export const appOrigin = `${appScheme}://${appHost}`;
/** The first page the window loads. */
export const kioskStartUrl = `${appOrigin}/kiosk/`;

/** Parses a URL, or undefined when it is not one. */
export function parseUrl(raw: string): URL | undefined {
  try {
    return new URL(raw);
  } catch {
    return undefined;
  }
}

/**
 * True only for a URL of exactly the given origin, with no user name or password (`https://hub@evil`
 * trick) and nothing odd. Origins are compared after the URL parser has normalised case and
 * punycode, so `APP://PASO/` is ours and `app://paso.attacker.com/` is not.
 */
export function hasOrigin(raw: string, origin: string): boolean {
  const url = parseUrl(raw);
  const expected = parseUrl(origin);
  if (!url || !expected) return false;
  if (url.username !== '' || url.password !== '') return false;
  // A custom scheme's origin is "null" to Node's URL; compare scheme, host and port instead.
  // Node keeps a custom scheme's host as written, while Chromium (where app:// is a standard
  // scheme) lower-cases it, so the comparison ignores case; anything encoded stays unequal.
  return url.protocol === expected.protocol && url.host.toLowerCase() === expected.host.toLowerCase();
}

/** True for a URL of the kiosk's own pages. */
export function isAppUrl(raw: string): boolean {
  return hasOrigin(raw, appOrigin);
}
