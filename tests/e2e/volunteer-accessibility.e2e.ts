import { expect, test } from './fixtures/hub.js';
import { axeViolations, layoutProblems } from './support/accessibility.js';
import { createKioskCall } from './support/kiosk-socket.js';
import { becomeAvailable, callCard, fillSignIn, openSignIn, phone, screenshots, secondPhone, signIn, volunteers } from './support/volunteer-console.js';

test.use({ viewport: phone });

test.describe('the volunteer console on a phone', () => {
  test('has no axe violations at 360 × 800: sign-in, a call, the outcome question, and in English', async ({ page, hub }) => {
    // Four axe scans: 16 s on a quiet machine, past the default 30 s in a CI run with both cores busy.
    test.slow();
    await openSignIn(page);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${screenshots}/volunteer-login.png`, fullPage: true });

    await signIn(page, volunteers.ana);
    await becomeAvailable(page);
    await createKioskCall(hub.url);
    await expect(callCard(page)).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);

    await callCard(page).getByRole('button', { name: 'Voy para allá' }).click();
    await callCard(page).getByRole('button', { name: 'He llegado' }).click();
    await callCard(page).getByRole('button', { name: 'Resuelto' }).click();
    await expect(callCard(page).getByText('¿Cómo ha terminado?')).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(callCard(page).getByText('How did it end?')).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
  });

  test('fits a 360 px phone: no sideways scrolling, every control 88 px tall, 32 px apart, text 28 px or more', async ({ page, browser, hub }) => {
    await openSignIn(page);
    expect(await layoutProblems(page)).toEqual([]);
    await fillSignIn(page, 'Ana', '1111');
    await expect(page.getByRole('alert')).toBeVisible();
    expect(await layoutProblems(page)).toEqual([]);

    const luis = await secondPhone(browser, hub.url);
    try {
      await signIn(page, volunteers.ana);
      await signIn(luis, volunteers.luis);
      await becomeAvailable(page);
      await createKioskCall(hub.url, { language: 'en' });
      await expect(callCard(page)).toBeVisible();
      await expect(callCard(page)).toContainText('Idioma');
      expect(await layoutProblems(page)).toEqual([]);
      await expect(page.getByRole('button')).not.toHaveCount(0);

      await callCard(page).getByRole('button', { name: 'Voy para allá' }).click();
      await expect(callCard(luis)).toContainText('Ana va para allá');
      expect(await layoutProblems(luis)).toEqual([]);

      await callCard(page).getByRole('button', { name: 'He llegado' }).click();
      await callCard(page).getByRole('button', { name: 'Resuelto' }).click();
      expect(await layoutProblems(page)).toEqual([]);
      await page.getByRole('button', { name: 'English' }).click();
      expect(await layoutProblems(page)).toEqual([]);
    } finally {
      await luis.context().close();
    }
  });
});
