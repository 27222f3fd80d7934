/**
 * The fit scan (issue 12) over the catalogue, reached as a senior reaches it (language, text
 * size, "Seguir"), at the four supported screens and three text sizes, with and without a help
 * call: on every page, with nothing scrolled, every element is in sight and uncovered, and the
 * geometry scan (text ≥ 28 px, targets ≥ 88 px 32 px apart) finds nothing. The steps of every
 * procedure are held to the same scan by kiosk-fit-matrix.e2e.ts.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/hub.js';
import { layoutProblems } from './support/accessibility.js';
import { fitProblems, reveal } from './support/fit-scan.js';
import { kioskWords } from './support/kiosk-locale.js';
import { helpStatusShown, kioskUrl, supportedScreens, textSizes } from './support/kiosk-screens.js';

test.describe.configure({ mode: 'parallel' });

const screens = supportedScreens;
const sizes = textSizes;
const t = kioskWords('es');

/** Checks every page of the catalogue on show, from its first to its last, and goes back to the first. */
async function checkCataloguePages(page: Page, where: string, problems: string[], shots: string): Promise<void> {
  // Pictures loaded and two frames drawn: the parts are packed from what is on screen.
  await page.waitForFunction(() => Array.from(document.images).every((image) => image.complete));
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  const parts = Number((await page.locator('main').getAttribute('data-parts')) ?? '1');
  for (let part = 1; part <= parts; part++) {
    for (const problem of [...(await fitProblems(page)), ...(await layoutProblems(page))]) problems.push(`${where}, part ${part} of ${parts}: ${problem}`);
    await page.screenshot({ path: `${shots}-${where.replace(/\W+/g, '-')}-${part}.png` });
    if (part < parts) await page.getByRole('button', { name: t('catalogue.more'), exact: true }).click();
  }
  for (let part = parts; part > 1; part--) await page.getByRole('button', { name: t('catalogue.previousPage'), exact: true }).click();
}

// Every pair: the catalogue shows whole tiles on every page (fewer at large sizes), paged in the
// dock, and again with a help call's status open in the dock (the pages hold fewer then).
// One test a screen (its three text sizes): the twelve pairs in one test took over its three
// minutes on a loaded two-core machine, and the file's tests run in parallel.
for (const screen of screens) {
  test(`the catalogue fits ${screen.width}×${screen.height} at every text size, page by page, with a help call showing and without`, async ({
    page,
  }, testInfo) => {
    test.setTimeout(180_000);
    const problems: string[] = [];
    await page.setViewportSize(screen);
    for (const size of sizes) {
      await page.goto('about:blank');
      await page.goto(kioskUrl);
      await page.getByRole('button', { name: 'Toque la pantalla para empezar' }).click();
      await page.getByRole('button', { name: 'Español' }).click();
      await page
        .getByRole('group', { name: t('comfort.textSize') })
        .getByRole('button', { name: t(`comfort.size${size}`), exact: true })
        .click();
      const continueButton = page.getByRole('button', { name: t('comfort.continue'), exact: true });
      await reveal(page, continueButton, t('fit.nextPart'));
      await continueButton.click();
      await expect(page.locator('.catalogue-tile:visible').first()).toBeVisible();
      const pageProblems: string[] = [];
      const shots = testInfo.outputPath(`catalogue-${screen.width}x${screen.height}-${size}`);
      await checkCataloguePages(page, 'catalogue', pageProblems, shots);
      // A real call: "Usted es el número 1 en la lista…" in the dock, the tiles packed again above it.
      // (On a short screen in the help button's own box.)
      const helpCall = helpStatusShown(page, t, size);
      await page.getByRole('button', { name: t('help.call'), exact: true }).click();
      await expect(helpCall.status).toContainText(helpCall.says('queuedSoon', { position: 1 }));
      await checkCataloguePages(page, 'catalogue with a help call', pageProblems, shots);
      await helpCall.cancel();
      await expect(helpCall.status).toBeHidden();
      problems.push(...pageProblems.map((problem) => `${screen.width}×${screen.height} at ${size} px: ${problem}`));
    }
    expect(problems).toEqual([]);
  });
}
