/**
 * The real kiosk page served the way the Electron shell serves it, in Chromium (the engine
 * Electron embeds), since the Electron binary cannot run here: every request of the page goes
 * through the shell's own app:// handler (electron/main/app-request-handler.ts) with its
 * Content-Security-Policy and its hub pass-through and offline cache, and `window.kiosk` is a
 * stand-in with the contract's methods. Checks that the page works under the shell's policy, takes
 * its token and hub from the bridge, prints through it, and starts from the cache without a hub.
 */
import type { Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { PageConfig } from '../../core/shell/bridge.js';
import { demoAccounts } from '../../hub/demo/seed.js';
import { createAppRequestHandler } from '../../electron/main/app-request-handler.js';
import { createOfflineCache } from '../../electron/main/offline-cache.js';
import { expect, test } from './fixtures/hub.js';

// Playwright cannot route a custom scheme, so the page lives at this stand-in origin and each
// request is handed to the shell's handler as the app:// request it would be.
const standIn = 'https://paso.test';
const uiRoot = process.env['PASO_UI_FOLDER'] ?? path.resolve(import.meta.dirname, '../../dist/renderer');

interface ShellWorld {
  hubOrigin: string;
  requests: string[];
}

async function serveLikeTheShell(page: Page, world: ShellWorld, cacheFolder: string, config: PageConfig): Promise<void> {
  // The shell grants its own page Local Network Access (electron/main/policies/permissions.ts),
  // without which Chromium refuses the help call's WebSocket to a hub on the local network.
  await page.context().grantPermissions(['local-network-access'], { origin: standIn });
  await page.route(`${standIn}/**`, async (route) => {
    const request = route.request();
    const appUrl = request.url().replace(standIn, 'app://paso');
    world.requests.push(new URL(appUrl).pathname);
    const handler = createAppRequestHandler({
      uiRoot,
      hubOrigin: world.hubOrigin,
      cache: createOfflineCache(cacheFolder),
      fetch: (url, init) => fetch(url, init),
    });
    const body = request.postDataBuffer();
    const answer = await handler(
      new Request(appUrl, { method: request.method(), headers: await request.allHeaders(), body: body === null ? null : new Uint8Array(body) }),
    );
    await route.fulfill({ status: answer.status, headers: Object.fromEntries(answer.headers), body: Buffer.from(await answer.arrayBuffer()) });
  });
  await page.addInitScript((pageConfig: PageConfig) => {
    const seen: string[] = [];
    document.addEventListener('securitypolicyviolation', (event) =>
      seen.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}:${event.columnNumber}`),
    );
    const state = { printed: 0, violations: seen };
    Object.defineProperty(window, '__shell', { value: state });
    Object.defineProperty(window, 'kiosk', {
      value: Object.freeze({
        getConfig: async () => pageConfig,
        printSheet: async () => {
          state.printed += 1;
          return { printed: true };
        },
        cachedProcedures: async () => ({ procedures: [], savedAt: null }),
        cachedAudio: async () => null,
        appVersion: async () => '0.1.0',
        restart: async () => undefined,
      }),
    });
  }, config);
}

function shellState(page: Page): Promise<{ printed: number; violations: string[] }> {
  return page.evaluate(() => (window as unknown as { __shell: { printed: number; violations: string[] } }).__shell);
}

async function toCatalogue(page: Page): Promise<void> {
  await page.goto(`${standIn}/kiosk/`);
  await page.getByRole('button', { name: 'Toque la pantalla para empezar' }).click();
  await page.getByRole('button', { name: 'Español' }).click();
  await page.getByRole('button', { name: 'Seguir', exact: true }).click();
  await expect(page.getByRole('heading', { name: '¿Qué quiere hacer hoy?' })).toBeVisible();
}

test.describe('the kiosk page inside the shell', () => {
  // Every request goes through the handler in this process: slower than a plain page, and the
  // project's machines are small and shared.
  test.setTimeout(150_000);
  let cacheFolder: string;
  test.beforeEach(() => {
    cacheFolder = mkdtempSync(path.join(tmpdir(), 'paso-shell-cache-'));
  });
  test.afterEach(() => {
    rmSync(cacheFolder, { recursive: true, force: true });
  });

  // No settle time: these tests click as fast as Playwright can (kiosk-presses.e2e.ts tests it).
  const configFor = (hubUrl: string): PageConfig => ({
    kioskId: demoAccounts.kiosk.id,
    hubUrl,
    deviceToken: demoAccounts.kioskToken,
    languages: ['es', 'en', 'ar'],
    idle: { idleSeconds: 120, warningSeconds: 60 },
    headphones: false,
    keypad: false,
    settleMs: 0,
  });

  test("runs under the shell's security policy with the token and hub from the bridge, and calls a volunteer", async ({ page, hub }) => {
    const world = { hubOrigin: hub.url, requests: [] };
    await serveLikeTheShell(page, world, cacheFolder, configFor(hub.url));
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const response = await page.goto(`${standIn}/kiosk/`);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await toCatalogue(page);
    // The procedures came from the hub through the shell, with the bridge's token.
    await expect(page.getByRole('button', { name: /^Certificado de empadronamiento/ })).toBeVisible();
    expect(world.requests).toContain('/api/procedures');
    // The help call's WebSocket goes straight to the hub named by the configuration.
    await page.getByRole('button', { name: 'Llamar a un voluntario' }).click();
    await expect(page.getByText(/Usted es el número 1 en la lista/)).toBeVisible();
    // The one eval the policy stops is zod's own feature probe (`try { Function('') } catch`), which
    // then parses without eval; anything else refused by the policy would be a real breakage.
    const { violations, printed } = await shellState(page);
    expect(violations.filter((violation) => !violation.startsWith('script-src eval '))).toEqual([]);
    expect(printed).toBe(0);
    expect(errors).toEqual([]);
  });

  test('prints through the shell instead of opening a print dialog', async ({ page, hub }) => {
    await serveLikeTheShell(page, { hubOrigin: hub.url, requests: [] }, cacheFolder, configFor(hub.url));
    await toCatalogue(page);
    await page.evaluate(() => window.print());
    await expect.poll(async () => (await shellState(page)).printed).toBe(1);
  });

  test('starts from the cached procedures when the hub cannot be reached', async ({ page, hub }) => {
    const world = { hubOrigin: hub.url, requests: [] };
    await serveLikeTheShell(page, world, cacheFolder, configFor(hub.url));
    await toCatalogue(page);
    await expect(page.getByRole('button', { name: /^Certificado de empadronamiento/ })).toBeVisible();
    // The hub goes away (an address where nobody listens); the kiosk starts again.
    world.hubOrigin = 'http://127.0.0.1:9';
    await toCatalogue(page);
    await expect(page.getByRole('button', { name: /^Certificado de empadronamiento/ })).toBeVisible();
  });
});
