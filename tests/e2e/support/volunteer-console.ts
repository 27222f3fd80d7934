/** Steps a test takes on the volunteer console, named as a volunteer would say them. */
import { expect, type Browser, type Locator, type Page } from '@playwright/test';
import { demoAccounts } from '../../../hub/demo/seed.js';
import { apiRoutes } from '../../../core/protocol/api-routes.js';

/** The demo volunteers, by name. */
export const volunteers = {
  ana: demoAccounts.volunteers[0],
  luis: demoAccounts.volunteers[1],
} as const;

/** Opens the sign-in screen and waits for the hub's centres (the demo's only one is simply shown). */
export async function openSignIn(page: Page): Promise<void> {
  await page.goto('/volunteer/');
  await expect(page.getByText(demoAccounts.site.name)).toBeVisible();
}

/** Fills in and sends the sign-in form. */
export async function fillSignIn(page: Page, name: string, pin: string): Promise<void> {
  await openSignIn(page);
  await page.getByLabel('Su nombre').fill(name);
  await page.getByLabel('Su PIN').fill(pin);
  await page.getByRole('button', { name: 'Entrar' }).click();
}

/** Signs in and waits for the console. */
export async function signIn(page: Page, volunteer: { name: string; pin: string }): Promise<void> {
  await fillSignIn(page, volunteer.name, volunteer.pin);
  await expect(page.getByRole('switch', { name: 'Disponible' })).toBeVisible();
}

/** Turns the availability switch on and waits for the hub to confirm it. */
export async function becomeAvailable(page: Page): Promise<void> {
  const availability = page.getByRole('switch', { name: 'Disponible' });
  await expect(availability).toHaveAttribute('aria-checked', 'false');
  await availability.click();
  await expect(availability).toHaveAttribute('aria-checked', 'true');
}

/** The step card of the call at a kiosk. */
export function callCard(page: Page, kioskName: string = demoAccounts.kiosk.name): Locator {
  return page.getByRole('article', { name: kioskName });
}

/**
 * Records the alert a page gives: each vibration pattern, and each oscillator started (a beep),
 * in `window.alertLog`. Call before the page loads.
 */
export async function recordAlerts(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const log = { vibrations: 0, beeps: 0 };
    Object.assign(window, { alertLog: log });
    Object.defineProperty(navigator, 'vibrate', { configurable: true, value: () => ((log.vibrations += 1), true) });
    const start = OscillatorNode.prototype.start;
    OscillatorNode.prototype.start = function (this: OscillatorNode, ...args: Parameters<OscillatorNode['start']>) {
      log.beeps += 1;
      return start.apply(this, args);
    };
  });
}

/** What {@link recordAlerts} recorded so far. */
export function alertLog(page: Page): Promise<{ vibrations: number; beeps: number }> {
  return page.evaluate(() => (window as unknown as { alertLog: { vibrations: number; beeps: number } }).alertLog);
}

/** The phone every console test runs on. */
export const phone = { width: 360, height: 800 };

/** Where the screenshots the README and reviewers look at are kept. */
export const screenshots = 'docs/screenshots';

/** A second phone, for a second volunteer. */
export async function secondPhone(browser: Browser, baseURL: string): Promise<Page> {
  const context = await browser.newContext({ viewport: phone, baseURL });
  return context.newPage();
}

/** The session token the console keeps, as a test needs it to talk to the hub as that volunteer. */
export function sessionToken(page: Page): Promise<string> {
  return page.evaluate(() => (JSON.parse(sessionStorage.getItem('paso-a-paso.volunteer.session') ?? '{}') as { token: string }).token);
}

/** Signs in over HTTP, as a second volunteer's phone would, and returns the token. */
export async function loginToken(hubUrl: string, volunteer: { name: string; pin: string }): Promise<string> {
  const response = await fetch(hubUrl + apiRoutes.volunteerLogin.path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ siteId: demoAccounts.site.id, name: volunteer.name, pin: volunteer.pin }),
  });
  return ((await response.json()) as { token: string }).token;
}
