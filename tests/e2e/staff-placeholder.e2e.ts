import { expect, test } from './fixtures/hub.js';
import { axeViolations } from './support/accessibility.js';

test('the staff page says, in Spanish and English, that the staff console is coming', async ({ page }) => {
  await page.goto('/staff/');
  await expect(page.getByRole('heading', { level: 2 })).toHaveText(['La consola del personal llega pronto.', 'The staff console is coming soon.']);
  // The hub of the tests runs in demo mode, and every screen says so.
  await expect(page.getByText('DEMO', { exact: true })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
});
