import { expect, test } from './fixtures/hub.js';
import { axeViolations } from './support/accessibility.js';

test('the staff page says, in Spanish and English, that the staff console is coming', async ({ page }) => {
  await page.goto('/staff/');
  await expect(page.getByRole('heading', { level: 2 })).toHaveText(['La consola del personal llega pronto.', 'The staff console is coming soon.']);
  expect(await axeViolations(page)).toEqual([]);
});
