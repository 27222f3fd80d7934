import AxeBuilder from '@axe-core/playwright';
import { mkdir } from 'node:fs/promises';
import { sampleProcedures } from '../support/procedures.js';
import { expect, test } from './fixtures/hub.js';

test.describe('the kiosk page in Chromium', () => {
  test('lists every sample procedure, checked by core/ running in the browser', async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto('/kiosk/');
    const titles = sampleProcedures().map((procedure) => procedure.title['es'] ?? '');
    await expect(page.getByRole('heading', { level: 2 })).toHaveText(titles);
    await expect(page.getByText('Práctica: no se envía nada')).toHaveCount(sampleProcedures().filter((p) => p.practice).length);
    await expect(page.getByText('DEMO', { exact: true })).toBeVisible();
    expect(errors).toEqual([]);
    await mkdir('docs/screenshots', { recursive: true });
    await page.screenshot({ path: 'docs/screenshots/kiosk-catalogue.png', fullPage: false });
  });

  test('is in Spanish and has no accessibility violations at the AAA level', async ({ page }) => {
    await page.goto('/kiosk/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'es');
    const results = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'wcag2aaa', 'best-practice'])
      .analyze();
    expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
  });

  test('no text is smaller than 28 CSS pixels', async ({ page }) => {
    await page.goto('/kiosk/');
    const smallest = await page.evaluate(() => {
      let min = Infinity;
      for (const element of Array.from(document.querySelectorAll('body *'))) {
        const hasText = Array.from(element.childNodes).some((node) => node.nodeType === Node.TEXT_NODE && (node.textContent ?? '').trim() !== '');
        if (hasText) min = Math.min(min, parseFloat(getComputedStyle(element).fontSize));
      }
      return min;
    });
    expect(smallest).toBeGreaterThanOrEqual(28);
  });
});
