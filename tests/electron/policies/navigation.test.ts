import { describe, expect, it } from 'vitest';
import { hasOrigin, isAppUrl } from '../../../electron/main/policies/app-origin.js';
import { mayNavigate, mayOpenExternal, windowOpenDecision } from '../../../electron/main/policies/navigation.js';

describe('where the kiosk window may go', () => {
  it('stays on its own pages', () => {
    expect(mayNavigate('app://paso/kiosk/')).toBe(true);
    expect(mayNavigate('app://paso/kiosk/index.html#step')).toBe(true);
    // The URL parser lower-cases schemes and hosts, so this is the same origin.
    expect(mayNavigate('APP://PASO/kiosk/')).toBe(true);
  });

  it.each([
    ['a script URL', 'javascript:alert(1)'],
    ['a script URL in capitals', 'JAVASCRIPT:alert(document.cookie)'],
    ['a script URL with spaces and tabs', ' java\tscript:alert(1)'],
    ['the local disk', 'file:///etc/passwd'],
    ['a data page', 'data:text/html,<script>alert(1)</script>'],
    ['the hub itself', 'https://hub.example.org/'],
    ['a look-alike host', 'app://paso.attacker.com/kiosk/'],
    ['a host that only starts the same', 'app://pasoattacker/kiosk/'],
    ['a user name before the host', 'app://paso@attacker.com/kiosk/'],
    ['a user name that is our host', 'https://paso@evil.example/'],
    ['our host with credentials', 'app://user:pass@paso/kiosk/'],
    ['an IDN look-alike in Cyrillic', 'app://раѕо/kiosk/'],
    ['a punycode host', 'app://xn--80a0a6a/kiosk/'],
    ['another port', 'app://paso:8080/kiosk/'],
    ['a blob URL', 'blob:app://paso/1234'],
    ['about:blank', 'about:blank'],
    ['chrome pages', 'chrome://settings'],
    ['devtools', 'devtools://devtools/bundled/inspector.html'],
    ['nothing', ''],
    ['not a URL', 'kiosk/index.html'],
  ])('refuses %s', (_what, url) => {
    expect(mayNavigate(url)).toBe(false);
  });

  it('never opens anything outside the app, whatever the URL', () => {
    for (const url of ['https://sede.madrid.es/', 'mailto:a@b.c', 'file:///bin/sh', 'app://paso/kiosk/', 'smb://server/share'])
      expect(mayOpenExternal(url)).toBe(false);
  });

  it('answers every window.open with deny', () => {
    expect(windowOpenDecision()).toEqual({ action: 'deny' });
  });

  it('compares origins after parsing, not by prefix', () => {
    expect(hasOrigin('https://example.com/path', 'https://example.com')).toBe(true);
    expect(hasOrigin('https://example.com.attacker.com/', 'https://example.com')).toBe(false);
    expect(hasOrigin('https://example.com@attacker.com/', 'https://example.com')).toBe(false);
    expect(hasOrigin('https://hub@example.com/', 'https://example.com')).toBe(false);
    expect(hasOrigin('http://example.com/', 'https://example.com')).toBe(false);
    expect(hasOrigin('HTTPS://EXAMPLE.COM:443/', 'https://example.com')).toBe(true);
    expect(isAppUrl('app://paso')).toBe(true);
  });
});
