/**
 * The bar at the top (issue 12): its text grows with the senior's text size, it is one row on
 * every supported screen at every size, in Spanish and Arabic, and no control is ever lost:
 * what has no room in the row is in "Más opciones", whose sheet is in sight, works (a toggle
 * stays open to show its change; "Empezar de nuevo" closes it and starts again), and closes
 * with "Cerrar" or Escape.
 */
import { expect, test } from './fixtures/hub.js';
import { layoutProblems } from './support/accessibility.js';
import { fitProblems } from './support/fit-scan.js';
import { kioskWords } from './support/kiosk-locale.js';
import { kioskUrl, supportedScreens, textSizes } from './support/kiosk-screens.js';

// No way into volunteer mode among them (issue 13): it starts from the volunteer's phone.
const controlKeys = ['speech.repeat', 'speech.speedSlow', 'speech.volumeHigh', 'session.restart'] as const;

for (const screen of supportedScreens) {
  test(`the bar is one row with every control in it or in "Más opciones", at ${screen.width}×${screen.height}, 32/48/64 px, es and ar`, async ({ page }) => {
    await page.setViewportSize(screen);
    await page.goto(`${kioskUrl}&at=certificado-empadronamiento/escribir-dni`);
    await expect(page.locator('main[data-step-id="escribir-dni"][data-packed]')).toBeVisible();
    const bar = page.locator('header.session-bar');
    for (const language of ['es', 'ar'] as const) {
      const t = kioskWords(language);
      for (const size of textSizes) {
        const where = `${screen.width}×${screen.height} at ${size} px (${language})`;
        await page.evaluate((hash) => (window.location.hash = hash), `at=certificado-empadronamiento/escribir-dni&size=${size}&lang=${language}`);
        await expect(page.locator('main[data-step-id="escribir-dni"][data-packed]')).toBeVisible();
        await expect(page.locator('.kiosk')).toHaveAttribute('data-text-size', String(size));
        const shown = bar.locator('[data-bar-control]:visible, .session-bar-end > button:visible');
        // One row: every control's box on the same line, the bar one 88 px target high and its padding.
        await expect
          .poll(
            async () =>
              new Set((await shown.evaluateAll((buttons) => buttons.map((button) => Math.round(button.getBoundingClientRect().top)))).map(String)).size,
            where,
          )
          .toBe(1);
        expect((await bar.boundingBox())?.height, where).toBeLessThanOrEqual(112);
        // The bar's text at three quarters of the text size, from 32 to 48 px.
        const fontSize = await bar.getByRole('button', { name: t('speech.repeat'), exact: true }).evaluate((button) => getComputedStyle(button).fontSize);
        expect(fontSize, where).toBe(`${Math.min(48, Math.max(32, size * 0.75))}px`);
        expect(await fitProblems(page), where).toEqual([]);

        const inBar = await bar.locator('[data-bar-control]:visible').allTextContents();
        const more = bar.getByRole('button', { name: t('bar.more'), exact: true });
        let inSheet: string[] = [];
        if (inBar.length < controlKeys.length) {
          await more.click();
          const sheet = page.getByRole('dialog', { name: t('bar.more') });
          await expect(sheet).toBeVisible();
          await expect(sheet.getByRole('button', { name: t('glossary.close') })).toBeFocused();
          inSheet = await sheet.locator('[data-bar-control]').allTextContents();
          expect([...(await fitProblems(page)), ...(await layoutProblems(page))], `${where}, "Más opciones" open`).toEqual([]);
          await page.keyboard.press('Escape');
          await expect(sheet).toBeHidden();
        } else {
          await expect(more, where).toHaveCount(0);
        }
        // Nothing lost, nothing twice: each control in the row or in the sheet.
        expect([...inBar, ...inSheet].sort(), where).toEqual(controlKeys.map((key) => t(key)).sort());
        // "Repetir" stays in the row at every size: a senior who missed a sentence finds it at once.
        expect(inBar, where).toContain(t('speech.repeat'));
      }
    }
  });
}

test('"Más opciones" on a 768 px screen at 64 px: the voice\'s speed works there and the sheet stays; "Empezar de nuevo" from it starts again', async ({
  page,
}) => {
  const t = kioskWords('es');
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(`${kioskUrl}&at=certificado-empadronamiento/escribir-dni&size=64`);
  await expect(page.locator('main[data-step-id="escribir-dni"][data-packed]')).toBeVisible();
  const more = page.getByRole('button', { name: t('bar.more'), exact: true });
  await more.click();
  const sheet = page.getByRole('dialog', { name: t('bar.more') });
  // Slow by default; a tap says the other speed.
  await sheet.getByRole('button', { name: t('speech.speedSlow') }).click();
  await expect(sheet.getByRole('button', { name: t('speech.speedNormal') })).toBeVisible();
  await expect(sheet).toBeVisible();
  await sheet.getByRole('button', { name: t('glossary.close') }).click();
  await expect(sheet).toBeHidden();
  await expect(more).toHaveAttribute('aria-expanded', 'false');

  // Wherever "Empezar de nuevo" is, it ends the session: from the sheet too.
  await more.click();
  const restartInSheet = sheet.getByRole('button', { name: t('session.restart') });
  if ((await restartInSheet.count()) > 0) await restartInSheet.click();
  else {
    await page.keyboard.press('Escape');
    await page
      .locator('header.session-bar')
      .getByRole('button', { name: t('session.restart') })
      .click();
  }
  await expect(page.getByRole('button', { name: t('attract.start') })).toBeVisible();
  await expect(sheet).toBeHidden();
});
