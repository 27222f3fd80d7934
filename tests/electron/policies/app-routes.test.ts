import { describe, expect, it } from 'vitest';
import { hubRequestUrl, routeAppRequest } from '../../../electron/main/policies/app-routes.js';

describe('what the app:// protocol serves', () => {
  it('serves the kiosk page and its bundles from the build', () => {
    expect(routeAppRequest('GET', 'app://paso/kiosk/')).toEqual({ kind: 'file', segments: ['kiosk', 'index.html'] });
    expect(routeAppRequest('GET', 'app://paso/assets/kiosk-abc123.js')).toEqual({ kind: 'file', segments: ['assets', 'kiosk-abc123.js'] });
    expect(routeAppRequest('GET', 'app://paso/assets/a%20b.css')).toEqual({ kind: 'file', segments: ['assets', 'a b.css'] });
  });

  it.each([
    ['dot-dot', 'app://paso/kiosk/../../../etc/passwd'],
    ['encoded dot-dot', 'app://paso/kiosk/%2e%2e/%2e%2e/etc/passwd'],
    ['mixed-case encoded dot-dot', 'app://paso/kiosk/%2E%2e/secret'],
    ['half-encoded dot-dot', 'app://paso/kiosk/.%2e/secret'],
    ['an encoded slash', 'app://paso/kiosk/..%2f..%2fetc%2fpasswd'],
    ['a backslash', 'app://paso/kiosk/..\\..\\windows\\win.ini'],
    ['an encoded backslash', 'app://paso/kiosk/..%5c..%5cwin.ini'],
    ['a NUL byte', 'app://paso/kiosk/index.html%00.png'],
    ['a drive letter', 'app://paso/kiosk/C:%5cWindows'],
    ['an empty segment (absolute path on join)', 'app://paso/kiosk//etc/passwd'],
    ['a malformed escape', 'app://paso/kiosk/%E0%A4%A'],
    ['a control character', 'app://paso/kiosk/a%0Ab'],
  ])('refuses a path with %s', (_what, url) => {
    expect(routeAppRequest('GET', url).kind).not.toBe('file');
    const route = routeAppRequest('GET', url);
    if (route.kind === 'file') expect(route.segments.join('/')).not.toMatch(/\.\.|etc|win/i);
  });

  it('serves no other UI of the build, and nothing outside kiosk/ and assets/', () => {
    expect(routeAppRequest('GET', 'app://paso/volunteer/').kind).toBe('refused');
    expect(routeAppRequest('GET', 'app://paso/staff/index.html').kind).toBe('refused');
    expect(routeAppRequest('GET', 'app://paso/').kind).toBe('refused');
    expect(routeAppRequest('GET', 'app://paso/package.json').kind).toBe('refused');
  });

  it('refuses requests for another host of the scheme', () => {
    expect(routeAppRequest('GET', 'app://other/kiosk/').kind).toBe('refused');
    expect(routeAppRequest('GET', 'app://paso@evil/kiosk/').kind).toBe('refused');
  });

  it('never writes to the UI files', () => {
    expect(routeAppRequest('POST', 'app://paso/kiosk/index.html').kind).toBe('refused');
  });

  it("passes the kiosk's hub calls on, and marks what may be kept for offline use", () => {
    expect(routeAppRequest('GET', 'app://paso/api/procedures')).toEqual({ kind: 'hub', pathAndQuery: '/api/procedures', cacheable: true });
    expect(routeAppRequest('GET', 'app://paso/api/kiosk/me')).toEqual({ kind: 'hub', pathAndQuery: '/api/kiosk/me', cacheable: true });
    expect(routeAppRequest('GET', 'app://paso/audio/es/slow/ui__help.call.ogg')).toMatchObject({ kind: 'hub', cacheable: true });
    expect(routeAppRequest('POST', 'app://paso/api/kiosk/calls')).toEqual({ kind: 'hub', pathAndQuery: '/api/kiosk/calls', cacheable: false });
    expect(routeAppRequest('GET', 'app://paso/health')).toEqual({ kind: 'hub', pathAndQuery: '/health', cacheable: false });
    expect(routeAppRequest('POST', 'app://paso/api/volunteer/login')).toMatchObject({ kind: 'hub', cacheable: false });
  });

  it('refuses hub paths the kiosk never uses', () => {
    for (const url of [
      'app://paso/api/staff/kiosks',
      'app://paso/api/staff/login',
      'app://paso/metrics',
      'app://paso/api/sites',
      'app://paso/ws',
      'app://paso/api/kiosk/..%2fstaff',
    ]) {
      expect(routeAppRequest('GET', url).kind, url).toBe('refused');
    }
  });

  it('never joins a path that leaves the hub', () => {
    expect(hubRequestUrl('https://hub.example.org', '/api/procedures')).toBe('https://hub.example.org/api/procedures');
    // Joined by concatenation, a doubled slash stays a path on the hub, never a new host.
    expect(new URL(hubRequestUrl('https://hub.example.org', '//evil.example/x') ?? 'x:').host).toBe('hub.example.org');
    expect(hubRequestUrl('https://hub.example.org', '@evil.example/x')).toBeUndefined();
    expect(hubRequestUrl('https://hub.example.org', '.evil.example/x')).toBeUndefined();
    expect(hubRequestUrl('https://hub.example.org', ':8443/x')).toBeUndefined();
  });
});
