/**
 * The PRÁCTICA look (issue 18) on the kiosk, with the practice sample practica-clave: the
 * catalogue lists it after the real procedures; once it is open the banner "PRÁCTICA · No se
 * envía nada de verdad" stays in the bar on every screen, the colours are not a real
 * procedure's, the step that asks for the SMS code offers the made-up one on a button that types
 * it, the step that shows the code shows it as a practice code, and the end shows "Así se vería
 * en la web real" instead of an official QR code. Every step of it fits the four supported
 * screens at 64 px in Spanish and Arabic, banner included (the fit and geometry scans).
 */
import type { Page } from '@playwright/test';
import { sampleProcedures } from '../support/procedures.js';
import { expect, test } from './fixtures/hub.js';
import { axeViolations } from './support/accessibility.js';
import { installFitScan, scanStepState } from './support/fit-matrix.js';
import { kioskUrl, supportedScreens, toCatalogue } from './support/kiosk-screens.js';

const practiceId = 'practica-clave';

/** Opens the running kiosk at a step of practica-clave (session/open-at.ts). */
async function openAt(page: Page, stepId: string, extra = ''): Promise<void> {
  await page.evaluate(({ at, more }) => (window.location.hash = `at=${at}${more}`), { at: `${practiceId}/${stepId}`, more: extra });
  await expect(page.locator(`main[data-procedure-id="${practiceId}"][data-step-id="${stepId}"][data-packed]`)).toBeVisible();
}

test('practica-clave shows the PRÁCTICA look: banner, its own colours, the practice code offered and typed, no official link', async ({ page }) => {
  await toCatalogue(page);
  // The practice script comes after every real procedure (its tile says it is practice).
  const tiles = page.locator('.catalogue-tile');
  const practiceFlags = await tiles.evaluateAll((all) => all.map((tile) => tile.querySelector('.catalogue-badge') !== null));
  expect(practiceFlags.length).toBeGreaterThan(1);
  expect(practiceFlags.indexOf(true)).toBe(practiceFlags.length - practiceFlags.filter(Boolean).length);
  // No banner outside a practice procedure; a real procedure's background, for comparison.
  await expect(page.locator('[data-practice-banner]')).toHaveCount(0);
  const realBackground = await page.locator('.kiosk').evaluate((kiosk) => getComputedStyle(kiosk).backgroundColor);

  await openAt(page, 'bienvenida');
  const banner = page.locator('.session-bar [data-practice-banner]');
  await expect(banner).toBeVisible();
  await expect(banner).toHaveText(/PRÁCTICA\s*No se envía nada de verdad/);
  const practiceBackground = await page.locator('.kiosk').evaluate((kiosk) => getComputedStyle(kiosk).backgroundColor);
  expect(practiceBackground).not.toBe(realBackground);

  // The code that "arrives" is shown as a practice code.
  await openAt(page, 'ver-codigo');
  await expect(banner).toBeVisible();
  await expect(page.locator('[data-practice-code]')).toHaveText('Código de práctica: 482915');

  // The field offers the made-up code on a button that types it.
  await openAt(page, 'escribir-codigo');
  await expect(banner).toBeVisible();
  await expect(page.locator('[data-practice-offer]')).toContainText('Use este número de práctica: 482915');
  await expect(page.getByLabel('Código del SMS')).toHaveValue('');
  await page.getByRole('button', { name: 'Use este número de práctica: 482915' }).click();
  await expect(page.getByLabel('Código del SMS')).toHaveValue('482915');
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: 'docs/screenshots/kiosk-practice.png' });
  // And it is an answer the step takes.
  await page.getByRole('button', { name: 'Siguiente', exact: true }).click();
  await expect(page.locator('main[data-step-id="codigo-correcto"]')).toBeVisible();

  // The end offers no official page: its stand-in says how it would look, and nothing opens.
  await openAt(page, 'fin-practica');
  await expect(banner).toBeVisible();
  const part = page.locator('main');
  for (let turn = 0; turn < 4 && !(await page.locator('[data-practice-web-link]').isVisible()); turn++) {
    await page.getByRole('button', { name: 'Seguir leyendo' }).click();
  }
  await expect(page.locator('[data-practice-web-link]')).toContainText('Así se vería en la web real');
  await expect(part.locator('.take-home-qr-code')).toHaveCount(0);
  await expect(page.locator('a[href]')).toHaveCount(0);

  // High contrast keeps the look (and its contrast).
  await openAt(page, 'escribir-codigo', '&theme=contrast');
  await expect(page.locator('.kiosk.theme-contrast.kiosk-practice')).toBeVisible();
  await expect(banner).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);

  // Leaving the practice for the catalogue's real procedures: the look goes with it.
  // With the banner in the bar, "Empezar de nuevo" may have gone into "Más opciones".
  const more = page.getByRole('button', { name: 'Más opciones' });
  if (await more.isVisible()) await more.click();
  await page.getByRole('button', { name: 'Empezar de nuevo' }).click();
  await expect(page.getByRole('button', { name: 'Toque la pantalla para empezar' })).toBeVisible();
  await expect(page.locator('[data-practice-banner]')).toHaveCount(0);
  await expect(page.locator('.kiosk-practice')).toHaveCount(0);
});

// The banner sits in the bar's one row, so the steps keep their room; the scans prove it.
for (const screen of supportedScreens) {
  test(`every step of practica-clave fits ${screen.width}×${screen.height} at 64 px with the PRÁCTICA banner, in Spanish and Arabic`, async ({ page }) => {
    test.setTimeout(240_000);
    const procedure = sampleProcedures().find((candidate) => candidate.id === practiceId);
    if (!procedure) throw new Error(`no sample ${practiceId}`);
    await page.setViewportSize(screen);
    await page.goto(`${kioskUrl}&at=${practiceId}/bienvenida&size=64`);
    await expect(page.locator('main[data-step-id="bienvenida"]')).toBeVisible();
    await installFitScan(page);
    const problems: string[] = [];
    for (const language of ['es', 'ar'] as const) {
      for (const step of procedure.steps) {
        const scan = await scanStepState(page, { procedureId: practiceId, stepId: step.id, size: 64, language });
        for (const problem of scan.problems) problems.push(`${language} ${step.id}: ${problem}`);
        if (!(await page.locator('.session-bar [data-practice-banner]').isVisible())) problems.push(`${language} ${step.id}: no PRÁCTICA banner`);
      }
    }
    await page.screenshot({ path: test.info().outputPath(`practice-${screen.width}x${screen.height}-64.png`) });
    expect(problems).toEqual([]);
  });
}
