import { describe, expect, it } from 'vitest';
import { mayGrantPermission, permissionAllowlist } from '../../../electron/main/policies/permissions.js';

const ours = 'app://paso/kiosk/';

describe('permission requests', () => {
  it.each([
    'media',
    'geolocation',
    'notifications',
    'clipboard-read',
    'midi',
    'midiSysex',
    'pointerLock',
    'openExternal',
    'hid',
    'serial',
    'usb',
    'display-capture',
    'idle-detection',
    'unknown',
    '__proto__',
    'toString',
    'constructor',
  ])('denies %s, even to the kiosk page', (permission) => {
    expect(mayGrantPermission({ permission, requestingUrl: ours, isMainFrame: true })).toBe(false);
  });

  it('grants what the allowlist names to the kiosk page, and each entry says why', () => {
    for (const [permission, why] of Object.entries(permissionAllowlist)) {
      expect(why.length).toBeGreaterThan(20);
      expect(mayGrantPermission({ permission, requestingUrl: ours, isMainFrame: true })).toBe(true);
    }
  });

  it('grants nothing to another origin or to an iframe, even from the allowlist', () => {
    expect(mayGrantPermission({ permission: 'fullscreen', requestingUrl: 'https://evil.example/', isMainFrame: true })).toBe(false);
    expect(mayGrantPermission({ permission: 'fullscreen', requestingUrl: 'app://paso.evil.example/', isMainFrame: true })).toBe(false);
    expect(mayGrantPermission({ permission: 'fullscreen', requestingUrl: ours, isMainFrame: false })).toBe(false);
    expect(mayGrantPermission({ permission: 'fullscreen', requestingUrl: '', isMainFrame: true })).toBe(false);
  });
});
