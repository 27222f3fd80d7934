/**
 * What ending the session does to an open help call: the call belongs to the session, so
 * "Terminar" / "Empezar de nuevo" cancel it on the hub, whether it is waiting, already accepted
 * (the volunteer's phone says the person no longer needs help, so nobody walks to an empty
 * kiosk), or still on its way to the hub when the senior leaves. The next senior finds no call.
 */
import type { Page, Route } from '@playwright/test';
import { expect, test } from './fixtures/hub.js';
import { becomeAvailable, callCard, secondPhone, signIn, volunteers } from './support/volunteer-console.js';

import { toCatalogue } from './support/kiosk-screens.js';
import { apiRoutes } from '../../core/protocol/api-routes.js';

function helpButton(page: Page) {
  return page.getByRole('button', { name: 'Llamar a un voluntario' });
}

test.describe('ending the session ends its help call', () => {
  test('a volunteer on the way is told the person no longer needs help when the senior taps "Terminar"', async ({ page, browser, hub }) => {
    const ana = await secondPhone(browser, hub.url);
    await signIn(ana, volunteers.ana);
    await becomeAvailable(ana);
    await toCatalogue(page);
    await helpButton(page).click();
    const card = callCard(ana);
    await expect(card.getByRole('button', { name: 'Voy para allá' })).toBeVisible();
    await card.getByRole('button', { name: 'Voy para allá' }).click();
    await expect(page.getByText('Ana viene para ayudarle.')).toBeVisible();

    await page.getByRole('button', { name: 'Terminar' }).click();
    await expect(page.getByRole('button', { name: 'Toque la pantalla para empezar' })).toBeVisible();
    // On Ana's phone the call stops asking her to go: its card says so, or is gone.
    await expect(card.getByRole('button', { name: 'He llegado' })).toHaveCount(0);
    await expect.poll(async () => (await card.count()) === 0 || /ya no necesita ayuda/.test((await card.textContent()) ?? '')).toBe(true);
    const calls = await hub.database.db.selectFrom('calls').select(['state']).execute();
    expect(calls.map((call) => call.state)).toEqual(['cancelled']);
    // The next senior starts with no call on the screen.
    await expect(page.locator('.help-panel')).toBeHidden();
    await ana.context().close();
  });

  test('a call still waiting is cancelled by "Empezar de nuevo", and the volunteer console no longer offers it', async ({ page, browser, hub }) => {
    const ana = await secondPhone(browser, hub.url);
    await signIn(ana, volunteers.ana);
    await becomeAvailable(ana);
    await toCatalogue(page);
    await page.getByRole('button', { name: /^Certificado de empadronamiento/ }).click();
    await page.getByRole('button', { name: 'Sí, lo tengo' }).click();
    await page.getByRole('button', { name: 'Sí, lo tengo' }).click();
    await expect(page.getByText('Paso 1 de')).toBeVisible();
    await helpButton(page).click();
    await expect(page.getByText(/Usted es el número 1 en la lista/)).toBeVisible();
    await expect(callCard(ana).getByRole('button', { name: 'Voy para allá' })).toBeVisible();

    await page.getByRole('button', { name: 'Empezar de nuevo' }).click();
    await expect(callCard(ana).getByRole('button', { name: 'Voy para allá' })).toHaveCount(0);
    await expect.poll(async () => (await hub.database.db.selectFrom('calls').select(['state']).execute()).map((call) => call.state)).toEqual(['cancelled']);
    await ana.context().close();
  });

  test('a call still on its way to the hub when the session ends is cancelled as soon as the hub has made it', async ({ page, hub }) => {
    await toCatalogue(page);
    let held: Route | undefined;
    await page.route(`**${apiRoutes.kioskCalls.path}`, (route) => {
      held = route;
    });
    await helpButton(page).click();
    await expect(page.getByText('Llamando a un voluntario…')).toBeVisible();
    await expect.poll(() => held !== undefined).toBe(true);
    await page.getByRole('button', { name: 'Terminar' }).click();
    await expect(page.getByRole('button', { name: 'Toque la pantalla para empezar' })).toBeVisible();
    // Now the request reaches the hub, which makes the call; the kiosk cancels it at once.
    await held?.continue();
    await expect.poll(async () => (await hub.database.db.selectFrom('calls').select(['state']).execute()).map((call) => call.state)).toEqual(['cancelled']);
    await expect(page.locator('.help-panel')).toBeHidden();
    await page.unrouteAll({ behavior: 'ignoreErrors' });
  });
});
