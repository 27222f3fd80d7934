import { describe, expect, it } from 'vitest';
import { configErrorHtml, configErrorUrl } from '../../electron/main/config-error-page.js';
import { kioskContentSecurityPolicy } from '../../electron/main/policies/content-security.js';
import { kioskWindowOptions } from '../../electron/main/window-options.js';

describe('the kiosk window', () => {
  it('is a full-screen kiosk with every web preference locked', () => {
    const options = kioskWindowOptions('/app/preload.cjs', false);
    expect(options).toMatchObject({ kiosk: true, fullscreen: true, frame: false, autoHideMenuBar: true });
    expect(options.webPreferences).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      devTools: false,
      disableBlinkFeatures: 'Auxclick',
    });
    expect(options.webPreferences).not.toHaveProperty('enableBlinkFeatures');
  });

  it('allows developer tools only in development, and has no preload for the error screen', () => {
    expect(kioskWindowOptions('/p.cjs', true).webPreferences?.devTools).toBe(true);
    expect(kioskWindowOptions(undefined, false).webPreferences).not.toHaveProperty('preload');
  });
});

describe('the content security policy', () => {
  it('allows scripts only from the kiosk itself, never inline or eval', () => {
    const policy = kioskContentSecurityPolicy('https://hub.example.org');
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("connect-src 'self' blob: wss://hub.example.org");
    expect(policy).toContain("media-src 'self' blob: data:");
    expect(kioskContentSecurityPolicy('http://127.0.0.1:8080')).toContain("connect-src 'self' blob: ws://127.0.0.1:8080");
  });
});

describe('the configuration error screen', () => {
  it('names the file and each problem, with the text escaped', () => {
    const html = configErrorHtml('/etc/paso/kiosk-config.json', ['hubUrl: is missing', '"<script>alert(1)</script>": is not a setting the kiosk knows']);
    expect(html).toContain('/etc/paso/kiosk-config.json');
    expect(html).toContain('<li>hubUrl: is missing</li>');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&#60;script&#62;');
    expect(html).toContain("default-src 'none'");
    expect(decodeURIComponent(configErrorUrl('f', ['p']).replace(/^data:text\/html;charset=utf-8,/, ''))).toBe(configErrorHtml('f', ['p']));
  });
});
